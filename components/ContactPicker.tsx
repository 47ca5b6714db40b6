import { useState } from 'react';
import { createContactWithZone } from '@/lib/db/contact-details';
import { guessZoneFromPhone, resolveZoneInput } from '@/lib/coach/prospect-zone';
import { supportedZones, TimeZoneInput } from './TimeZoneInput';
import { WriteRefused } from '@/lib/db/errors';
import { useWrite } from '@/lib/hooks/use-write';
import { WriteError } from './WriteError';
import { StoredContactSearch } from './StoredContactSearch';

/** Shown when the page is not a contact record: find a stored contact or type one in. */
export function ContactPicker({ onPick }: { onPick: (contactId: string) => void }) {
  const [creating, setCreating] = useState(false);

  return (
    <section className="picker" aria-labelledby="picker-heading">
      <h1 id="picker-heading">No contact detected</h1>
      <p className="hint">
        Open a contact record in HubSpot or a thread in Gmail, or find someone you have called
        before by name, company, email or something they said.
      </p>
      <StoredContactSearch onPick={onPick} />
      {creating ? (
        <NewContactForm onCreated={onPick} onCancel={() => setCreating(false)} />
      ) : (
        <button type="button" onClick={() => setCreating(true)}>
          New contact
        </button>
      )}
    </section>
  );
}

function NewContactForm({
  onCreated,
  onCancel,
}: {
  onCreated: (contactId: string) => void;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState({ name: '', email: '', phone: '', company: '', title: '' });
  const [zone, setZone] = useState('');
  const { run, busy, error } = useWrite();
  const guess = guessZoneFromPhone(fields.phone);
  const create = () =>
    run(
      async () => {
        const typed = zone.trim();
        const timeZone = typed === '' ? undefined : resolveZoneInput(typed, supportedZones());
        if (typed !== '' && timeZone === undefined) {
          throw new WriteRefused({ kind: 'invalid-zone', typed });
        }
        return createContactWithZone({ ...fields, timeZone });
      },
      { onDone: (contact) => onCreated(contact.id) },
    );
  const field = (key: keyof typeof fields, label: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        value={fields[key]}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <form
      className="new-contact"
      aria-label="New contact"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      {field('name', 'Name')}
      {field('company', 'Company')}
      {field('title', 'Title')}
      {field('email', 'Email', 'email')}
      {field('phone', 'Phone', 'tel')}
      <TimeZoneInput label="Time zone" value={zone} onChange={setZone} />
      {zone.trim() === '' && guess && (
        <p className="hint">
          {guess.zone
            ? `Left empty, it is guessed from the number: ${guess.zone}.`
            : `${guess.countryName} has several time zones: set theirs.`}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={!fields.name.trim() || busy}>
          Create contact
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <WriteError message={error} />
    </form>
  );
}
