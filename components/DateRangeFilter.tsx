import type { DateInputs } from '@/lib/insights/date-inputs';

/** Which attempts the page counts: a from–to range of days (both included), or all time. */
export function DateRangeFilter({
  inputs,
  allTime,
  onInputs,
  onAllTime,
}: {
  inputs: DateInputs;
  allTime: boolean;
  onInputs: (inputs: DateInputs) => void;
  onAllTime: (allTime: boolean) => void;
}) {
  return (
    <fieldset className="row date-range">
      <legend>Period</legend>
      <label className="field">
        From
        <input
          type="date"
          value={inputs.from}
          max={inputs.to || undefined}
          disabled={allTime}
          onChange={(e) => onInputs({ ...inputs, from: e.target.value })}
        />
      </label>
      <label className="field">
        To
        <input
          type="date"
          value={inputs.to}
          min={inputs.from || undefined}
          disabled={allTime}
          onChange={(e) => onInputs({ ...inputs, to: e.target.value })}
        />
      </label>
      <label className="row">
        <input
          type="checkbox"
          checked={allTime}
          onChange={(e) => onAllTime(e.target.checked)}
          style={{ width: 'auto' }}
        />
        All time
      </label>
    </fieldset>
  );
}
