import { useEffect, useId, type ReactNode } from 'react';
import { usePanelFolds, type FoldablePart } from '@/lib/stores/panel-folds';

/** A panel section whose heading folds it to one line; the rep's choice is remembered.
 *  `alwaysOpen` while the section is in use (a running voicemail timer). */
export function FoldableSection({
  part,
  title,
  className,
  headingId,
  aside,
  alwaysOpen = false,
  children,
}: {
  part: FoldablePart;
  title: string;
  className: string;
  headingId: string;
  /** Shown beside the heading, folded or not (e.g. the best-time badge). */
  aside?: ReactNode;
  alwaysOpen?: boolean;
  children: ReactNode;
}) {
  const folded = usePanelFolds((s) => s.folded[part] === true) && !alwaysOpen;
  const toggle = usePanelFolds((s) => s.toggle);
  const load = usePanelFolds((s) => s.load);
  useEffect(() => void load(), [load]);
  const bodyId = useId();
  return (
    <section
      className={`${className} foldable${folded ? ' folded' : ''}`}
      aria-labelledby={headingId}
    >
      <div className="row spread fold-head">
        <h2 id={headingId}>
          {alwaysOpen ? (
            title
          ) : (
            <button
              type="button"
              className="fold-toggle"
              aria-expanded={!folded}
              aria-controls={bodyId}
              onClick={() => toggle(part)}
            >
              {title}
            </button>
          )}
        </h2>
        {aside}
      </div>
      {/* Hidden, not removed: what was being typed stays as it was. */}
      <div id={bodyId} className="fold-body" hidden={folded}>
        {children}
      </div>
    </section>
  );
}
