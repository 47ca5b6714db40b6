// The strict content-security policy holds in the built extension: its pages cannot reach
// the network nor turn a string into code, and still work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visible } from './see';
import { ExtensionSession, fixtureCases, newProfileDir } from './harness';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;
let session: ExtensionSession;

beforeAll(async () => {
  session = await ExtensionSession.launch(newProfileDir());
}, 60_000);
afterAll(async () => {
  await session?.close();
});

describe('extension pages under the content-security policy', () => {
  it('show the contact, but cannot fetch the web or evaluate strings', async () => {
    const tabId = await session.tabIdOf(await session.openCrmPage(record.url));
    const panel = await session.openPanel(tabId);
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));

    const attempts = await panel.evaluate(async (url) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(e.effectiveDirective),
      );
      const outcome = async (attempt: () => unknown) => {
        try {
          await attempt();
          return 'allowed';
        } catch (error) {
          return (error as Error).name;
        }
      };
      const fetched = await outcome(() => fetch(url)); // a CRM origin these tests serve
      const ownFile = await outcome(async () => (await fetch('/manifest.json')).json());
      // Code the page itself would compile (DevTools evaluation is exempt, so not eval here).
      const flags = window as unknown as Record<string, unknown>;
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__timer = 1', 0);
      const inline = document.createElement('script');
      inline.textContent = 'window.__inline = 1';
      document.head.append(inline);
      await new Promise((r) => setTimeout(r, 300));
      return {
        fetched,
        ownFile,
        timer: flags.__timer ?? 'refused',
        inline: flags.__inline ?? 'refused',
        violations: [...new Set(violations)].sort(),
      };
    }, record.url);
    expect(attempts).toEqual({
      fetched: 'TypeError', // refused by connect-src
      ownFile: 'allowed',
      timer: 'refused',
      inline: 'refused',
      violations: ['connect-src', 'script-src', 'script-src-elem'],
    });
  });
});
