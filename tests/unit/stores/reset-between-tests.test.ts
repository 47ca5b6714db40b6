// Every zustand store starts each test from its initial state (tests/unit/setup.ts): the
// second test sees nothing the first left, with no reset written in this file.
import { describe, expect, it } from 'vitest';
import { useLastOutcome } from '@/lib/stores/outcome-undo';
import { useMisplacedRecords } from '@/lib/stores/misplaced-records';
import { usePlanDraft } from '@/lib/stores/plan-draft';

describe('stores between tests', () => {
  it('a test leaves an outcome, a plan and a misplaced-records offer in the stores', () => {
    useLastOutcome.setState({
      last: { attempt: { id: 'a1' } as never, task: null },
    });
    usePlanDraft.setState({ saveError: 'Could not save the plan.' });
    useMisplacedRecords.setState({ offer: { contactId: 'c1' } as never });
    expect(useLastOutcome.getState().last).toBeDefined();
  });

  it('the next test starts from each store’s initial state', () => {
    expect(useLastOutcome.getState().last).toBeUndefined();
    expect(usePlanDraft.getState().plan).toBeUndefined();
    expect(usePlanDraft.getState().saveError).toBeUndefined();
    expect(useMisplacedRecords.getState().offer).toBeUndefined();
    expect(typeof useLastOutcome.getState().remember).toBe('function');
  });
});
