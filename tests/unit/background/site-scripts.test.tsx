// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reconcileSiteScripts, siteScriptId } from '@/lib/background/site-scripts';
import { SITES } from '@/lib/sites/registry';
import { SitesSettings } from '@/components/SitesSettings';

/** The browser's side, in memory: granted origins, registered scripts, permission events. */
function fakeSiteAccess() {
  const granted = new Set<string>(SITES.filter((s) => s.atInstall).flatMap((s) => s.matches));
  const scripts = new Map<string, { matches?: string[]; js?: string[] }>();
  const listeners = new Set<() => void>();
  const event = {
    addListener: (fn: () => void) => listeners.add(fn),
    removeListener: (fn: () => void) => listeners.delete(fn),
  };
  const fire = () => listeners.forEach((fn) => fn());
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }: { origins?: string[] }) =>
      origins.every((o) => granted.has(o)),
    request: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      origins.forEach((o) => granted.add(o));
      fire();
      return true;
    }),
    remove: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      origins.forEach((o) => granted.delete(o));
      fire();
      return true;
    }),
    onAdded: event,
    onRemoved: event,
  });
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async () => [...scripts.values()],
    registerContentScripts: async (list: { id: string; matches?: string[]; js?: string[] }[]) =>
      list.forEach((s) => scripts.set(s.id, s)),
    unregisterContentScripts: async ({ ids = [] }: { ids?: string[] }) =>
      ids.forEach((id) => scripts.delete(id)),
    updateContentScripts: async (list: { id: string; matches?: string[]; js?: string[] }[]) =>
      list.forEach((s) => scripts.set(s.id, { ...scripts.get(s.id), ...s })),
  });
  return { granted, scripts };
}

const salesforce = SITES.find((s) => s.id === 'salesforce')!;

beforeEach(cleanup);

describe('optional sites', () => {
  it('registers a site’s script only once its permission is granted, and removes it after', async () => {
    const access = fakeSiteAccess();
    await reconcileSiteScripts(SITES);
    expect(access.scripts.size).toBe(0);

    salesforce.matches.forEach((m) => access.granted.add(m));
    await reconcileSiteScripts(SITES);
    expect(access.scripts.get(siteScriptId(salesforce))).toMatchObject({
      matches: salesforce.matches,
      js: ['site-salesforce.js'],
    });
    expect(access.scripts.size).toBe(1);

    salesforce.matches.forEach((m) => access.granted.delete(m));
    await reconcileSiteScripts(SITES);
    expect(access.scripts.size).toBe(0);
  });

  it('never registers the install-time sites, whose scripts are in the manifest', async () => {
    const access = fakeSiteAccess();
    await reconcileSiteScripts(SITES);
    expect([...access.scripts.keys()]).not.toContain('site-hubspot');
  });

  it('shows a checkbox per site, on when granted, and asks the browser when one is turned on', async () => {
    const user = userEvent.setup();
    const access = fakeSiteAccess();
    render(<SitesSettings />);
    const hubspot = (await screen.findByRole('checkbox', { name: 'HubSpot' })) as HTMLInputElement;
    expect(hubspot.checked).toBe(true);
    expect(hubspot.disabled).toBe(true);
    const box = screen.getByRole('checkbox', { name: salesforce.name }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await user.click(box);
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: salesforce.matches });
    await vi.waitFor(() => expect(box.checked).toBe(true));
    await user.click(box);
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: salesforce.matches });
    await vi.waitFor(() => expect(box.checked).toBe(false));
    expect(access.granted.has(salesforce.matches[0]!)).toBe(false);
  });

  it('shows a site allowed on some of its addresses as partly on; checking it allows them all', async () => {
    const user = userEvent.setup();
    const access = fakeSiteAccess();
    const outlook = SITES.find((s) => s.id === 'outlook')!;
    expect(outlook.matches.length).toBeGreaterThan(1);
    access.granted.add(outlook.matches[0]!);
    render(<SitesSettings />);
    const box = (await screen.findByRole('checkbox', { name: 'Outlook' })) as HTMLInputElement;
    await vi.waitFor(() => expect(box.indeterminate).toBe(true));
    expect(box.checked).toBe(false);
    expect(screen.getByText(/On for some of its addresses only/)).toBeTruthy();
    await user.click(box);
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: outlook.matches });
    await vi.waitFor(() => expect(box.checked).toBe(true));
    expect(box.indeterminate).toBe(false);
    expect(screen.queryByText(/On for some of its addresses only/)).toBeNull();
  });
});
