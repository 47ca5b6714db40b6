import { useEffect, useId, useMemo, useState } from 'react';
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
  // Counted just after the text is shown, each note in a task of its own: counting every
  // word of 200 long notes before showing them took longer than the rest of the panel.
  const [words, setWords] = useState<{ text: string; count: number }>();
  useEffect(() => {
    if (start === undefined) return;
    const timer = setTimeout(() => setWords({ text, count: wordCount(text) }), 0);
    return () => clearTimeout(timer);
  }, [start, text]);
  const counted = words?.text === text ? words.count : undefined;
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
        {open
          ? 'Show less'
          : counted === undefined
            ? 'Show all'
            : `Show all (${counted.toLocaleString('en-US')} words)`}
      </button>
    </>
  );
}
