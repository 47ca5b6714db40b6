import type { DialsBeforeFirstConnect } from '@/lib/insights';
import { plural } from './insight-format';

/** How many unanswered dials it took before each contact first picked up. */
export function DialsBeforeConnect({ stats }: { stats: DialsBeforeFirstConnect }) {
  const counts = Object.entries(stats.distribution)
    .map(([dials, contacts]) => [Number(dials), contacts] as const)
    .sort(([a], [b]) => a - b);
  return (
    <section aria-labelledby="first-connect-heading" className="insight">
      <h2 id="first-connect-heading">Dials before the first connect</h2>
      {stats.median === null || stats.mean === null ? (
        <p className="empty">No contact picked up in this period yet.</p>
      ) : (
        <>
          <p>
            Over {plural(stats.contacts, 'contact')} reached: a median of{' '}
            {plural(stats.median, 'unanswered dial')} before the first connect (mean{' '}
            {stats.mean.toFixed(1)}). Contacts never reached are not counted.
          </p>
          <table>
            <caption>Unanswered dials before the first connect</caption>
            <thead>
              <tr>
                <th scope="col">Unanswered dials first</th>
                <th scope="col">Contacts</th>
              </tr>
            </thead>
            <tbody>
              {counts.map(([dials, contacts]) => (
                <tr key={dials}>
                  <th scope="row">{dials === 0 ? '0 (reached on the first dial)' : dials}</th>
                  <td>{contacts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
