import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSessionValueEarly, watchSessionValue } from '@/lib/messaging/tab-state';

describe('a session value read as the panel loads', () => {
  it('answers the first watcher, and a change made meanwhile still arrives', async () => {
    await fakeBrowser.storage.session.set({ 'tab:4': { contactId: 'before' } });
    readSessionValueEarly('tab:4');
    // The tab moves on before the panel's components watch it.
    await fakeBrowser.storage.session.set({ 'tab:4': { contactId: 'after' } });
    const seen: unknown[] = [];
    const stop = watchSessionValue('tab:4', (value) => seen.push(value));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ contactId: 'after' }));
    stop();
  });

  it('is used once: a later watcher reads afresh', async () => {
    await fakeBrowser.storage.session.set({ 'tab:5': { contactId: 'a' } });
    readSessionValueEarly('tab:5');
    const first: unknown[] = [];
    watchSessionValue('tab:5', (value) => first.push(value))();
    await fakeBrowser.storage.session.set({ 'tab:5': { contactId: 'b' } });
    const second: unknown[] = [];
    const stop = watchSessionValue('tab:5', (value) => second.push(value));
    await vi.waitFor(() => expect(second).toEqual([{ contactId: 'b' }]));
    stop();
  });
});
