import { normalizeForMatch } from './text';

/**
 * Words that mark a stage as the end of the road rather than a step forward, written
 * normalized (lower case, words split by one space). The CRMs' own defaults that read this way:
 * HubSpot lead status "Unqualified" and deal stage "Closed Lost"; Salesforce lead statuses
 * "Closed - Not Converted" and "Unqualified", opportunity stage "Closed Lost"; Pipedrive's
 * "Lost" deals; Close's "Bad Fit" and "Not Interested" lead statuses and "Lost" opportunities;
 * Zoho's "Junk Lead", "Lost Lead", "Not Qualified" and "Closed Lost to Competition". Teams
 * add their own ("Disqualified", "Dead", "Churned"), so these are words, not whole names.
 */
const DEAD_END_WORDS: readonly RegExp[] = [
  // "Closed Lost", "Lost Lead", "Lost to competition", and HubSpot's internal "closedlost".
  /\b(closed ?)?lost\b/,
  /\b(dis|un|non ?|not ?)qualified\b/,
  /\b(bad|poor|no|not a) ?fit\b/,
  /\bjunk\b/,
  /\bchurn(ed)?\b/,
  /\bformer customer\b/,
  /\bnot ?interested\b/,
  /\bno interest\b/,
  /\bnot ?converted\b/,
  /\bdead\b/,
];

/** True when the stage says the deal is lost, disqualified, a bad fit, junk or churned. */
export function isDeadEndStage(stage: string): boolean {
  const normalized = normalizeForMatch(stage);
  return DEAD_END_WORDS.some((words) => words.test(normalized));
}

/**
 * Whether a stage change seen on the CRM record counts as the deal advancing. A move to a
 * dead-end stage never does; any other change does (CRM stages move forward far more often
 * than back, and the rep can clear the mark). The same stage spelled differently is no move.
 */
export function stageMovedForward(from: string | undefined, to: string | undefined): boolean {
  if (!from || !to) return false;
  if (normalizeForMatch(from) === normalizeForMatch(to)) return false;
  return !isDeadEndStage(to);
}
