import type { Attempt, Outcome } from '../model';

// What every insight counts, defined once so the heatmap, the funnel and the comparisons agree.
//
// - A *dial* is an attempt on the 'call' channel, whatever happened — except 'email-sent' (a
//   follow-up email with no reply yet), which never dialled anyone even if its channel says call.
// - A *connect* is a dial where someone real on the prospect's side talked with the rep:
//   'connected', 'meeting-booked', 'call-back' (they picked up and asked for a later time) and
//   'not-interested' (a no is still a conversation). Not connects: 'voicemail', 'no-answer',
//   'wrong-number', and 'gatekeeper' — someone answered, but not the prospect, so it says little
//   about when the prospect picks up. 'sent-info' is left out too: it records what the rep did
//   afterwards, not who answered (situation.ts counts it as a conversation for its own purpose).
//   'email-sent' is neither a dial nor a connect.
// - A *meeting* is an attempt with outcome 'meeting-booked', on any channel.

/** Outcomes of a call that mean the prospect (or someone speaking for themself) answered. */
const CONNECT_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>([
  'connected',
  'meeting-booked',
  'call-back',
  'not-interested',
]);

const MEETING_OUTCOME: Outcome = 'meeting-booked';

/** Outcomes that record an email, never a call. */
const EMAIL_ONLY: ReadonlySet<Outcome> = new Set<Outcome>(['email-sent']);

export function isDial(attempt: Pick<Attempt, 'channel' | 'outcome'>): boolean {
  return attempt.channel === 'call' && !EMAIL_ONLY.has(attempt.outcome);
}

export function isConnect(attempt: Pick<Attempt, 'channel' | 'outcome'>): boolean {
  return isDial(attempt) && CONNECT_OUTCOMES.has(attempt.outcome);
}

export function isMeeting(attempt: Pick<Attempt, 'outcome'>): boolean {
  return attempt.outcome === MEETING_OUTCOME;
}
