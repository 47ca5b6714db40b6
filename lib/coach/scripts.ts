import type { CallPlan, Channel, Contact, Note, RepSettings, SomethingNewKind } from '../model';
import { isTimedAsk } from './ask-detection';
import { hasCheckInLanguage } from './checkin-language';
import { PLACEHOLDERS } from './placeholders';
import {
  type ScriptParts,
  fitAroundReference,
  mentionClause,
  offerNoun,
  reasonSentence,
  resolveReference,
  scriptParts,
} from './script-parts';
import type { Situation, SituationKey } from './situation';
import { endSentence, plainText } from './text';
import { voicemailFromParts } from './voicemail-script';

export { splitPlaceholders } from './placeholders';

// What the rep can say, per situation. Every line is our own wording; facts (reference, value,
// ask) come from the rep's plan and notes as plain text, with placeholders for what is missing.

export interface Scripts {
  /** Who, company, the specific reference, why — within about 15 seconds. */
  opener: string;
  /** The something-new line. */
  value: string;
  /** The timed ask. */
  close: string;
  voicemail: string;
  gatekeeper: string;
  /** For "I'll call you if I need anything": acknowledge, one last value, a way back. */
  brushOff: string;
}

interface ScriptOptions {
  /** When the rep will call again if nobody picks up, e.g. "Thursday at 11:00". */
  tryAgainLabel?: string;
  /** How that next try goes: a call (the default), or an email once calls went unanswered. */
  tryAgainChannel?: Channel;
  /** The coach's timed ask, said instead of a rep's ask that names no time or only checks in. */
  suggestedAsk?: string;
}

/** About 15 seconds spoken. */
const OPENER_SCRIPT_MAX_WORDS = 40;

type SentenceBuild = (parts: ScriptParts, reference: string) => string[];

/** Opener sentences per situation: the first build is preferred, the second drops extras. */
const OPENER_BUILDS: Readonly<Record<SituationKey, readonly SentenceBuild[]>> = {
  'after-good-call': [
    (p, ref) => [`When we spoke, ${mentionClause(ref)}`, reasonSentence(p.newValueKind)],
    (_p, ref) => [`When we spoke, ${mentionClause(ref)}`],
  ],
  'after-info-sent': [
    (p, ref) => [
      `I sent the details you asked for after ${mentionClause(ref)}`,
      reasonSentence(p.newValueKind),
    ],
    (_p, ref) => [`I sent the details you asked for after ${mentionClause(ref)}`],
  ],
  // Name the silence without blame and make saying no easy: a clear no beats more silence.
  'gone-dark': [
    (_p, ref) => [
      `Last time, ${mentionClause(ref)}`,
      "It's gone quiet since — no problem.",
      "I have one new thing, or just say if it's off your list.",
    ],
    (_p, ref) => [`Last time, ${mentionClause(ref)}`, "Just say if it's off your list."],
  ],
  // They set the time; say so, so the call is theirs, not ours.
  'call-later': [
    (p, ref) => [
      `You asked me to call back about now — ${mentionClause(ref)}`,
      reasonSentence(p.newValueKind),
    ],
    (_p, ref) => [`You asked me to call back about now — ${mentionClause(ref)}`],
  ],
  // Give the context in one breath so they never have to admit they forgot.
  'doesnt-remember': [
    (p, ref) => [`We spoke a while back: ${mentionClause(ref)}`, reasonSentence(p.newValueKind)],
    (_p, ref) => [`We spoke a while back: ${mentionClause(ref)}`],
  ],
  'new-contact': [
    (p, ref) => [`I'm calling about this: ${ref}`, reasonSentence(p.newValueKind)],
    (_p, ref) => [`I'm calling about this: ${ref}`],
  ],
  // The meeting is set: this call only makes it worth their time.
  'meeting-booked': [
    (p, ref) => [`Before our meeting: ${mentionClause(ref)}`, reasonSentence(p.newValueKind)],
    (_p, ref) => [`Before our meeting: ${mentionClause(ref)}`],
  ],
  // They said no: accept it out loud, bring one new thing, and leave the door theirs to open.
  'not-interested': [
    (_p, ref) => [
      `Last time you said it wasn't for you, and ${mentionClause(ref)}`,
      "I have one new thing since — then it's your call.",
    ],
    (_p, ref) => [`Last time you said it wasn't for you, and ${mentionClause(ref)}`],
  ],
};

function greeting(parts: ScriptParts): string {
  return endSentence(
    `Hi ${parts.theirFirstName}, this is ${parts.repName} with ${parts.repCompany}`,
  );
}

function openerScript(situation: SituationKey, parts: ScriptParts): string {
  const builds = OPENER_BUILDS[situation].map(
    (build) =>
      (reference: string): string =>
        [greeting(parts), ...build(parts, reference).map(endSentence)].join(' '),
  );
  return fitAroundReference(parts.reference, OPENER_SCRIPT_MAX_WORDS, builds);
}

const VALUE_LEADS: Readonly<Record<SomethingNewKind, string>> = {
  'case study': 'Here is the case study',
  answer: 'On the question you raised',
  insight: 'Something worth knowing',
  proposal: 'What I propose',
};

function valueScript(parts: ScriptParts): string {
  const lead = parts.newValueKind ? VALUE_LEADS[parts.newValueKind] : "What's new";
  return endSentence(`${lead}: ${parts.newValue}`);
}

/** What the rep brings, said to a third person about the prospect. */
function offerFor(kind: SomethingNewKind | undefined, firstName: string): string {
  switch (kind) {
    case 'case study':
      return `a case study ${firstName} will want to see`;
    case 'answer':
      return `the answer to ${firstName}'s question`;
    case 'insight':
      return `something ${firstName} will find useful`;
    case 'proposal':
      return `a proposal for ${firstName}`;
    default:
      return `something new for ${firstName}`;
  }
}

// Gatekeepers screen for purpose: say who you are and why in one go, and never share the
// prospect's private details (the notes stay out of this line).
function gatekeeperScript(situation: SituationKey, parts: ScriptParts): string {
  const offer = offerFor(parts.newValueKind, parts.theirFirstName);
  const purpose =
    situation === 'new-contact'
      ? `I'm calling for ${parts.theirFullName} at ${parts.theirCompany} — I have ${offer}.`
      : situation === 'call-later'
        ? `${parts.theirFullName} asked me to call back around now, and I have ${offer}.`
        : situation === 'meeting-booked'
          ? `${parts.theirFullName} and I have a meeting booked, and I'm calling ahead of it with ${offer}.`
          : `${parts.theirFullName} and I spoke recently, and I'm calling back with ${offer}.`;
  return [
    endSentence(`Hi, this is ${parts.repName} with ${parts.repCompany}`),
    purpose,
    `Could you put me through, or tell me when ${parts.theirFirstName} is easiest to reach?`,
  ].join(' ');
}

function brushOffScript(parts: ScriptParts): string {
  return [
    'Understood — thanks for telling me straight.',
    `I'll email you ${offerNoun(parts.newValueKind)} today: two minutes to read, no reply needed.`,
    endSentence(`If things change, you can reach me at ${parts.callbackNumber}`),
  ].join(' ');
}

/** The rep's own ask when it is a real one (a day and a time, no check-in talk), else the
 *  suggested ask: a close that leaves the next step open loses the call. */
function closeScript(parts: ScriptParts, suggestedAsk: string | undefined): string {
  const own = parts.ask;
  if (own !== PLACEHOLDERS.ask && isTimedAsk(own) && !hasCheckInLanguage(own)) return own;
  const suggested = plainText(suggestedAsk);
  if (suggested !== '') return suggested;
  return own === PLACEHOLDERS.ask ? `Would ${own} work for 15 minutes?` : own;
}

const keyOf = (situation: SituationKey | Pick<Situation, 'key'>): SituationKey =>
  typeof situation === 'string' ? situation : situation.key;

export function scripts(
  situation: SituationKey | Pick<Situation, 'key'>,
  contact: Contact,
  notes: readonly Note[],
  plan: CallPlan,
  rep: RepSettings | undefined,
  options: ScriptOptions = {},
): Scripts {
  const key = keyOf(situation);
  const parts = scriptParts(contact, plan, rep, resolveReference(plan, notes));
  return {
    opener: openerScript(key, parts),
    value: valueScript(parts),
    close: plainText(closeScript(parts, options.suggestedAsk)),
    voicemail: voicemailFromParts(parts, options.tryAgainLabel, key, options.tryAgainChannel),
    gatekeeper: gatekeeperScript(key, parts),
    brushOff: brushOffScript(parts),
  };
}
