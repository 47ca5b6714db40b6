import { Component, createRef, type ReactNode } from 'react';
import { repairStoredRecords } from '@/lib/db/repair';
import { describeWriteError } from '@/lib/db/errors';
import { openSettingsTab } from './open-settings';

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
  busy: boolean;
  /** What the last repair did, shown until the rep leaves the screen. */
  repaired?: string[];
  repairError?: string;
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
  override state: PartBoundaryState = { error: undefined, failed: false, busy: false };
  private readonly part = createRef<HTMLDivElement>();
  private readonly message = createRef<HTMLDivElement>();
  private readonly report = createRef<HTMLParagraphElement>();

  static getDerivedStateFromError(error: unknown): Partial<PartBoundaryState> {
    return { error, failed: true, busy: false };
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

  private readonly repair = async () => {
    this.setState({ busy: true, repairError: undefined });
    try {
      const result = await repairStoredRecords({ contactId: this.props.contactId });
      this.setState({ failed: false, error: undefined, busy: false, repaired: result.lines });
    } catch (err) {
      this.setState({ busy: false, repairError: describeWriteError(err) });
    }
  };

  override render(): ReactNode {
    const { what, openSettings = openSettingsTab, children } = this.props;
    const { failed, error, busy, repaired, repairError } = this.state;
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
        <div className="row">
          <button type="button" onClick={openSettings}>
            Open Settings
          </button>
          <button type="button" onClick={() => void this.repair()} disabled={busy}>
            {busy ? 'Removing…' : 'Remove records that cannot be shown'}
          </button>
        </div>
        {report}
        {repairError && (
          <p role="alert" className="write-error">
            {repairError}
          </p>
        )}
      </div>
    );
  }
}
