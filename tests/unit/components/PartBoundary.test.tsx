// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PartBoundary } from '@/components/PartBoundary';

afterEach(cleanup);

/** A part that shows a record until the rep opens it, which then cannot be shown. */
function FragilePart() {
  const [open, setOpen] = useState(false);
  if (open) throw new RangeError('Invalid time value');
  return (
    <button type="button" onClick={() => setOpen(true)}>
      Open the record
    </button>
  );
}

function Counter() {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      Clicked {n}
    </button>
  );
}

describe('a part that cannot be shown', () => {
  it('takes the focus the rep had inside it to its message, and the part beside it keeps working', async () => {
    const user = userEvent.setup();
    render(
      <>
        <PartBoundary what="Ann Lee's call history">
          <FragilePart />
        </PartBoundary>
        <PartBoundary what="Ann Lee's notes">
          <Counter />
        </PartBoundary>
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Open the record' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      "This part could not be shown — Ann Lee's call history. A stored date is outside what a calendar can show.",
    );
    expect(document.activeElement).toBe(alert.closest('.part-failed'));
    // The two ways out are next from the keyboard.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open Settings' }));
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Remove records that cannot be shown' }),
    );
    await user.click(screen.getByRole('button', { name: 'Clicked 0' }));
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeTruthy();
  });

  it('does not pull the focus when it fails as the screen opens', () => {
    function Broken(): never {
      throw new Error('bad record');
    }
    render(
      <PartBoundary what="the follow-up queue">
        <Broken />
      </PartBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain(
      'A stored record holds a value this screen cannot show.',
    );
    expect(document.activeElement).toBe(document.body);
  });
});
