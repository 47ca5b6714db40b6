import { useState } from 'react';
import { createContactWithZone } from '@/lib/db/contact-details';
import { guessZoneFromPhone, resolveZoneInput } from '@/lib/coach/prospect-zone';
import { supportedZones, TimeZoneInput } from './TimeZoneInput';
import { describeWriteError } from '@/lib/db/errors';
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
  const [error, setError] = useState<string>();
  const guess = guessZoneFromPhone(fields.phone);
  const create = () => {
    const typed = zone.trim();
    const timeZone = typed === '' ? undefined : resolveZoneInput(typed, supportedZones());
    if (typed !== '' && timeZone === undefined) {
      setError(`“${typed}” is not a time zone. Pick one from the list, e.g. Europe/Paris.`);
      return;
    }
    createContactWithZone({ ...fields, timeZone }).then(
      (contact) => onCreated(contact.id),
      (err: unknown) => setError(describeWriteError(err)),
    );
  };
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
        create();
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
        <button type="submit" disabled={!fields.name.trim()}>
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
