import { moveRecords, undoMove, type LoggedRecords } from '@/lib/db/move-records';
import { useWrite } from '@/lib/hooks/use-write';
import { useMisplacedRecords } from '@/lib/stores/misplaced-records';
import { WriteError } from './WriteError';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 notes and 1 call", or what else there is: the words of the offer. */
function recordsInWords(records: LoggedRecords): string {
  const parts = [
    records.notes > 0 && count(records.notes, 'note'),
    records.attempts > 0 && count(records.attempts, 'call'),
  ].filter((part): part is string => !!part);
  if (parts.length === 0)
    return records.tasks > 0 ? count(records.tasks, 'follow-up') : 'the call plan';
  return parts.join(' and ');
}

/**
 * After the rep corrected who this record is: what was logged on the wrong person, offered
 * to move to this contact in one step, then Undo that moves it back.
 */
export function MisplacedRecordsOffer({ contactId }: { contactId: string }) {
  const { offer, moved, markMoved, forget } = useMisplacedRecords();
  const { run, busy, error } = useWrite();
  if (offer?.to.id === contactId) {
    const what = recordsInWords(offer.records);
    return (
      <section className="misplaced-records" aria-label="Logged on the wrong person">
        <p>
          {offer.from.name}, shown here before, has {what}. If they were about {offer.to.name}, move
          them.
        </p>
        <div className="row">
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => markMoved(await moveRecords(offer.from.id, contactId)))
            }
          >
            Move {what} to {offer.to.name}
          </button>
          <button type="button" disabled={busy} onClick={forget}>
            Leave them
          </button>
        </div>
        <WriteError message={error} />
      </section>
    );
  }
  if (moved?.to.id === contactId) {
    return (
      <section className="misplaced-records" aria-label="Logged on the wrong person">
        <p role="status">
          Moved {recordsInWords(moved.records)} from {moved.from.name} to {moved.to.name}.
        </p>
        <button
          type="button"
          disabled={busy}
          // The Move button is gone: the keyboard lands on its Undo.
          autoFocus
          onClick={() =>
            void run(async () => {
              await undoMove(moved.moved);
              forget();
            })
          }
        >
          Undo move
        </button>
        <WriteError message={error} />
      </section>
    );
  }
  return null;
}
