// Issue 13, part 7: a page on a supported site cannot drive the extension. It dispatches
// mouseovers, focus and clicks of its own, looks for our buttons through shadowRoot and
// elementFromPoint, presses Alt+Shift+V by script — and nothing is stored, the open panel
// stays on its contact, no voicemail timer starts. Then the rep does the same for real (a
// real hover, a real click on Prepare) and the contact opens, named without the control
// characters the page put in its link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, text, visible } from './see';
import { ExtensionSession, fixtureCases, newProfileDir, readDatabase } from './harness';
import { countLabelled, repClicks } from './closed-shadow';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;
const SEVENTY_DIGITS = '4155550142'.repeat(7);
// The forged link: text "Call", and a number that decodes to 462 characters of markup.
const FORGED_NUMBER = `<img src=x onerror=alert(1)><b>${SEVENTY_DIGITS}</b>`.padEnd(462, '<i></i>');
const CONTROLS = /[\p{Cc}\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

let session: ExtensionSession;
beforeAll(async () => {
  session = await ExtensionSession.launch(newProfileDir());
}, 60_000);
afterAll(async () => {
  await session?.close();
});

describe('a page that tries to drive the extension', () => {
  it('plants no contact, moves no panel and starts no timer; the rep’s own hover and click do', async () => {
    const crm = await session.openCrmPage(record.url);
    const tabId = await session.tabIdOf(crm);
    const panel = await session.openPanel(tabId);
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
    // The page tools (the voicemail pill, Prepare) are in the page and listening.
    await countLabelled(crm, 'Start voicemail timer', 1);

    // The page's own script, in its own world.
    const attempts = await crm.evaluate((forgedNumber) => {
      const link = (id: string, href: string, label: string) => {
        const a = document.createElement('a');
        a.id = id;
        a.href = href;
        a.textContent = label;
        a.style.cssText = 'display:inline-block;margin:24px;font-size:20px';
        document.body.prepend(a);
        return a;
      };
      const priya = link('priya', 'tel:+442075550199', 'Priya\u202e Shah\u0007');
      const forged = link('forged', `tel:${encodeURIComponent(forgedNumber)}`, 'Call');
      for (const a of [priya, forged]) {
        a.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
        a.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      }
      // A focus moved by script: the browser marks its events trusted, yet it is not the rep's.
      priya.focus();
      forged.focus();
      const shortcut = { altKey: true, shiftKey: true, key: 'V', code: 'KeyV', bubbles: true };
      document.dispatchEvent(new KeyboardEvent('keydown', shortcut));
      document.body.dispatchEvent(new KeyboardEvent('keydown', shortcut));
      // The voicemail pill: out of reach, and a click on what is in reach does nothing.
      const pill = document.querySelector('second-call-overlay');
      const hit = document.elementFromPoint(window.innerWidth - 40, window.innerHeight - 30);
      hit?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      (pill as HTMLElement | null)?.click();
      return {
        pillRoot: pill ? String(pill.shadowRoot) : 'no pill',
        pillHit: hit?.tagName.toLowerCase(),
        prepareShown: document.querySelector('second-call-prepare') !== null,
      };
    }, FORGED_NUMBER);
    expect(attempts).toEqual({
      pillRoot: 'null',
      pillHit: 'second-call-overlay',
      prepareShown: false,
    });

    // The rep points at the forged "Call" link: its "number" is no number, no Prepare. (The
    // rep works in the CRM tab: a tab in the background gets no mouse moves.)
    await crm.bringToFront();
    await crm.hover('#forged');
    expect(await crm.evaluate(() => document.querySelector('second-call-prepare'))).toBeNull();

    // The rep points at Priya's link for real: Prepare shows, and the page cannot press it.
    await crm.hover('#priya');
    await countLabelled(crm, 'Prepare a call to Priya Shah', 1);
    const reach = await crm.evaluate(() => {
      const host = document.querySelector('second-call-prepare')!;
      const box = document.getElementById('priya')!.getBoundingClientRect();
      // Where our button sits, beside the link; the page sees only our host element there.
      const hit = document.elementFromPoint(box.right + 12, box.top + 6);
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
        hit?.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      (host as HTMLElement).click();
      host.shadowRoot?.querySelector('button')?.click();
      return {
        root: String(host.shadowRoot),
        hit: hit?.tagName.toLowerCase(),
        stillOffered: host.isConnected, // a click that counted would have taken it away
      };
    });
    expect(reach).toEqual({ root: 'null', hit: 'second-call-prepare', stillOffered: true });
    await text(panel.getByRole('heading', { level: 1 }), 'Jane Doe');

    // The rep clicks Prepare: the panel opens Priya, named without the page's controls.
    await repClicks(crm, 'Prepare a call to Priya Shah');
    await text(panel.getByRole('heading', { level: 1 }), 'Priya Shah');

    // Messages from one tab are handled in order: whatever the page's attempts had sent
    // was handled before the rep's Prepare. Nothing of it was stored or started.
    const { stores } = await readDatabase(panel);
    const contacts = stores.contacts as { name: string; phones: string[] }[];
    expect(contacts.map((c) => c.name).sort()).toEqual(['Jane Doe', 'Priya Shah']);
    expect(contacts.find((c) => c.name === 'Priya Shah')?.phones).toEqual(['+442075550199']);
    for (const contact of contacts) {
      expect(contact.name).not.toMatch(CONTROLS);
      expect(contact.phones.join()).not.toContain(SEVENTY_DIGITS);
    }
    await count(panel.getByRole('timer'), 0);
    const timer = await session
      .currentWorker()
      .evaluate(
        async (key) => (await chrome.storage.session.get(key))[key] ?? null,
        `voicemail:${tabId}`,
      );
    expect(timer).toBeNull();
  });
});
