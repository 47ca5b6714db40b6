import { OUTCOME_LABELS, type Outcome } from '@/lib/model';
import { SITUATION_LABELS, type SituationKey } from '@/lib/coach/situation';
import type { SituationOutcomes } from '@/lib/insights';
import { rateWithCount } from './insight-format';

/** How attempts ended in each follow-up situation, busiest situation first. */
export function OutcomesBySituation({
  rows,
  outcomes,
}: {
  rows: readonly SituationOutcomes<SituationKey>[];
  /** The columns: outcomes logged at least once. */
  outcomes: readonly Outcome[];
}) {
  return (
    <section aria-labelledby="situations-heading" className="insight">
      <h2 id="situations-heading">Outcomes by situation</h2>
      <p className="hint">
        The situation the coach saw before each attempt. A cell reads share of attempts (count).
      </p>
      <div
        className="table-scroll"
        role="region"
        aria-label="Outcome rates by situation (scrolls sideways)"
        tabIndex={0}
      >
        <table style={{ fontSize: '0.85rem' }}>
          <caption>Outcome rates by situation</caption>
          <thead>
            <tr>
              <th scope="col">Situation</th>
              <th scope="col">Attempts</th>
              {outcomes.map((outcome) => (
                <th key={outcome} scope="col">
                  {OUTCOME_LABELS[outcome]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.situation}>
                <th scope="row">{SITUATION_LABELS[row.situation]}</th>
                <td>{row.attempts}</td>
                {outcomes.map((outcome) => {
                  const { share, count } = row.outcomes[outcome];
                  return <td key={outcome}>{rateWithCount(share, count)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
