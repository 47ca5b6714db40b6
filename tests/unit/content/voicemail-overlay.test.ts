// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVoicemailOverlay, isVoicemailShortcut } from '@/lib/content/voicemail-overlay';
import { byTheRep, repClicks, watchClosedRoots } from './page-input';

let rootOf: ReturnType<typeof watchClosedRoots>;
beforeEach(() => {
  rootOf = watchClosedRoots();
});

function overlayParts() {
  const root = rootOf(document.querySelector('second-call-overlay'));
  const button = (label: string) =>
    root?.querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement | null;
  return { root, button, timer: root?.querySelector('[role=timer]') };
}

afterEach(() => {
  document.querySelector('second-call-overlay')?.remove();
  vi.restoreAllMocks();
});

describe('the page overlay', () => {
  it('appears only on a record, outside the page body, and asks the background to start', () => {
    const actions = { start: vi.fn(), stop: vi.fn(), hide: vi.fn() };
    const overlay = createVoicemailOverlay(document, actions);
    expect(overlayParts().root).toBeUndefined();
    overlay.setVisible(true);
    expect(document.documentElement.lastElementChild?.tagName).toBe('SECOND-CALL-OVERLAY');
    repClicks(overlayParts().button('Start voicemail timer')!);
    expect(actions.start).toHaveBeenCalledOnce();
    overlay.setVisible(false);
    expect(overlayParts().root).toBeUndefined();
  });

  it('counts down while the timer runs and offers Stop', () => {
    const actions = { start: vi.fn(), stop: vi.fn(), hide: vi.fn() };
    const overlay = createVoicemailOverlay(document, actions);
    overlay.setVisible(true);
    overlay.setTimer({ startedAt: Date.now() - 4_000 });
    expect(overlayParts().timer?.textContent).toBe('0:26');
    repClicks(overlayParts().button('Stop voicemail timer')!);
    expect(actions.stop).toHaveBeenCalledOnce();
    overlay.setTimer(null);
    expect(overlayParts().timer).toBeNull();
    overlay.destroy();
  });

  it('can be removed by the rep, and stays removed', () => {
    const actions = { start: vi.fn(), stop: vi.fn(), hide: vi.fn() };
    const overlay = createVoicemailOverlay(document, actions);
    overlay.setVisible(true);
    repClicks(overlayParts().button('Hide Second Call overlay')!);
    expect(actions.hide).toHaveBeenCalledOnce();
    overlay.setVisible(true);
    expect(overlayParts().root).toBeUndefined();
    overlay.destroy();
  });

  it('lives where the page cannot reach it, and ignores the page’s synthetic clicks', () => {
    const actions = { start: vi.fn(), stop: vi.fn(), hide: vi.fn() };
    const overlay = createVoicemailOverlay(document, actions);
    overlay.setVisible(true);
    const host = document.querySelector('second-call-overlay')!;
    expect(host.shadowRoot).toBeNull();
    overlayParts().button('Start voicemail timer')!.click();
    overlayParts().button('Hide Second Call overlay')!.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(actions.start).not.toHaveBeenCalled();
    expect(actions.hide).not.toHaveBeenCalled();
    expect(overlayParts().button('Start voicemail timer')?.isConnected).toBe(true);
    overlay.destroy();
  });

  it('knows Alt+Shift+V pressed by the rep and nothing else', () => {
    const pressed = (init: KeyboardEventInit) =>
      isVoicemailShortcut(new KeyboardEvent('keydown', init));
    expect(pressed({ altKey: true, shiftKey: true, code: 'KeyV' })).toBe(false); // the page's own
    const key = (init: KeyboardEventInit) =>
      isVoicemailShortcut(byTheRep(new KeyboardEvent('keydown', init)));
    expect(key({ altKey: true, shiftKey: true, code: 'KeyV' })).toBe(true);
    expect(key({ altKey: true, code: 'KeyV' })).toBe(false);
    expect(key({ altKey: true, shiftKey: true, ctrlKey: true, code: 'KeyV' })).toBe(false);
  });
});
