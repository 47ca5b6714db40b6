import { describe, expect, it } from 'vitest';
import {
  lastCaption,
  leadingCaption,
  prospectOf,
  type MailMessage,
  type MailParty,
  type MailRep,
} from '../../../lib/sites/mail-parties';

const rep: MailRep = { emails: ['riley@sellerco.example'], names: ['riley rep'] };
const RILEY: MailParty = { email: 'riley@sellerco.example', name: 'Riley Rep' };
const CASEY: MailParty = { email: 'casey@sellerco.example', name: 'Casey Colleague' };
const DANA: MailParty = { email: 'dana@prospect.example', name: 'Dana Kim' };
const SAM: MailParty = { email: 'sam@prospect.example', name: 'Sam Lee' };
const msg = (from: MailParty | undefined, to: MailParty[] = [], cc: MailParty[] = []) =>
  ({ from, to, cc }) satisfies MailMessage;

describe('the prospect of a mail thread', () => {
  it('is the latest outside sender, never the rep or a colleague who wrote after', () => {
    const got = prospectOf([msg(DANA, [RILEY]), msg(RILEY, [DANA]), msg(CASEY, [DANA])], rep);
    expect(got?.party).toEqual(DANA);
    expect(got?.evidence).toEqual({ signals: ['record-url', 'mail-party'], confidence: 'sure' });
    expect(got?.others).toEqual([
      { name: 'Casey Colleague', email: CASEY.email, role: 'colleague' },
    ]);
  });

  it('is the outsider the rep wrote to, never the colleague on cc', () => {
    const got = prospectOf([msg(RILEY, [DANA], [CASEY])], rep);
    expect(got?.party).toEqual(DANA);
    expect(got?.evidence?.confidence).toBe('sure');
  });

  it('is never a cc party beside a "to" party; a cc-only outsider is unsure', () => {
    expect(prospectOf([msg(RILEY, [DANA], [SAM])], rep)?.party).toEqual(DANA);
    const ccOnly = prospectOf([msg(RILEY, [CASEY], [DANA])], rep);
    expect(ccOnly?.party).toEqual(DANA);
    expect(ccOnly?.evidence).toEqual({
      signals: ['record-url', 'mail-party'],
      confidence: 'unsure',
      doubt: 'Dana Kim was only copied (cc) on this thread',
    });
  });

  it('is unsure with several outsiders: two latest writers, or several addressees', () => {
    const writers = prospectOf([msg(DANA, [RILEY]), msg(SAM, [RILEY])], rep);
    expect(writers?.party).toEqual(SAM);
    expect(writers?.evidence?.doubt).toBe('Dana Kim and Sam Lee both wrote the latest messages');
    const addressees = prospectOf([msg(RILEY, [DANA, SAM])], rep);
    expect(addressees?.evidence?.doubt).toBe('The message went to Dana Kim and Sam Lee');
  });

  it('is no one when only the rep and colleagues are on the thread', () => {
    expect(prospectOf([msg(RILEY, [CASEY]), msg(CASEY, [RILEY])], rep)).toBeNull();
    expect(prospectOf([], rep)).toBeNull();
  });

  it('is unsure when the rep is known only weakly, or only by name', () => {
    const weak = prospectOf([msg(DANA, [RILEY])], { ...rep, doubt: 'Weak' });
    expect(weak?.evidence).toEqual({
      signals: ['record-url'],
      confidence: 'unsure',
      doubt: 'Weak',
    });
    const byName = prospectOf([msg(DANA, [RILEY])], { emails: [], names: ['riley rep'] });
    expect(byName?.party).toEqual(DANA);
    expect(byName?.evidence?.confidence).toBe('unsure');
  });

  it('makes no colleague of a public mail domain', () => {
    const gmailRep: MailRep = { emails: ['riley@gmail.com'], names: [] };
    const friend: MailParty = { email: 'dana@gmail.com', name: 'Dana' };
    expect(
      prospectOf([msg({ email: 'riley@gmail.com', name: 'R' }, [friend])], gmailRep)?.party,
    ).toEqual(friend);
  });
});

describe('header captions in four languages', () => {
  it.each([
    ['to me, Sam, ', 'to'],
    ['to me, cc: ', 'cc'],
    ['an ich, Cc: ', 'cc'],
    ['à moi, Cc : ', 'cc'],
    ['para yo, CC: ', 'cc'],
    ['para Lucía, ', 'to'],
    ['', undefined],
  ])('"%s" ends in %s', (text, kind) => {
    expect(lastCaption(text)).toBe(kind);
  });

  it.each([
    ['From: Dana', 'from'],
    ['From Dana Kim', 'from'],
    ['Von: Dana', 'from'],
    ['De : Dana', 'from'],
    ['À : Riley', 'to'],
    ['An: Riley', 'to'],
    ['Para: Riley', 'to'],
    ['CC: Sam', 'cc'],
    ['Cci : Sam', 'cc'],
    ['Dana Kim dana@prospect.example', undefined],
    ['Anhang: 2', undefined],
  ])('"%s" is a %s line', (label, kind) => {
    expect(leadingCaption(label)).toBe(kind);
  });
});
