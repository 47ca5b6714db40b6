import { useCallback } from 'react';
import type { Funnel } from '@/lib/insights';
import { ChartCanvas, type Draw } from './ChartCanvas';
import { percentLabel, plural } from './insight-format';

/** Dials → connects → meetings booked → advanced, each step with its rate from the one before. */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const draw = useCallback<Draw>((charts, context) => charts.drawFunnel(context, funnel), [funnel]);
  const { rates } = funnel;
  const steps: [string, number, string][] = [
    ['Dials', funnel.dials, '—'],
    [
      'Connects',
      funnel.connects,
      rates.connectsPerDial === null ? '—' : `${percentLabel(rates.connectsPerDial)} of dials`,
    ],
    [
      'Meetings booked',
      funnel.meetings,
      rates.meetingsPerConnect === null
        ? '—'
        : `${percentLabel(rates.meetingsPerConnect)} of connects`,
    ],
    [
      'Advanced',
      funnel.advanced,
      rates.advancedPerContactReached === null
        ? '—'
        : `${percentLabel(rates.advancedPerContactReached)} of ${plural(funnel.contactsReached, 'contact')} reached`,
    ],
  ];
  return (
    <section aria-labelledby="funnel-heading" className="insight">
      <h2 id="funnel-heading">From dial to next stage</h2>
      <table>
        <caption>Funnel</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Count</th>
            <th scope="col">Step rate</th>
          </tr>
        </thead>
        <tbody>
          {steps.map(([step, count, rate]) => (
            <tr key={step}>
              <th scope="row">{step}</th>
              <td>{count}</td>
              <td>{rate}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Advanced counts contacts among those you reached, not calls: those you marked advanced in
        the side panel, and those whose stage Second Call saw change on their CRM record page (a
        HubSpot lifecycle stage moving on, for example).
      </p>
      <ChartCanvas
        label="Bar chart of the funnel; the table above holds the numbers"
        height={160}
        draw={draw}
      />
    </section>
  );
}
