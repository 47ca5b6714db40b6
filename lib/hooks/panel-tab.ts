import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** The tab named by `?tabId=N`, when the panel was opened for one tab. */
export function pinnedTabId(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** The tab the side panel follows: the pinned one, else the active tab of its window. */
export function useFollowedTab(search: string): number | undefined {
  const pinned = pinnedTabId(search);
  const [activeTab, setActiveTab] = useState<number | undefined>();
  useEffect(() => {
    if (pinned !== undefined) return;
    let windowId: number | undefined;
    let live = true;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (!live || !tab) return;
      windowId = tab.windowId;
      setActiveTab(tab.id);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setActiveTab(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [pinned]);
  return pinned ?? activeTab;
}
