import { splitPlaceholders } from '@/lib/coach/scripts';

/** A script line with its gaps ("[your name]") marked, so the rep sees what to fill in. */
export function ScriptText({ text }: { text: string }) {
  return (
    <p className="script-text">
      {splitPlaceholders(text).map((part, i) =>
        part.placeholder ? (
          <mark key={i} className="placeholder" title="Missing: fill this in">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
