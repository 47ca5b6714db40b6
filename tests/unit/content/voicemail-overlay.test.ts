// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVoicemailOverlay, isVoicemailShortcut } from '@/lib/content/voicemail-overlay';

function overlayParts() {
  const root = document.querySelector('second-call-overlay')?.shadowRoot;
  const button = (label: string) =>
    root?.querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement | null;
  return { root, button, timer: root?.querySelector('[role=timer]') };
}

afterEach(() => document.querySelector('second-call-overlay')?.remove());

describe('the page overlay', () => {
  it('appears only on a record, outside the page body, and asks the background to start', () => {
    const actions = { start: vi.fn(), stop: vi.fn(), hide: vi.fn() };
    const overlay = createVoicemailOverlay(document, actions);
    expect(overlayParts().root).toBeUndefined();
    overlay.setVisible(true);
    expect(document.documentElement.lastElementChild?.tagName).toBe('SECOND-CALL-OVERLAY');
    overlayParts().button('Start voicemail timer')!.click();
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
    overlayParts().button('Stop voicemail timer')!.click();
    expect(actions.stop).toHaveBeenCalledOnce();
    overlay.setTimer(null);
    expect(overlayParts().timer).toBeNull();
    overlay.destroy();
  });

  it('can be removed by the rep, and stays removed', () => {
    const actions = { start: vi.fn(), stop: vi.fn(), hide: vi.fn() };
    const overlay = createVoicemailOverlay(document, actions);
    overlay.setVisible(true);
    overlayParts().button('Hide Second Call overlay')!.click();
    expect(actions.hide).toHaveBeenCalledOnce();
    overlay.setVisible(true);
    expect(overlayParts().root).toBeUndefined();
    overlay.destroy();
  });

  it('knows Alt+Shift+V and nothing else', () => {
    const key = (init: KeyboardEventInit) =>
      isVoicemailShortcut(new KeyboardEvent('keydown', init));
    expect(key({ altKey: true, shiftKey: true, code: 'KeyV' })).toBe(true);
    expect(key({ altKey: true, code: 'KeyV' })).toBe(false);
    expect(key({ altKey: true, shiftKey: true, ctrlKey: true, code: 'KeyV' })).toBe(false);
  });
});
