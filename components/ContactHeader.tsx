import type { Contact } from '@/lib/model';

/** Who the rep is about to call: the name as the panel's heading, then how to reach them. */
export function ContactHeader({ contact }: { contact: Contact }) {
  const role = [contact.title, contact.company].filter(Boolean).join(' · ');
  const [email] = contact.emails;
  const [phone] = contact.phones;
  return (
    <header className="contact-header">
      <h1>{contact.name}</h1>
      {role && <p className="contact-role">{role}</p>}
      <dl className="contact-reach">
        {email && (
          <>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${email}`}>{email}</a>
            </dd>
          </>
        )}
        {phone && (
          <>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${phone}`}>{phone}</a>
            </dd>
          </>
        )}
      </dl>
    </header>
  );
}
