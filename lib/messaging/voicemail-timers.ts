import type { VoicemailTimerState } from '../model';
import { tabState } from './tab-state';

// One timer per tab (tabState.voicemailTimer): the panel, the keyboard shortcut and the page
// overlay all start the same timer, and a worker restart keeps it.

export async function startVoicemailTimer(
  tabId: number,
  now = Date.now(),
): Promise<VoicemailTimerState> {
  const running = await tabState.voicemailTimer.get(tabId);
  // Two triggers of one key press (page and browser shortcut) start one timer.
  if (running && running.stoppedAt === undefined && now - running.startedAt < 1000) return running;
  const state: VoicemailTimerState = { startedAt: now };
  await tabState.voicemailTimer.set(tabId, state);
  return state;
}

export async function stopVoicemailTimer(tabId: number, now = Date.now()): Promise<void> {
  const running = await tabState.voicemailTimer.get(tabId);
  if (!running || running.stoppedAt !== undefined) return;
  await tabState.voicemailTimer.set(tabId, { ...running, stoppedAt: now });
}
