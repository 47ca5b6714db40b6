// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageLifetime } from '@/lib/content/page-lifetime';

afterEach(() => {
  vi.useRealTimers();
  delete (window as { navigation?: EventTarget }).navigation;
});

describe('a content script’s lifetime on its page', () => {
  it('ends once the extension under it is gone: no timer fires, no listener runs', async () => {
    vi.useFakeTimers();
    let runtime: { id?: string } | undefined = { id: 'ext' };
    const life = pageLifetime(window, 'test', () => runtime);
    const fired = vi.fn();
    const heard = vi.fn();
    const ended = vi.fn();
    life.setTimeout(fired, 100);
    life.listen(document, 'keydown', heard);
    life.onEnd(ended);
    expect(life.isValid).toBe(true);

    runtime = undefined; // the extension was reloaded: this copy is an orphan
    document.dispatchEvent(new KeyboardEvent('keydown'));
    await vi.advanceTimersByTimeAsync(200);
    expect(fired).not.toHaveBeenCalled();
    expect(heard).not.toHaveBeenCalled();
    expect(ended).toHaveBeenCalledOnce();
    expect(life.isValid).toBe(false);
  });

  it('hands over to a newer copy of the same script, not to another site’s', () => {
    const runtime = () => ({ id: 'ext' });
    const older = pageLifetime(window, 'hubspot', runtime);
    pageLifetime(window, 'gmail', runtime);
    expect(older.isValid).toBe(true);
    const newer = pageLifetime(window, 'hubspot', runtime);
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
  });

  it('hears a single-page navigation from the Navigation API, once the URL has moved', async () => {
    const navigation = new EventTarget();
    (window as { navigation?: EventTarget }).navigation = navigation;
    history.replaceState(null, '', '/contacts/1');
    const life = pageLifetime(window, 'test', () => ({ id: 'ext' }));
    const moved = vi.fn();
    life.onLocationChange(moved);

    history.pushState(null, '', '/contacts/2');
    navigation.dispatchEvent(new Event('navigate'));
    await vi.waitFor(() => expect(moved).toHaveBeenCalledOnce());
    // The same address again (a re-render) is no navigation.
    navigation.dispatchEvent(new Event('navigate'));
    await new Promise((r) => setTimeout(r, 5));
    expect(moved).toHaveBeenCalledOnce();
  });

  it('checks the address once a second where the Navigation API is missing', async () => {
    vi.useFakeTimers();
    history.replaceState(null, '', '/contacts/1');
    const life = pageLifetime(window, 'test', () => ({ id: 'ext' }));
    const moved = vi.fn();
    life.onLocationChange(moved);
    history.pushState(null, '', '/contacts/3');
    await vi.advanceTimersByTimeAsync(1000);
    expect(moved).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(3000);
    expect(moved).toHaveBeenCalledOnce();
  });
});
