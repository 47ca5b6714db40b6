import { browser } from 'wxt/browser';
import type { VoicemailTimerState } from '../model';
import type { MessageBGtoCS } from '../messaging/protocol';
import { startVoicemailTimer } from '../messaging/voicemail-timers';

const VOICEMAIL_COMMAND = 'start-voicemail-timer';

/** The browser-level shortcut (Alt+Shift+V) starts the timer of the tab in front. */
export async function onVoicemailCommand(command: string): Promise<void> {
  if (command !== VOICEMAIL_COMMAND) return;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id !== undefined) await startVoicemailTimer(tab.id);
}

/** Keeps the page overlay's countdown in step with the timer, wherever it was started. */
export function tellPageAboutTimer(
  changes: Record<string, { newValue?: unknown }>,
  area: string,
): void {
  if (area !== 'session') return;
  for (const [key, change] of Object.entries(changes)) {
    const tabId = /^voicemail:(\d+)$/.exec(key)?.[1];
    if (!tabId) continue;
    const message: MessageBGtoCS = {
      type: 'voicemail-timer',
      state: (change.newValue as VoicemailTimerState | undefined) ?? null,
    };
    // A tab without our content script (or mid-navigation) has no overlay to update.
    browser.tabs.sendMessage(Number(tabId), message).catch(() => undefined);
  }
}

export function watchVoicemailShortcut(): void {
  browser.commands?.onCommand.addListener((command) => void onVoicemailCommand(command));
  browser.storage.onChanged.addListener(tellPageAboutTimer);
}
