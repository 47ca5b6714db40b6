import { format } from 'date-fns';
import { OUTCOME_LABELS, type Attempt } from '@/lib/model';
import { FoldedText } from './FoldedText';

const TIME_FORMAT = 'EEE d MMM, HH:mm';

/** Every attempt, newest first: when, how, what happened and what was said. */
export function CallHistory({ attempts }: { attempts: readonly Attempt[] }) {
  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {attempts.length === 0 && <p className="empty">No attempts logged yet.</p>}
      <ul aria-label="History">
        {attempts.map((a) => (
          <li key={a.id} className="attempt">
            <p className="attempt-head">
              <strong>{OUTCOME_LABELS[a.outcome]}</strong>{' '}
              <time dateTime={new Date(a.at).toISOString()}>
                {format(a.at, 'EEE d MMM yyyy, HH:mm')}
              </time>{' '}
              <span className="muted">
                · {a.channel}
                {a.voicemailSeconds !== undefined && ` · ${a.voicemailSeconds} s voicemail`}
              </span>
            </p>
            {a.plan?.reference && <p className="said">Referenced: {a.plan.reference}</p>}
            {a.plan?.newValue && <p className="said">Brought: {a.plan.newValue}</p>}
            {a.plan?.ask && <p className="said">Asked: {a.plan.ask}</p>}
            {a.agreedAt !== undefined && (
              <p className="said">Agreed to talk again: {format(a.agreedAt, TIME_FORMAT)}</p>
            )}
            {a.promisedAt !== undefined && (
              <p className="said">Said you'd try again: {format(a.promisedAt, TIME_FORMAT)}</p>
            )}
            {a.note && <FoldedText className="said" lead="Said: " text={a.note} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
