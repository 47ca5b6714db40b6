import { clockText, remainingSeconds, timerPhase } from '../coach/voicemail-timer';
import type { VoicemailTimerState } from '../model';

/** The rep's choice to remove the overlay, kept in storage.local. */
export const OVERLAY_HIDDEN_KEY = 'overlayHidden';

const STYLE = `
:host { all: initial; }
.pill { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; display: flex; gap: 6px;
  align-items: center; padding: 6px 8px 6px 12px; border-radius: 999px; background: #1f6feb;
  color: #fff; font: 600 13px/1.2 system-ui, sans-serif; box-shadow: 0 4px 14px rgb(0 0 0 / 0.25); }
.pill.warning { background: #9a6700; } .pill.over { background: #cf222e; }
button { all: unset; cursor: pointer; padding: 4px 8px; border-radius: 999px; }
button:hover, button:focus-visible { background: rgb(255 255 255 / 0.2); outline: 2px solid #fff; }
[role=timer] { font-variant-numeric: tabular-nums; min-width: 2.6em; }
`;

interface VoicemailOverlay {
  /** Shown only while the page shows a contact. */
  setVisible(visible: boolean): void;
  setTimer(state: VoicemailTimerState | null): void;
  destroy(): void;
}

/**
 * A small floating voicemail button on the CRM page, in a closed shadow root so the page's
 * CSS cannot break it nor its scripts reach it. Plain DOM: React and the rest of the coach never load into a CRM page.
 */
export function createVoicemailOverlay(
  doc: Document,
  actions: { start(): void; stop(): void; hide(): void },
): VoicemailOverlay {
  const host = doc.createElement('second-call-overlay');
  // Closed, and only the rep's own clicks count: the page can neither reach these buttons
  // nor press them with a synthetic click.
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const pill = doc.createElement('div');
  pill.className = 'pill';
  const clock = doc.createElement('span');
  const main = doc.createElement('button');
  const close = doc.createElement('button');
  close.textContent = '×';
  close.setAttribute('aria-label', 'Hide Second Call overlay');
  close.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    actions.hide();
    overlay.destroy();
  });
  pill.append(clock, main, close);
  root.append(style, pill);

  let state: VoicemailTimerState | null = null;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let visible = false;
  let removed = false;

  const render = () => {
    const now = Date.now();
    const running = state !== null && state.stoppedAt === undefined;
    const phase = state ? timerPhase(state, now) : undefined;
    pill.className = `pill ${phase ?? ''}`;
    if (running && state) {
      clock.setAttribute('role', 'timer');
      clock.textContent = clockText(remainingSeconds(state, now));
      main.textContent = 'Stop';
      main.setAttribute('aria-label', 'Stop voicemail timer');
    } else {
      clock.removeAttribute('role');
      clock.textContent = 'Voicemail';
      main.textContent = '▶ 0:30';
      main.setAttribute('aria-label', 'Start voicemail timer');
    }
    // Tick only while a countdown is on screen: an idle page runs nothing.
    const ticking = running && phase !== 'over';
    if (ticking && ticker === undefined) ticker = setInterval(render, 200);
    if (!ticking && ticker !== undefined) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
  main.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    if (state && state.stoppedAt === undefined) actions.stop();
    else actions.start();
  });

  const overlay: VoicemailOverlay = {
    setVisible(next) {
      visible = next;
      if (removed) return;
      // On the root element, not the body: single-page apps replace their body.
      if (visible && !host.isConnected) doc.documentElement.append(host);
      if (!visible) host.remove();
      render();
    },
    setTimer(next) {
      state = next;
      render();
    },
    destroy() {
      removed = true;
      if (ticker !== undefined) clearInterval(ticker);
      host.remove();
    },
  };
  return overlay;
}

/** Alt+Shift+V pressed by the rep on the CRM page, for when the browser's own shortcut is
 *  not assigned. A keydown the page dispatches itself is not the rep's. */
export function isVoicemailShortcut(e: KeyboardEvent): boolean {
  return (
    e.isTrusted === true && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyV'
  );
}
