import type { RateComparison, WindowPayoff } from '@/lib/insights';
import type { ReactNode } from 'react';
import { percentLabel } from './insight-format';

/** "Did preparing pay off?": meetings booked with and without a complete call plan, and by
 *  calls placed inside and outside the best windows, each with its sample sizes, 95% intervals
 *  and a verdict in plain words. */
export function PreparationPayoff({
  preparation,
  windows,
}: {
  preparation: RateComparison;
  windows: WindowPayoff;
}) {
  const connects = windows.connects;
  return (
    <section aria-labelledby="payoff-heading" className="insight">
      <h2 id="payoff-heading">Did preparing pay off?</h2>
      <Comparison
        title="A complete call plan (reference, something new, direct ask)"
        caption="Meeting rate of connected calls, with and without a complete plan"
        rateName="Meeting rate"
        trialsName="Connected calls"
        comparison={preparation}
      />
      <Comparison
        title="Calling inside the best windows (Tue–Thu 10:00–11:30, 1:30–3:00, their time)"
        caption="Meeting rate of calls placed inside and outside the best windows"
        rateName="Meeting rate"
        trialsName="Calls placed"
        comparison={windows.meetings}
      >
        <p className="hint">
          Connect rate, for comparison:{' '}
          {[connects.a, connects.b]
            .map((g) =>
              g.interval
                ? `${percentLabel(g.interval.rate)} of ${g.label} (${g.successes} of ${g.trials}, 95% interval ${percentLabel(g.interval.low)}–${percentLabel(g.interval.high)})`
                : `none yet for ${g.label}`,
            )
            .join(' vs ')}
          .
        </p>
      </Comparison>
    </section>
  );
}

function Comparison({
  title,
  caption,
  rateName,
  trialsName,
  comparison,
  children,
}: {
  title: string;
  caption: string;
  rateName: string;
  trialsName: string;
  comparison: RateComparison;
  children?: ReactNode;
}) {
  const groups = [comparison.a, comparison.b];
  return (
    <div className="comparison">
      <h3>{title}</h3>
      <table>
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Calls</th>
            <th scope="col">{rateName}</th>
            <th scope="col">{trialsName}</th>
            <th scope="col">95% interval</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.label}>
              <th scope="row">{group.label.charAt(0).toUpperCase() + group.label.slice(1)}</th>
              <td>
                {group.interval ? `${percentLabel(group.interval.rate)} (${group.successes})` : '—'}
              </td>
              <td>{group.trials}</td>
              <td>
                {group.interval
                  ? `${percentLabel(group.interval.low)}–${percentLabel(group.interval.high)}`
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={`verdict verdict-${comparison.verdict}`}>{comparison.message}</p>
      {children}
    </div>
  );
}
