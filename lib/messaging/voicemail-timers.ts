import { browser } from 'wxt/browser';
import type { VoicemailTimerState } from '../model';
import { sessionValue } from './session-values';

// One timer per tab, in session storage (see session-values.ts): the panel, the keyboard shortcut and the page
// overlay all start the same timer, and a worker restart keeps it.

export function voicemailTimerKey(tabId: number): string {
  return `voicemail:${tabId}`;
}

export function voicemailTimerOf(tabId: number): Promise<VoicemailTimerState | undefined> {
  return sessionValue<VoicemailTimerState>(voicemailTimerKey(tabId));
}

export async function startVoicemailTimer(
  tabId: number,
  now = Date.now(),
): Promise<VoicemailTimerState> {
  const running = await voicemailTimerOf(tabId);
  // Two triggers of one key press (page and browser shortcut) start one timer.
  if (running && running.stoppedAt === undefined && now - running.startedAt < 1000) return running;
  const state: VoicemailTimerState = { startedAt: now };
  await browser.storage.session.set({ [voicemailTimerKey(tabId)]: state });
  return state;
}

export async function stopVoicemailTimer(tabId: number, now = Date.now()): Promise<void> {
  const running = await voicemailTimerOf(tabId);
  if (!running || running.stoppedAt !== undefined) return;
  await browser.storage.session.set({ [voicemailTimerKey(tabId)]: { ...running, stoppedAt: now } });
}

export async function clearVoicemailTimer(tabId: number): Promise<void> {
  await browser.storage.session.remove(voicemailTimerKey(tabId));
}
