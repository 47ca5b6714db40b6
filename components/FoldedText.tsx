import { useEffect, useId, useState } from 'react';
import { foldedStart, wordCount } from './fold-text';

interface FoldedTextProps {
  text: string;
  className: string;
  /** Shown before the text, e.g. "Said: ". */
  lead?: string;
}

/** A note's text, folded when long: its first lines and "Show all (N words)"; the whole
 *  text on a click, and folded again with "Show less". A short text is a plain paragraph. */
export function FoldedText({ text, className, lead = '' }: FoldedTextProps) {
  const start = foldedStart(text);
  if (start === undefined) {
    return (
      <p className={className}>
        {lead}
        {text}
      </p>
    );
  }
  return <Folded text={text} start={start} className={className} lead={lead} />;
}

function Folded({ text, start, className, lead }: Required<FoldedTextProps> & { start: string }) {
  const [open, setOpen] = useState(false);
  // Counted just after the text is shown, each note in a task of its own: counting every
  // word of 200 long notes before showing them took longer than the rest of the panel.
  const [words, setWords] = useState<{ text: string; count: number }>();
  useEffect(() => {
    const timer = setTimeout(() => setWords({ text, count: wordCount(text) }), 0);
    return () => clearTimeout(timer);
  }, [text]);
  const counted = words?.text === text ? words.count : undefined;
  const id = useId();
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
