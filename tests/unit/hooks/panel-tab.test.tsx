// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor, act } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pinnedTabId, useFollowedTab } from '@/lib/hooks/panel-tab';

afterEach(cleanup);

/** A focused window with two tabs, the second in front. */
async function windowWithTwoTabs() {
  const win = (await fakeBrowser.windows.create({ focused: true }))!;
  const crm = await fakeBrowser.tabs.create({
    windowId: win.id,
    url: 'https://app.hubspot.com/a',
    active: true,
  });
  const mail = await fakeBrowser.tabs.create({
    windowId: win.id,
    url: 'https://mail.google.com/',
    active: true,
  });
  return { windowId: win.id!, crm: crm.id!, mail: mail.id! };
}

describe('the side panel follows the active tab of its window', () => {
  it('starts on the tab in front of its window', async () => {
    const { mail } = await windowWithTwoTabs();
    const { result } = renderHook(() => useFollowedTab(''));
    await waitFor(() => expect(result.current).toBe(mail));
  });

  it('follows the rep to another tab of the same window', async () => {
    const { crm, mail } = await windowWithTwoTabs();
    const { result } = renderHook(() => useFollowedTab(''));
    await waitFor(() => expect(result.current).toBe(mail));
    await act(() => fakeBrowser.tabs.update(crm, { active: true }));
    expect(result.current).toBe(crm);
  });

  it('ignores tabs activated in another window', async () => {
    const { windowId, mail } = await windowWithTwoTabs();
    const { result } = renderHook(() => useFollowedTab(''));
    await waitFor(() => expect(result.current).toBe(mail));
    await act(() => fakeBrowser.tabs.onActivated.trigger({ tabId: 77, windowId: windowId + 1 }));
    expect(result.current).toBe(mail);
  });

  it('stops listening once the panel closes', async () => {
    await windowWithTwoTabs();
    const { result, unmount } = renderHook(() => useFollowedTab(''));
    await waitFor(() => expect(result.current).toBeDefined());
    expect(fakeBrowser.tabs.onActivated.hasListeners()).toBe(true);
    unmount();
    expect(fakeBrowser.tabs.onActivated.hasListeners()).toBe(false);
  });

  it('with ?tabId=N stays on tab N whatever the rep activates', async () => {
    const { crm } = await windowWithTwoTabs();
    const { result } = renderHook(() => useFollowedTab('?tabId=42'));
    expect(result.current).toBe(42);
    await act(() => fakeBrowser.tabs.update(crm, { active: true }));
    expect(result.current).toBe(42);
    expect(fakeBrowser.tabs.onActivated.hasListeners()).toBe(false);
  });

  it.each([
    ['?tabId=7', 7],
    ['?tabId=', undefined],
    ['?tabId=-1', undefined],
    ['?tabId=7x', undefined],
    ['', undefined],
  ])('reads %j as tab %s', (search, tab) => {
    expect(pinnedTabId(search)).toBe(tab);
  });
});
