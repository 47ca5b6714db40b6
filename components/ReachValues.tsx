import { useState } from 'react';

/** A contact's addresses or numbers: the first, and "+N more" that shows the rest. Each is a
 *  link only when `hrefOf` vouches for it; anything else is shown as plain text. */
export function ReachValues({
  values,
  hrefOf,
  what,
  show = (value) => value,
}: {
  values: readonly string[];
  hrefOf: (value: string) => string | undefined;
  /** What the rest are, for a screen reader: "email addresses", "phone numbers". */
  what: string;
  /** How a value reads on screen (a phone number in the rep's format); links keep the value. */
  show?: (value: string) => string;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? values : values.slice(0, 1);
  const more = values.length - 1;
  return (
    <>
      {shown.map((value, i) => {
        const href = hrefOf(value);
        return (
          <span key={`${i}:${value}`} className="reach-value">
            {href ? <a href={href}>{show(value)}</a> : show(value)}
          </span>
        );
      })}
      {more > 0 && (
        <button
          type="button"
          className="link"
          aria-expanded={all}
          aria-label={
            all ? `Show only the first of ${values.length} ${what}` : `Show ${more} more ${what}`
          }
          onClick={() => setAll(!all)}
        >
          {all ? 'Show fewer' : `+${more} more`}
        </button>
      )}
    </>
  );
}
