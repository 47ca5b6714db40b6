import { Component, createRef, type ReactNode } from 'react';
import type { repairStoredRecords } from '@/lib/db/repair';
import { useWrite } from '@/lib/hooks/use-write';
import { openSettingsTab } from './open-settings';
import { WriteError } from './WriteError';

interface PartBoundaryProps {
  /** The part and the records it shows, in plain words: "the follow-up queue",
   *  "Ann Lee's call history". */
  what: string;
  /** Whose records the repair reads; every record when absent (a dashboard page). */
  contactId?: string;
  /** Where "Open Settings" goes: the dashboard switches page, other screens open it in a tab. */
  openSettings?: () => void;
  /** Told when the part fails, e.g. so what waits for it loads anyway. */
  onFailed?: () => void;
  children: ReactNode;
}

interface PartBoundaryState {
  error: unknown;
  failed: boolean;
  /** What the last repair did, shown until the rep leaves the screen. */
  repaired?: string[];
}

/** Why a part failed, without a stack trace. */
function plainCause(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/invalid time value|invalid date/i.test(message)) {
    return 'A stored date is outside what a calendar can show.';
  }
  if (/time ?zone|call window/i.test(message)) {
    return 'A stored time zone is not one this browser knows.';
  }
  return 'A stored record holds a value this screen cannot show.';
}

/**
 * One part of a screen (a panel section, a dashboard page) that fails on its own: a record it
 * cannot show replaces the part with a message and two ways out — Settings, or removing the
 * records that cannot be shown — while the rest of the screen keeps working.
 */
export class PartBoundary extends Component<PartBoundaryProps, PartBoundaryState> {
  override state: PartBoundaryState = { error: undefined, failed: false };
  private readonly part = createRef<HTMLDivElement>();
  private readonly message = createRef<HTMLDivElement>();
  private readonly report = createRef<HTMLParagraphElement>();

  static getDerivedStateFromError(error: unknown): Partial<PartBoundaryState> {
    return { error, failed: true };
  }

  override componentDidCatch(): void {
    this.props.onFailed?.();
  }

  // Focus follows the rep, never jumps on its own: only when it was inside the part that just
  // failed (it would otherwise fall to the page's top) does it move to the message.
  override getSnapshotBeforeUpdate(_props: PartBoundaryProps, before: PartBoundaryState): boolean {
    const active = document.activeElement;
    return !before.failed && this.state.failed && !!active && !!this.part.current?.contains(active);
  }

  override componentDidUpdate(
    _props: PartBoundaryProps,
    before: PartBoundaryState,
    focusWasInside: boolean,
  ): void {
    if (focusWasInside) this.message.current?.focus();
    // The repaired part renders again: the button the rep pressed is gone, the report takes focus.
    if (before.failed && !this.state.failed && this.state.repaired) this.report.current?.focus();
  }

  private readonly repaired = (lines: string[]) =>
    this.setState({ failed: false, error: undefined, repaired: lines });

  override render(): ReactNode {
    const { what, openSettings = openSettingsTab, children } = this.props;
    const { failed, error, repaired } = this.state;
    const report = repaired && (
      <p className="part-repaired" role="status" tabIndex={-1} ref={this.report}>
        {repaired.join(' ')}
      </p>
    );
    if (!failed) {
      return (
        <div className="part" ref={this.part}>
          {report}
          {children}
        </div>
      );
    }
    return (
      <div className="part part-failed" tabIndex={-1} ref={this.message}>
        <p role="alert">
          <strong>This part could not be shown — {what}.</strong> {plainCause(error)}
        </p>
        <p className="muted">
          Check your details in Settings, or remove the records this part cannot show; everything
          else stays as it is.
        </p>
        <RepairOffer
          contactId={this.props.contactId}
          openSettings={openSettings}
          onRepaired={this.repaired}
        />
        {report}
      </div>
    );
  }
}

/** The repair, loaded when the rep asks for it: it checks every kind of record (and every
 *  site's links), which no screen that works needs to carry. */
async function repairRecords(...args: Parameters<typeof repairStoredRecords>) {
  const { repairStoredRecords } = await import('@/lib/db/repair');
  return repairStoredRecords(...args);
}

/** The failed part's two ways out. A function component of its own: a class cannot use
 *  useWrite, the one way a component writes. */
function RepairOffer({
  contactId,
  openSettings,
  onRepaired,
}: {
  contactId: string | undefined;
  openSettings: () => void;
  onRepaired: (lines: string[]) => void;
}) {
  const { run, busy, error } = useWrite();
  return (
    <>
      <div className="row">
        <button type="button" onClick={openSettings}>
          Open Settings
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(() => repairRecords({ contactId }), {
              onDone: (result) => onRepaired(result.lines),
            })
          }
        >
          {busy ? 'Removing…' : 'Remove records that cannot be shown'}
        </button>
      </div>
      <WriteError message={error} />
    </>
  );
}
