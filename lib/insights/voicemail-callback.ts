import type { Attempt } from '../model';
import { DAY_MS } from '../model/time-units';
import { isConnect } from './outcome-classes';
import { rateOf } from './rate';

/**
 * A voicemail counts as called back when the contact's very next attempt is a connected call
 * within this long. Attempts don't record who dialled, so this is a proxy: it also counts the rep
 * calling again and getting through — which a good voicemail plausibly helps too.
 */
export const CALLBACK_WINDOW_MS = 7 * DAY_MS;

interface VoicemailBucket {
  /** "0–15 s", "16–30 s", "31–45 s", "46 s+". */
  label: string;
  /** Inclusive bounds in seconds; maxSeconds null = no upper bound. */
  minSeconds: number;
  maxSeconds: number | null;
  voicemails: number;
  callbacks: number;
  callbackRate: number | null;
}

export interface VoicemailVsCallback {
  buckets: VoicemailBucket[];
  /** Voicemails logged without a length: left out of the buckets. */
  withoutLength: number;
}

/** Inclusive bounds; the 30 s line is the voicemail limit the coach sets. */
const BUCKET_BOUNDS: readonly { minSeconds: number; maxSeconds: number | null }[] = [
  { minSeconds: 0, maxSeconds: 15 },
  { minSeconds: 16, maxSeconds: 30 },
  { minSeconds: 31, maxSeconds: 45 },
  { minSeconds: 46, maxSeconds: null },
];

function emptyBuckets(): VoicemailBucket[] {
  return BUCKET_BOUNDS.map(({ minSeconds, maxSeconds }) => ({
    label: maxSeconds === null ? `${minSeconds} s+` : `${minSeconds}–${maxSeconds} s`,
    minSeconds,
    maxSeconds,
    voicemails: 0,
    callbacks: 0,
    callbackRate: null,
  }));
}

/** Fractions above a bucket's top (15.5 s) fall into the next bucket. */
function bucketIndex(seconds: number): number {
  return BUCKET_BOUNDS.findIndex(({ maxSeconds }) => maxSeconds === null || seconds <= maxSeconds);
}

export function voicemailVsCallback(attempts: readonly Attempt[]): VoicemailVsCallback {
  const byContact = new Map<string, Attempt[]>();
  for (const attempt of attempts) {
    const list = byContact.get(attempt.contactId);
    if (list) list.push(attempt);
    else byContact.set(attempt.contactId, [attempt]);
  }
  const buckets = emptyBuckets();
  let withoutLength = 0;
  for (const history of byContact.values()) {
    history.sort((a, b) => a.at - b.at);
    history.forEach((attempt, index) => {
      if (attempt.outcome !== 'voicemail') return;
      if (attempt.voicemailSeconds === undefined) {
        withoutLength += 1;
        return;
      }
      const bucket = buckets[bucketIndex(attempt.voicemailSeconds)];
      if (!bucket) return;
      bucket.voicemails += 1;
      const next = history[index + 1];
      if (next && isConnect(next) && next.at - attempt.at <= CALLBACK_WINDOW_MS) {
        bucket.callbacks += 1;
      }
    });
  }
  for (const bucket of buckets) bucket.callbackRate = rateOf(bucket.callbacks, bucket.voicemails);
  return { buckets, withoutLength };
}
