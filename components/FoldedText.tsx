import { useId, useMemo, useState } from 'react';
import { foldedStart, wordCount } from './fold-text';

/** A note's text, folded when long: its first lines and "Show all (N words)"; the whole
 *  text on a click, and folded again with "Show less". */
export function FoldedText({
  text,
  className,
  lead = '',
}: {
  text: string;
  className: string;
  /** Shown before the text, e.g. "Said: ". */
  lead?: string;
}) {
  const [open, setOpen] = useState(false);
  const start = useMemo(() => foldedStart(text), [text]);
  const words = useMemo(() => (start === undefined ? 0 : wordCount(text)), [start, text]);
  const id = useId();
  if (start === undefined) {
    return (
      <p className={className}>
        {lead}
        {text}
      </p>
    );
  }
  return (
    <>
      <p className={className} id={id}>
        {lead}
        {open ? text : `${start} …`}
      </p>
      <button
        type="button"
        className="link fold-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Show less' : `Show all (${words.toLocaleString('en-US')} words)`}
      </button>
    </>
  );
}
