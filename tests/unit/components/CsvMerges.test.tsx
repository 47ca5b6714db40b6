// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CsvMerges } from '@/components/CsvMerges';
import type { CsvPreviewSummary } from '@/lib/transfer/import-messages';

afterEach(cleanup);

const preview: CsvPreviewSummary = {
  seq: 0,
  counts: { add: 3, update: 0, unchanged: 0 },
  contacts: 4,
  first: [],
  problems: [],
  problemCount: 0,
  joins: [
    {
      line: 5,
      name: 'Dana Kim',
      key: 'email',
      value: 'dana@acme.example',
      into: 'Dana Kim',
      intoLine: 2,
    },
  ],
  joinCount: 1,
  apart: [{ line: 4, name: 'Fay Ruiz', key: 'phone', value: '+14155550100', why: 'shared' }],
  apartCount: 1,
};

describe('the merges of a CSV import', () => {
  it('lists each merge with its key, says why the counts are what they are, and lets the rep refuse it', async () => {
    const user = userEvent.setup();
    const onRefuse = vi.fn();
    const { rerender } = render(
      <CsvMerges preview={preview} rows={4} refused={[]} onRefuse={onRefuse} />,
    );
    expect(screen.getByLabelText('Why these counts').textContent).toBe(
      '4 rows: 3 new contacts. 1 row joins a contact by the same email or phone. 1 row shares an email or phone with a contact but is kept apart.',
    );
    const merge = screen.getByRole('checkbox', {
      name: 'Dana Kim (line 2) ← line 5 (same email dana@acme.example)',
    }) as HTMLInputElement;
    expect(merge.checked).toBe(true);
    expect(screen.getByRole('list', { name: 'Kept apart' }).textContent).toContain(
      'Line 4, Fay Ruiz: its phone +14155550100 is shared by several people',
    );

    await user.click(merge);
    expect(onRefuse).toHaveBeenCalledWith(5, true);
    rerender(
      <CsvMerges
        preview={{ ...preview, counts: { add: 4, update: 0, unchanged: 0 } }}
        rows={4}
        refused={[5]}
        onRefuse={onRefuse}
      />,
    );
    expect(merge.checked).toBe(false);
    expect(screen.getByLabelText('Why these counts').textContent).toContain(
      '4 new contacts. 1 refused merge: added on their own.',
    );
  });
});
