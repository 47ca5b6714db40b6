// Issue 16, part 6: coach rules the rep reaches from the panel, in Chromium.
import { afterEach, describe, expect, it } from 'vitest';
import { contains, visible, WAIT } from './see';
import { clickOutcome, ExtensionSession, fixtureCases, readDatabase } from './harness';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function openJane() {
  session = await ExtensionSession.launch();
  const panel = await session.openPanelFor(await session.openCrmPage(record.url));
  await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
  await visible(panel.getByRole('group', { name: 'Log outcome' }));
  return panel;
}

describe('every coach rule is reachable from the panel', () => {
  it('Connected, then "They didn\'t remember me": reopened, the call opens with the reminder', async () => {
    const panel = await openJane();
    await clickOutcome(panel, 'Connected');
    const mark = panel.getByRole('button', { name: "They didn't remember me" });
    await mark.click();
    await expect.poll(() => mark.getAttribute('aria-pressed'), WAIT).toBe('true');

    await panel.reload();
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    const script = panel.getByRole('region', { name: 'Script' });
    await contains(script, 'May not remember you');
    await contains(script, 'We spoke a while back');
  });

  it('two calls unanswered: the voicemail announces an email, and the next step is that email', async () => {
    const panel = await openJane();
    await clickOutcome(panel, 'No answer');
    await clickOutcome(panel, 'No answer');
    const next = panel.getByRole('region', { name: 'Next follow-up' });
    await contains(next, '2 calls went unanswered, so write instead');
    await contains(panel.locator('body'), 'or look out for my email on');
    expect(await panel.locator('body').textContent()).not.toContain("I'll call you again");

    // The voicemail left now promises no call: the email stays the next step.
    await clickOutcome(panel, 'Voicemail');
    await contains(next, 'Email');
    const { stores } = await readDatabase(panel);
    const voicemail = stores.attempts!.find((a) => a.outcome === 'voicemail');
    expect(voicemail).not.toHaveProperty('promisedAt');
    const open = stores.tasks!.filter((t) => t.status === 'open');
    expect(open.map((t) => t.channel)).toEqual(['email']);
  });
});
