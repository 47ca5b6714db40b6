import type { SuggestedAsk as Ask } from '@/lib/coach/suggest-ask';

/** Two concrete slots in the prospect's best windows, ready to say or to use as the ask. */
export function SuggestedAsk({
  ask,
  onUse,
  zoneNote,
}: {
  ask: Ask;
  onUse: (text: string) => void;
  /** Said when the times are not on the prospect's own clock. */
  zoneNote?: string;
}) {
  return (
    <section className="suggested-ask" aria-label="Suggested ask">
      <h3>Suggested ask</h3>
      <p className="ask-text">{ask.text}</p>
      {ask.repText && <p className="rep-time">{ask.repText}</p>}
      {ask.why && <p className="ask-why">Why these times: {ask.why}</p>}
      {zoneNote && <p className="zone-note">{zoneNote}</p>}
      <button type="button" onClick={() => onUse(ask.text)}>
        Use this ask
      </button>
    </section>
  );
}
