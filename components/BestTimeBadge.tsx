import type { BestTimeVerdict } from '@/lib/coach/best-time';

const RATING_TEXT = {
  good: 'Good time to call',
  fair: 'Fair time to call',
  poor: 'Poor time to call',
};

/** Whether now is a good moment to dial, in the prospect's local time. */
export function BestTimeBadge({ verdict }: { verdict: BestTimeVerdict }) {
  return (
    <p
      role="status"
      aria-label="Good time to call now?"
      className={`best-time rating-${verdict.rating}`}
    >
      <strong>{RATING_TEXT[verdict.rating]}</strong> <span>{verdict.reason}</span>
    </p>
  );
}
