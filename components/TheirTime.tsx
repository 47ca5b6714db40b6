import { useState } from 'react';
import type { Contact } from '@/lib/model';
import { clockLabel } from '@/lib/time/calendar';
import { knownProspectZone, REP_ZONE_NOTE, resolveZoneInput } from '@/lib/coach/prospect-zone';
import { setContactTimeZone } from '@/lib/db/contact-details';
import { WriteRefused } from '@/lib/db/errors';
import { useWrite } from '@/lib/hooks/use-write';
import { useNow } from '@/lib/hooks/now';
import { useRepZone } from '@/lib/hooks/rep-zone';
import { yourZoneLabel } from '@/lib/time/rep-clock';
import { supportedZones, TimeZoneInput } from './TimeZoneInput';
import { WriteError } from './WriteError';

/** The prospect's clock right now, where it comes from, and a way to set or correct it; and
 *  the panel's one label of the clock every other time in it is on (the rep's). */
export function TheirTime({ contact }: { contact: Contact }) {
  const now = useNow();
  const repZone = useRepZone();
  const known = knownProspectZone(contact);
  const [editing, setEditing] = useState(false);
  const isSet = known.zone !== undefined && known.source === 'set';

  let line: string;
  if (known.zone === undefined) {
    line = [known.unknownBecause && `${known.unknownBecause}.`, REP_ZONE_NOTE]
      .filter(Boolean)
      .join(' ');
  } else {
    const source = known.source === 'guessed' ? `, guessed from ${known.guessedFrom}` : '';
    line = `Their time: ${clockLabel(now, known.zone)} (${known.zone}${source})`;
  }
  return (
    <>
      <div className="their-time">
        <p className={isSet ? 'zone-set' : 'zone-guess'}>{line}</p>
        {editing ? (
          <ZoneForm
            contact={contact}
            initial={contact.timeZone ?? known.zone ?? ''}
            onDone={() => setEditing(false)}
          />
        ) : (
          <button type="button" className="link" onClick={() => setEditing(true)}>
            {isSet ? 'Change time zone' : 'Set time zone'}
          </button>
        )}
      </div>
      {repZone && <p className="your-zone">{yourZoneLabel(repZone)}.</p>}
    </>
  );
}

function ZoneForm({
  contact,
  initial,
  onDone,
}: {
  contact: Contact;
  initial: string;
  onDone: () => void;
}) {
  const [text, setText] = useState(initial);
  const { run, busy, error } = useWrite();
  const save = () =>
    run(
      async () => {
        const typed = text.trim();
        // "paris" or "Tokio" read as the zone the rep meant; what no zone matches is refused.
        const zone = typed === '' ? undefined : resolveZoneInput(typed, supportedZones());
        if (typed !== '' && zone === undefined) {
          throw new WriteRefused({ kind: 'invalid-zone', typed });
        }
        await setContactTimeZone(contact.id, zone);
      },
      { onDone },
    );
  return (
    <form
      className="zone-form"
      aria-label="Their time zone"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TimeZoneInput label="Their time zone" value={text} onChange={setText} />
      <div className="row">
        <button type="submit" disabled={busy}>
          Save time zone
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {contact.timeZone && (
        <p className="hint">Leave it empty and save to go back to the guess from their number.</p>
      )}
      <WriteError message={error} />
    </form>
  );
}
