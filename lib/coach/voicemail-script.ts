import type { Channel } from '../model';
import { hasPlaceholder } from './placeholders';
import {
  type ScriptParts,
  fitAroundReference,
  mentionClause,
  reasonSentence,
} from './script-parts';
import type { SituationKey } from './situation';
import { capitalize, endSentence, plainText, shortenToWords, stripEndPunctuation } from './text';

// A voicemail longer than 30 seconds gets deleted before the request at the end is heard:
// name, company, reason, and one specific request — call me back at a number, or the time the
// rep will try again.

/** 30 seconds at a calm pace, with room for the number said slowly. */
const VOICEMAIL_MAX_WORDS = 75;
/** The reference is a reminder, not the story. */
const VOICEMAIL_REFERENCE_WORDS = 12;

function voicemailRequest(callbackNumber: string, tryAgainLabel: string, channel: Channel): string {
  // After repeated unanswered calls the next touch is an email: say so, promise no call.
  if (tryAgainLabel !== '' && channel === 'email') {
    return endSentence(
      `Call me back at ${callbackNumber}, or look out for my email on ${tryAgainLabel}`,
    );
  }
  if (tryAgainLabel !== '') {
    return endSentence(
      `Call me back at ${callbackNumber}, or I'll call you again ${tryAgainLabel}`,
    );
  }
  // Saying the number twice lets them write it down without replaying the message.
  return hasPlaceholder(callbackNumber)
    ? endSentence(`Please call me back at ${callbackNumber}`)
    : endSentence(`Please call me back at ${callbackNumber} — that's ${callbackNumber}`);
}

/** The voicemail `scripts` shows, from already-resolved parts. */
export function voicemailFromParts(
  parts: ScriptParts,
  tryAgainLabel: string | undefined,
  situation: SituationKey | undefined,
  tryAgainChannel: Channel = 'call',
): string {
  const greeting = endSentence(
    `Hi ${parts.theirFirstName}, this is ${parts.repName} with ${parts.repCompany}`,
  );
  const context = (reference: string): string =>
    situation === 'new-contact'
      ? endSentence(`I'm calling about this: ${reference}`)
      : endSentence(capitalize(mentionClause(reference)));
  const label = shortenToWords(stripEndPunctuation(plainText(tryAgainLabel)), 6);
  const request = voicemailRequest(parts.callbackNumber, label, tryAgainChannel);
  const reason = reasonSentence(parts.newValueKind);
  return fitAroundReference(
    shortenToWords(parts.reference, VOICEMAIL_REFERENCE_WORDS),
    VOICEMAIL_MAX_WORDS,
    [
      (reference) => [greeting, context(reference), reason, request].join(' '),
      (reference) => [greeting, context(reference), request].join(' '),
    ],
  );
}
