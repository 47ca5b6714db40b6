// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactSnapshot } from '@/lib/model';
import type { SiteAdapter } from '@/lib/sites/adapter';
import { watchPage, type WatchContext } from '@/lib/sites/watch-page';

const TIMING = { debounceMs: 50, settleMs: 200, maxWatchMs: 1000 };

/** Reads `<h1 data-name>` on /record/N pages. */
const adapter: SiteAdapter = {
  id: 'test',
  name: 'Test',
  matches: ['*://*/*'],
  detect(doc, url) {
    const id = /\/record\/(\d+)/.exec(url.pathname)?.[1];
    const name = doc.querySelector('[data-name]')?.textContent;
    const email = doc.querySelector('[data-email]')?.textContent ?? undefined;
    return id && name ? { site: 'test', recordId: id, url: url.href, name, email } : null;
  },
};

const contexts: Array<{ invalidate(): void }> = [];

function fakeContext() {
  const handlers: Array<() => void> = [];
  const invalidated: Array<() => void> = [];
  const ctx: WatchContext & { navigate(): void; invalidate(): void } = {
    isValid: true,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    onLocationChange: (fn) => handlers.push(fn),
    onEnd: (fn) => invalidated.push(fn),
    navigate: () => handlers.forEach((fn) => fn()),
    invalidate() {
      (this as { isValid: boolean }).isValid = false;
      invalidated.forEach((fn) => fn());
    },
  };
  contexts.push(ctx);
  return ctx;
}

function showRecord(id: number, name: string, email: string | null = 'someone@example.com') {
  history.pushState(null, '', `/record/${id}`);
  document.body.replaceChildren();
  const h1 = document.createElement('h1');
  h1.dataset.name = '';
  h1.textContent = name;
  document.body.append(h1);
  if (email) showEmail(email);
}

function showEmail(email: string) {
  const p = document.createElement('p');
  p.dataset.email = '';
  p.textContent = email;
  document.body.append(p);
}

let reports: Array<ContactSnapshot | null>;
beforeEach(() => {
  vi.useFakeTimers();
  reports = [];
  history.replaceState(null, '', '/list');
  document.body.replaceChildren();
});
afterEach(() => {
  contexts.splice(0).forEach((ctx) => ctx.invalidate());
  vi.useRealTimers();
});

describe('watchPage', () => {
  it('reports "no contact" on a list page, then the record once it renders', async () => {
    const ctx = fakeContext();
    watchPage(adapter, ctx, window, (s) => reports.push(s), TIMING);
    await vi.advanceTimersByTimeAsync(10);
    expect(reports).toEqual([null]);
    showRecord(7, 'Maria Lopez');
    await vi.advanceTimersByTimeAsync(100);
    expect(reports.map((r) => r?.name ?? null)).toEqual([null, 'Maria Lopez']);
  });

  it('reports only changes, not every mutation', async () => {
    showRecord(7, 'Maria Lopez');
    watchPage(adapter, fakeContext(), window, (s) => reports.push(s), TIMING);
    await vi.advanceTimersByTimeAsync(10);
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(100);
    expect(reports).toHaveLength(1);
  });

  it('does not read the page again for our own overlay coming or going', async () => {
    showRecord(7, 'Maria Lopez');
    const detect = vi.spyOn(adapter, 'detect');
    watchPage(adapter, fakeContext(), window, (s) => reports.push(s), TIMING);
    await vi.advanceTimersByTimeAsync(10);
    const reads = detect.mock.calls.length;
    const overlay = document.createElement('second-call-overlay');
    document.documentElement.append(overlay);
    await vi.advanceTimersByTimeAsync(60);
    overlay.remove();
    await vi.advanceTimersByTimeAsync(60);
    expect(detect.mock.calls.length).toBe(reads);
    // The page's own change in the same batch as ours is still read (before it settles).
    document.documentElement.append(document.createElement('second-call-prepare'));
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(60);
    expect(detect.mock.calls.length).toBe(reads + 1);
    detect.mockRestore();
  });

  it('stops observing once the record has settled: an idle page costs nothing', async () => {
    showRecord(7, 'Maria Lopez');
    const detect = vi.spyOn(adapter, 'detect');
    watchPage(adapter, fakeContext(), window, (s) => reports.push(s), TIMING);
    await vi.advanceTimersByTimeAsync(500);
    const callsWhenSettled = detect.mock.calls.length;
    document.querySelector('h1')!.textContent = 'Changed later';
    await vi.advanceTimersByTimeAsync(500);
    expect(detect.mock.calls.length).toBe(callsWhenSettled);
    expect(vi.getTimerCount()).toBe(0);
    detect.mockRestore();
  });

  it('keeps watching a record that shows only a name, until its email renders', async () => {
    showRecord(7, 'Maria Lopez', null);
    watchPage(adapter, fakeContext(), window, (s) => reports.push(s), TIMING);
    await vi.advanceTimersByTimeAsync(TIMING.settleMs * 3);
    showEmail('maria@northwind.example');
    await vi.advanceTimersByTimeAsync(100);
    expect(reports.map((r) => r?.email)).toEqual([undefined, 'maria@northwind.example']);
  });

  it('stops after the deadline even when no record ever renders', async () => {
    watchPage(adapter, fakeContext(), window, (s) => reports.push(s), TIMING);
    await vi.advanceTimersByTimeAsync(TIMING.maxWatchMs + 10);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reads the page again after a single-page navigation', async () => {
    showRecord(7, 'Maria Lopez');
    const ctx = fakeContext();
    watchPage(adapter, ctx, window, (s) => reports.push(s), TIMING);
    await vi.advanceTimersByTimeAsync(500);
    showRecord(8, 'Kenji Sato');
    ctx.navigate();
    await vi.advanceTimersByTimeAsync(100);
    expect(reports.map((r) => r?.recordId)).toEqual(['7', '8']);
  });

  it('treats a detector that throws as "no contact", never breaking the page', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken: SiteAdapter = {
      ...adapter,
      detect: () => {
        throw new Error('layout changed');
      },
    };
    watchPage(broken, fakeContext(), window, (s) => reports.push(s), TIMING);
    await vi.advanceTimersByTimeAsync(10);
    expect(reports).toEqual([null]);
  });

  it('stops when the extension is reloaded under the page', async () => {
    const ctx = fakeContext();
    watchPage(adapter, ctx, window, (s) => reports.push(s), TIMING);
    ctx.invalidate();
    showRecord(9, 'Late');
    await vi.advanceTimersByTimeAsync(2000);
    expect(reports).toEqual([]);
  });

  it('watches a dialer page for as long as it is open and reports each call change', async () => {
    const calls: Array<string | null> = [];
    const dialer: SiteAdapter = {
      ...adapter,
      detectCall: (doc) => {
        const state = doc.querySelector('[data-call]')?.getAttribute('data-call');
        return state ? { state: state as 'active' | 'ended' } : null;
      },
    };
    const setCall = (state: string | null) => {
      document.querySelector('[data-call]')?.remove();
      if (!state) return;
      const el = document.createElement('div');
      el.dataset.call = state;
      document.body.append(el);
    };
    watchPage(
      dialer,
      fakeContext(),
      window,
      (s) => reports.push(s),
      TIMING,
      (c) => calls.push(c?.state ?? null),
    );
    await vi.advanceTimersByTimeAsync(TIMING.maxWatchMs * 3);
    setCall('active');
    await vi.advanceTimersByTimeAsync(100);
    setCall('ended');
    await vi.advanceTimersByTimeAsync(100);
    setCall(null);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toEqual([null, 'active', 'ended', null]);
  });

  it('reads a dialer page once per change for both its contact and its call', async () => {
    const reads: string[] = [];
    const dialer: SiteAdapter = {
      ...adapter,
      detect: () => (reads.push('detect'), null),
      detectCall: () => (reads.push('detectCall'), null),
      detectWithCall: (doc) => {
        reads.push('both');
        const phone = doc.querySelector('[data-call]')?.textContent ?? undefined;
        const call = phone ? { state: 'active' as const, phone } : null;
        const contact = phone ? { site: 'test', recordId: phone, url: 'x', name: phone } : null;
        return { contact, call };
      },
    };
    const calls: Array<string | null> = [];
    watchPage(
      dialer,
      fakeContext(),
      window,
      (s) => reports.push(s),
      TIMING,
      (c) => calls.push(c?.phone ?? null),
    );
    await vi.advanceTimersByTimeAsync(10);
    const el = document.createElement('div');
    el.dataset.call = '';
    el.textContent = '+14155550142';
    document.body.append(el);
    await vi.advanceTimersByTimeAsync(100);
    expect(reads).toEqual(['both', 'both']);
    expect(calls).toEqual([null, '+14155550142']);
    expect(reports.map((r) => r?.name ?? null)).toEqual([null, '+14155550142']);
  });
});
