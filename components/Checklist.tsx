import type { ChecklistResult } from '@/lib/coach/checklist';

/** The three things every follow-up needs, ticked as the plan meets them, plus warnings. */
export function Checklist({ result }: { result: ChecklistResult }) {
  return (
    <div className="checklist">
      <ul aria-label="Checklist">
        {result.items.map((item) => {
          const why = `checklist-why-${item.key}`;
          return (
            <li key={item.key} className={item.met ? 'met' : 'unmet'}>
              <label>
                <input
                  type="checkbox"
                  checked={item.met}
                  readOnly
                  aria-readonly="true"
                  aria-describedby={why}
                  // The checklist follows the plan; it is not ticked by hand.
                  onClick={(e) => e.preventDefault()}
                />
                {item.label}
              </label>
              <p id={why} className="why">
                {item.reason}
                {!item.met && item.fix && <span className="fix"> {item.fix}</span>}
              </p>
            </li>
          );
        })}
      </ul>
      {result.warnings.length > 0 && (
        <ul aria-label="Coach warnings" className="warnings">
          {result.warnings.map((w) => (
            <li key={w.key}>{w.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
