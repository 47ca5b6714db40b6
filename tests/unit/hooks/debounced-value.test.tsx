// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { useDebouncedValue } from '@/lib/hooks/debounced-value';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useDebouncedValue', () => {
  it('settles on what was typed once typing pauses, skipping the letters between', () => {
    const seen: string[] = [];
    const { result, rerender } = renderHook(
      ({ value }) => {
        const settled = useDebouncedValue(value, 150);
        if (seen.at(-1) !== settled) seen.push(settled);
        return settled;
      },
      { initialProps: { value: '' } },
    );
    for (const typed of ['b', 'bo', 'boa', 'boar']) {
      rerender({ value: typed });
      act(() => vi.advanceTimersByTime(100));
    }
    expect(result.current).toBe('');
    act(() => vi.advanceTimersByTime(50));
    expect(result.current).toBe('boar');
    expect(seen).toEqual(['', 'boar']);
  });
});
