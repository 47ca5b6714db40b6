import type { VoicemailTimerState } from '../model';

/**
 * What a site's script knows about its page, shared with the page tools (the voicemail
 * overlay and the Prepare button). The tools load only once the page shows a contact or
 * the rep reaches a phone link; both run in the extension's isolated world of this frame,
 * so they share this object, which the page itself cannot see.
 */
interface PageState {
  /** The page shows a contact (a record, a call): the overlay offers the voicemail timer. */
  showsContact: boolean;
  timer: VoicemailTimerState | null;
  /** A phone link the rep reached before the tools loaded: they offer Prepare beside it. */
  reachedLink?: Element;
  /** Set by the page tools once loaded: show the state again. */
  render?: () => void;
  /** Set by the page tools: take everything off the page (the script has ended). */
  remove?: () => void;
}

const KEY = Symbol.for('second-call.page');

export function pageState(): PageState {
  const shared = globalThis as { [KEY]?: PageState };
  return (shared[KEY] ??= { showsContact: false, timer: null });
}
