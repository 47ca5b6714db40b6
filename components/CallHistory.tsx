import { OUTCOME_LABELS, type Attempt } from '@/lib/model';
import { useNow } from '@/lib/hooks/now';
import { momentLabel } from '@/lib/time/rep-clock';
import { FoldedText } from './FoldedText';

/** Every attempt, newest first: when, how, what happened and what was said. */
export function CallHistory({
  attempts,
  repZone,
}: {
  attempts: readonly Attempt[];
  repZone: string;
}) {
  const now = useNow();
  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {attempts.length === 0 && <p className="empty">No attempts logged yet.</p>}
      <ul aria-label="History">
        {attempts.map((a) => (
          <li key={a.id} className="attempt">
            <p className="attempt-head">
              <strong>{OUTCOME_LABELS[a.outcome]}</strong>{' '}
              <time dateTime={new Date(a.at).toISOString()}>{momentLabel(a.at, repZone, now)}</time>{' '}
              <span className="muted">
                · {a.channel}
                {a.voicemailSeconds !== undefined && ` · ${a.voicemailSeconds} s voicemail`}
              </span>
            </p>
            {a.plan?.reference && <p className="said">Referenced: {a.plan.reference}</p>}
            {a.plan?.newValue && <p className="said">Brought: {a.plan.newValue}</p>}
            {a.plan?.ask && <p className="said">Asked: {a.plan.ask}</p>}
            {a.agreedAt !== undefined && (
              <p className="said">Agreed to talk again: {momentLabel(a.agreedAt, repZone, now)}</p>
            )}
            {a.promisedAt !== undefined && (
              <p className="said">
                Said you'd try again: {momentLabel(a.promisedAt, repZone, now)}
              </p>
            )}
            {a.note && <FoldedText className="said" lead="Said: " text={a.note} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
