import { normalizeForMatch } from '../model/match-text';
import { plainText } from './text';

// A call with two goals usually achieves neither: the rep should know the one outcome they want.

/** Verbs that start a goal; two of them in separate clauses mean two goals. */
const GOAL_VERBS = new Set(
  (
    'book schedule set get confirm ask send find learn qualify close introduce discuss review ' +
    'present demo show secure understand agree clarify pitch share propose negotiate sign arrange ' +
    'meet identify walk explain collect gather update invite offer upsell renew'
  ).split(' '),
);

/** Words that bolt a second goal onto the first. */
const SECOND_GOAL_MARKERS = ['and also', 'as well as', 'also', 'plus', 'in addition'];

type GoalProblem = 'missing' | 'several';

function clausesStartingWithGoalVerb(goal: string): number {
  return goal
    .split(/\b(?:and|then)\b|[,;&+\n]/i)
    .map((clause) => normalizeForMatch(clause).split(' ')[0] ?? '')
    .filter((first) => GOAL_VERBS.has(first)).length;
}

/** Why the goal is not one clear goal, or null when it is. */
export function goalProblem(goal: string | null | undefined): GoalProblem | null {
  const text = plainText(goal);
  const normalized = normalizeForMatch(text);
  if (normalized === '') return 'missing';
  const questionMarks = (text.match(/\?/g) ?? []).length;
  if (questionMarks >= 2) return 'several';
  if (SECOND_GOAL_MARKERS.some((marker) => ` ${normalized} `.includes(` ${marker} `))) {
    return 'several';
  }
  // Lists: "1) … 2) …", or several lines / semicolon-separated items.
  if (
    /(?:^|\s)2[.)]\s/.test(text) ||
    (goal ?? '').split(/[\n;]/).filter((l) => l.trim()).length >= 2
  ) {
    return 'several';
  }
  if (clausesStartingWithGoalVerb(goal ?? '') >= 2) return 'several';
  return null;
}
