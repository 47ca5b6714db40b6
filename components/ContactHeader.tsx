import { Suspense, lazy } from 'react';
import type { Contact } from '@/lib/model';
import { markAdvanced } from '@/lib/db/advanced';
import { useWrite } from '@/lib/hooks/use-write';
import { WriteError } from './WriteError';
import { NotThisPersonButton } from './NotThisPersonButton';
import { ContactMenu } from './ContactMenu';
import { ReachValues } from './ReachValues';
import { mailtoHref, telHref } from '@/lib/model/reach-links';
import { usePhoneDisplay } from './phone-display';

// Their clock needs the phone-number library (a zone guessed from the number): it follows the
// name and the notes, which do not wait for it.
const TheirTime = lazy(() =>
  import('./TheirTime').then((module) => ({ default: module.TheirTime })),
);

/** Who the rep is about to call: the name as the panel's heading, then how to reach them;
 *  their clock once `withTheirTime`. */
export function ContactHeader({
  contact,
  tabId,
  withTheirTime = true,
}: {
  contact: Contact;
  tabId?: number;
  /** False while the notes are drawn: starting the clock's load (Vite links each of its
   *  eight files into the page, one fetch each) added ~9 ms to the drawing that shows them. */
  withTheirTime?: boolean;
}) {
  const role = [contact.title, contact.company].filter(Boolean).join(' · ');
  const showPhone = usePhoneDisplay();
  return (
    <header className="contact-header">
      <h1>{contact.name}</h1>
      {tabId !== undefined && <NotThisPersonButton contact={contact} tabId={tabId} />}
      {role && <p className="contact-role">{role}</p>}
      <dl className="contact-reach">
        {contact.emails.length > 0 && (
          <>
            <dt>Email</dt>
            <dd>
              <ReachValues values={contact.emails} hrefOf={mailtoHref} what="email addresses" />
            </dd>
          </>
        )}
        {contact.phones.length > 0 && (
          <>
            <dt>Phone</dt>
            <dd>
              <ReachValues
                values={contact.phones}
                hrefOf={telHref}
                what="phone numbers"
                show={showPhone}
              />
            </dd>
          </>
        )}
      </dl>
      {withTheirTime && (
        <Suspense fallback={null}>
          <TheirTime contact={contact} />
        </Suspense>
      )}
      <AdvancedToggle contact={contact} />
      <ContactMenu contact={contact} />
    </header>
  );
}

/** The funnel's last step: the rep says the deal moved to the next stage (or takes it back). */
function AdvancedToggle({ contact }: { contact: Contact }) {
  const { run, busy, error } = useWrite();
  const advanced = contact.advancedAt !== undefined;
  const toggle = () => run(() => markAdvanced(contact.id, !advanced, Date.now()));
  return (
    <div className="row advanced-toggle">
      <button type="button" aria-pressed={advanced} disabled={busy} onClick={() => void toggle()}>
        {advanced ? 'Advanced to next stage ✓' : 'Mark as advanced'}
      </button>
      <WriteError message={error} />
    </div>
  );
}
