import { normalizeForMatch } from './match-text';

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
 * The CRMs' default stages in their order, for telling a step back from a step forward. Only
 * a move between two stages of the same ladder is judged by it: teams rename and add stages,
 * and an unknown stage says nothing about direction. Sources: HubSpot's lifecycle stages, lead
 * statuses and default sales pipeline; Salesforce's default lead statuses and opportunity
 * stages; Pipedrive's default pipeline; Close's default lead statuses; Zoho's default deal
 * stages.
 */
const LADDERS: readonly (readonly string[])[] = [
  [
    'subscriber',
    'lead',
    'marketing qualified lead',
    'sales qualified lead',
    'opportunity',
    'customer',
    'evangelist',
  ],
  ['new', 'open', 'in progress', 'attempted to contact', 'connected', 'open deal'],
  [
    'appointment scheduled',
    'qualified to buy',
    'presentation scheduled',
    'decision maker bought in',
    'contract sent',
    'closed won',
  ],
  ['open not contacted', 'working contacted', 'closed converted'],
  [
    'prospecting',
    'qualification',
    'needs analysis',
    'value proposition',
    'id decision makers',
    'perception analysis',
    'proposal price quote',
    'negotiation review',
    'closed won',
  ],
  ['qualified', 'contact made', 'demo scheduled', 'proposal made', 'negotiations started', 'won'],
  ['potential', 'qualified', 'customer'],
  [
    'qualification',
    'needs analysis',
    'value proposition',
    'identify decision makers',
    'proposal price quote',
    'negotiation review',
    'closed won',
  ],
].map((ladder) => ladder.map(ladderKey));

/** HubSpot shows "Marketing Qualified Lead" and stores "marketingqualifiedlead": both match. */
function ladderKey(normalizedStage: string): string {
  return normalizedStage.replaceAll(' ', '');
}

/** +1 when a known ladder puts `to` after `from`, -1 when before, 0 when none holds both. */
function ladderDirection(from: string, to: string): number {
  for (const ladder of LADDERS) {
    const a = ladder.indexOf(from);
    const b = ladder.indexOf(to);
    if (a >= 0 && b >= 0) return Math.sign(b - a);
  }
  return 0;
}

/**
 * Whether a stage change seen on the CRM record counts as the deal advancing. A move to a
 * dead-end stage never does, nor a step back on a CRM's default ladder (Customer back to
 * Opportunity); any other change does (CRM stages move forward far more often than back, and
 * the rep can clear the mark). The same stage spelled differently is no move.
 */
export function stageMovedForward(from: string | undefined, to: string | undefined): boolean {
  if (!from || !to) return false;
  const before = normalizeForMatch(from);
  const after = normalizeForMatch(to);
  if (ladderKey(before) === ladderKey(after)) return false;
  if (isDeadEndStage(to)) return false;
  return ladderDirection(ladderKey(before), ladderKey(after)) >= 0;
}
