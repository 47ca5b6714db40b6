import type { Attempt, CallPlan, Note, PlanSummary } from '../model';
import { evaluateChecklist } from './checklist';

/** What the plan said when the outcome was logged, kept on the attempt for the history and
 *  for "did preparing pay off?". */
export function planSummaryOf(
  plan: CallPlan | undefined,
  notes: readonly Note[],
  history: readonly Attempt[],
): PlanSummary | undefined {
  if (!plan) return undefined;
  const summary: PlanSummary = { complete: evaluateChecklist(plan, notes, history).complete };
  if (plan.goal.trim()) summary.goal = plan.goal.trim();
  if (plan.reference.trim()) summary.reference = plan.reference.trim();
  if (plan.newValue.trim()) summary.newValue = plan.newValue.trim();
  if (plan.ask.trim()) summary.ask = plan.ask.trim();
  return summary;
}
