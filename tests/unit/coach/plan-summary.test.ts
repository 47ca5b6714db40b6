import { describe, expect, it } from 'vitest';
import { planSummaryOf } from '../../../lib/coach/plan-summary';
import type { Attempt, CallPlan, Note } from '../../../lib/model';

const PAIN = 'Team spends 15 hours/week on manual data entry';
const notes: Note[] = [
  { id: 'n-pain', contactId: 'c1', kind: 'pain point', text: PAIN, createdAt: 1, updatedAt: 1 },
];

function plan(overrides: Partial<CallPlan> = {}): CallPlan {
  return {
    contactId: 'c1',
    goal: '  Book a 15-minute walk-through ',
    referenceNoteId: 'n-pain',
    reference: ' You mentioned 15 hours a week on manual data entry ',
    newValueKind: 'case study',
    newValue: 'A logistics firm cut that from 15 hours to 2 in six weeks',
    ask: 'Does Tuesday at 10:30 work for 15 minutes?',
    opener: 'Hi Sarah, this is Mike with Acme.',
    updatedAt: 1,
    ...overrides,
  };
}

describe('planSummaryOf: what the plan said, kept on the attempt', () => {
  it('keeps the goal, reference, new value and ask, trimmed, and says the plan was complete', () => {
    expect(planSummaryOf(plan(), notes, [])).toEqual({
      goal: 'Book a 15-minute walk-through',
      reference: 'You mentioned 15 hours a week on manual data entry',
      newValue: 'A logistics firm cut that from 15 hours to 2 in six weeks',
      ask: 'Does Tuesday at 10:30 work for 15 minutes?',
      complete: true,
    });
  });

  it('leaves out what the rep left blank, and says the plan was not complete', () => {
    const summary = planSummaryOf(plan({ newValue: '   ', ask: '' }), notes, []);
    expect(summary).toEqual({
      goal: 'Book a 15-minute walk-through',
      reference: 'You mentioned 15 hours a week on manual data entry',
      complete: false,
    });
    expect(summary).not.toHaveProperty('newValue');
    expect(summary).not.toHaveProperty('ask');
  });

  it('a vague ask is kept as written but the plan counts as incomplete', () => {
    const summary = planSummaryOf(
      plan({ ask: 'Let me know if you have any questions' }),
      notes,
      [],
    );
    expect(summary?.ask).toBe('Let me know if you have any questions');
    expect(summary?.complete).toBe(false);
  });

  it('the same new value as last time is not something new: incomplete', () => {
    const last: Attempt = {
      id: 'a1',
      contactId: 'c1',
      at: 1,
      channel: 'call',
      outcome: 'voicemail',
      plan: { newValue: 'A logistics firm cut that from 15 hours to 2 in six weeks' },
    };
    expect(planSummaryOf(plan(), notes, [last])?.complete).toBe(false);
  });

  it('no plan, no summary', () => {
    expect(planSummaryOf(undefined, notes, [])).toBeUndefined();
  });
});
