import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { onVoicemailCommand, tellPageAboutTimer } from '@/lib/background/voicemail-shortcut';
import { startVoicemailTimer, stopVoicemailTimer } from '@/lib/messaging/voicemail-timers';
import { tabState } from '@/lib/messaging/tab-state';

describe('the voicemail shortcut', () => {
  const frontTab = () =>
    vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockImplementation(async () => [{ id: 9 } as Browser.tabs.Tab]);

  it('starts the timer of the tab in front', async () => {
    const query = frontTab();
    await onVoicemailCommand('start-voicemail-timer');
    expect(query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true });
    expect(await tabState.voicemailTimer.get(9)).toMatchObject({ startedAt: expect.any(Number) });
  });

  it('ignores other commands', async () => {
    frontTab();
    await onVoicemailCommand('something-else');
    expect(await tabState.voicemailTimer.get(9)).toBeUndefined();
  });

  it('tells the page overlay when a tab’s timer changes, and nothing else', () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    tellPageAboutTimer(
      { 'voicemail:12': { newValue: { startedAt: 5 } }, 'tab:12': { newValue: {} } },
      'session',
    );
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(12, { type: 'voicemail-timer', state: { startedAt: 5 } });
    tellPageAboutTimer({ 'voicemail:12': { newValue: { startedAt: 5 } } }, 'local');
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('the shared timer state', () => {
  it('one key press seen twice (page and browser) starts one timer', async () => {
    const first = await startVoicemailTimer(3, 10_000);
    const second = await startVoicemailTimer(3, 10_400);
    expect(second).toEqual(first);
    await stopVoicemailTimer(3, 20_000);
    expect(await tabState.voicemailTimer.get(3)).toEqual({ startedAt: 10_000, stoppedAt: 20_000 });
    // A stopped timer starts afresh.
    expect(await startVoicemailTimer(3, 20_500)).toEqual({ startedAt: 20_500 });
  });
});
