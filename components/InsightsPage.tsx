import { useState } from 'react';
import { browserZone, useNow } from '@/lib/hooks/now';
import { useRepSettings } from '@/lib/hooks/contact-records';
import { useInsightsReport } from '@/lib/hooks/insights-data';
import { dateRangeOf, defaultDateInputs, type DateInputs } from '@/lib/insights/date-inputs';
import type { Clock } from './ClockChoice';
import { ConnectHeatmap } from './ConnectHeatmap';
import { DateRangeFilter } from './DateRangeFilter';
import { DialsBeforeConnect } from './DialsBeforeConnect';
import { FunnelChart } from './FunnelChart';
import { OutcomesBySituation } from './OutcomesBySituation';
import { PreparationPayoff } from './PreparationPayoff';
import { VoicemailCallbacks } from './VoicemailCallbacks';
import { plural } from './insight-format';

/** What works for this rep, from their own calls: when they connect, how far calls get, and
 *  whether preparing pays off. Every number comes from lib/insights via insightsReport. */
export function InsightsPage() {
  const rep = useRepSettings();
  const now = useNow(60_000);
  const repZone = rep?.timeZone || browserZone();
  const [inputs, setInputs] = useState<DateInputs>(() => defaultDateInputs(now, repZone));
  const [allTime, setAllTime] = useState(false);
  const [clock, setClock] = useState<Clock>('prospect');

  const range = dateRangeOf(inputs, repZone);
  const from = allTime ? undefined : range.from;
  const to = allTime ? undefined : range.to;
  const loaded = useInsightsReport({ clock, repZone, from, to });

  if (!loaded) return <p className="loading">Loading…</p>;
  const { source, report } = loaded;
  if (source.attempts.length === 0) {
    return (
      <p className="empty">
        No calls logged yet. Log outcomes in the side panel after each call, and your connect rates
        by hour, your funnel and what pays off appear here.
      </p>
    );
  }
  return (
    <>
      <DateRangeFilter
        inputs={inputs}
        allTime={allTime}
        onInputs={setInputs}
        onAllTime={setAllTime}
      />
      {report.attempts === 0 ? (
        <p className="empty">
          No attempts in this period. Widen the dates or choose All time (
          {plural(source.attempts.length, 'attempt')} logged in all).
        </p>
      ) : (
        <>
          <p className="summary">{plural(report.attempts, 'attempt')} in this period.</p>
          <ConnectHeatmap
            heatmap={report.heatmap}
            hours={report.hours}
            clock={clock}
            onClock={setClock}
            repZone={repZone}
          />
          <FunnelChart funnel={report.funnel} />
          <PreparationPayoff preparation={report.preparation} windows={report.windows} />
          <OutcomesBySituation rows={report.situations} outcomes={report.outcomes} />
          <DialsBeforeConnect stats={report.firstConnect} />
          <VoicemailCallbacks stats={report.voicemail} />
        </>
      )}
    </>
  );
}
