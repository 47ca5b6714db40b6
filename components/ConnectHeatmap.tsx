import { useCallback } from 'react';
import { HEATMAP_WEEKDAYS, type ConnectHeatmap as Heatmap } from '@/lib/insights';
import { ChartCanvas, type Draw } from './ChartCanvas';
import { ClockChoice, type Clock } from './ClockChoice';
import { hourLabel, rateWithCount } from './insight-format';
import { zoneName } from '@/lib/time/rep-clock';

/** Connect rate by weekday × hour: a heatmap, and its table for screen readers and exact numbers. */
export function ConnectHeatmap({
  heatmap,
  hours,
  clock,
  onClock,
  repZone,
}: {
  heatmap: Heatmap;
  hours: readonly number[];
  clock: Clock;
  onClock: (clock: Clock) => void;
  /** The rep's zone (Settings), named when the hours are on the rep's clock. */
  repZone: string;
}) {
  const draw = useCallback<Draw>(
    (charts, context) => charts.drawHeatmap(context, heatmap, hours),
    [heatmap, hours],
  );
  return (
    <section aria-labelledby="heatmap-heading" className="insight">
      <h2 id="heatmap-heading">When you connect</h2>
      <ClockChoice clock={clock} onChange={onClock} />
      <p className="hint">
        {clock === 'prospect'
          ? 'Each dial at the hour it was for the prospect (their zone when known, else yours).'
          : `Each dial at the hour it was on your own clock (${zoneName(repZone)}).`}{' '}
        A cell reads connect rate (dials); a connect is a call the prospect answered.
      </p>
      <ChartCanvas
        label="Heatmap of connect rate by weekday and hour; the table below holds the same numbers"
        height={230}
        draw={draw}
      />
      {/* 24 hours are wider than the page: the table scrolls inside its own box, which the
          keyboard can reach and scroll too. */}
      <div
        className="table-scroll"
        role="region"
        aria-label="Connect rate by weekday and hour (scrolls sideways)"
        tabIndex={0}
      >
        <table className="heatmap-table" style={{ fontSize: '0.8rem' }}>
          <caption>Connect rate by weekday and hour</caption>
          <thead>
            <tr>
              <th scope="col">Weekday</th>
              {hours.map((hour) => (
                <th key={hour} scope="col">
                  {hourLabel(hour)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {HEATMAP_WEEKDAYS.map((weekday, day) => (
              <tr key={weekday}>
                <th scope="row">{weekday}</th>
                {hours.map((hour) => {
                  const cell = heatmap[day]?.[hour];
                  return <td key={hour}>{cell ? rateWithCount(cell.rate, cell.dials) : '—'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
