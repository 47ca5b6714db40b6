// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useWrite } from '@/lib/hooks/use-write';
import { WriteRefused } from '@/lib/db/errors';
import { WriteError } from '@/components/WriteError';

afterEach(cleanup);

/** A write the test finishes by hand: no clock involved. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A Save button and its error, as a component writes with the hook. */
function SaveButton({
  write,
  onDone,
}: {
  write: () => Promise<string>;
  onDone?: (saved: string) => void;
}) {
  const { run, busy, error } = useWrite();
  return (
    <>
      <button type="button" onClick={() => void run(write, { onDone })}>
        {busy ? 'Saving…' : 'Save'}
      </button>
      <WriteError message={error} />
    </>
  );
}

describe('useWrite: the one way a component writes', () => {
  it('is busy while the write runs, and a double click writes once', async () => {
    const pending = deferred<string>();
    const write = vi.fn(() => pending.promise);
    render(<SaveButton write={write} />);
    const button = screen.getByRole('button');
    await userEvent.dblClick(button);
    expect(write).toHaveBeenCalledTimes(1);
    expect(button.textContent).toBe('Saving…');
    await act(async () => pending.resolve('ok'));
    expect(button.textContent).toBe('Save');
    await userEvent.click(button);
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('says a refused write in the rep’s words, and a later success clears it', async () => {
    const write = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new WriteRefused({ kind: 'gone', record: 'note' }))
      .mockResolvedValueOnce('ok');
    const onDone = vi.fn();
    render(<SaveButton write={write} onDone={onDone} />);
    await userEvent.click(screen.getByRole('button'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not saved: That note no longer exists.',
    );
    expect(onDone).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onDone).toHaveBeenCalledWith('ok');
  });

  it('says a full disk as such, never a stack trace', async () => {
    const full = new DOMException('quota', 'QuotaExceededError');
    render(<SaveButton write={() => Promise.reject(full)} />);
    await userEvent.click(screen.getByRole('button'));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Your browser is out of storage space, so nothing was saved/,
    );
  });

  it('changes nothing on a screen the rep has left, and still returns the result', async () => {
    const pending = deferred<string>();
    const onDone = vi.fn();
    let finished: Promise<string | undefined> | undefined;
    function Form() {
      const { run } = useWrite();
      return (
        <button type="button" onClick={() => (finished = run(() => pending.promise, { onDone }))}>
          Save
        </button>
      );
    }
    const errors = vi.spyOn(console, 'error');
    const { unmount } = render(<Form />);
    await userEvent.click(screen.getByRole('button'));
    unmount();
    pending.resolve('stored');
    expect(await finished).toBe('stored');
    expect(onDone).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
