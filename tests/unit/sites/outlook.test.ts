// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { outlook, outlookAccount, outlookItemId } from '../../../lib/sites/outlook';
import { MAX_TEXT } from '../../../lib/sites/read-page';
import { adapterFor } from '../../../lib/sites/registry';
import { casesFor, load, parse } from './fixtures';

const ITEM = 'https://outlook.office.com/mail/inbox/id/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D';
const REP = 'riley.rep@sellerco.example';

const me = `<button id="O365_MainLink_Me" type="button" aria-label="Account manager for Riley Rep ${REP}"></button>`;

/** An open conversation: the account button, then header lines, oldest message first. */
function conversation(
  lines: string[],
  account = me,
  title = 'Mail - Riley Rep - Outlook',
): Document {
  return parse(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>${account}` +
      `<div id="ReadingPaneContainerId"><div role="heading" title="Subject">Subject</div>` +
      lines.join('') +
      `</div></body></html>`,
  );
}

const from = (name: string, email: string) =>
  `<div aria-label="From: ${name}"><span title="${email}">${name}</span></div>`;
const to = (...people: [string, string][]) =>
  `<div aria-label="To: ${people.map(([n]) => n).join(', ')}">To: ` +
  people.map(([n, e]) => `<span title="${e}">${n}</span>`).join('; ') +
  `</div>`;

describe('outlook fixtures', () => {
  it.each(casesFor('outlook'))('$file', (c) => {
    const { document, url } = load(c);
    expect(outlook.detect(document, url)).toEqual(c.expect);
  });
});

describe('outlook item ids', () => {
  it.each([
    ITEM,
    'https://outlook.office.com/mail/id/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D',
    'https://outlook.office.com/mail/0/sentitems/id/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D/',
    'https://outlook.live.com/mail/0/inbox/id/AQMkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgBGAAAD1a2%3D',
    'https://outlook.office.com/mail/AAMkAGI2Zm9sZGVy/id/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D',
    'https://outlook.office365.com/mail/inbox/id/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D',
    'https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D',
    // A message in its own window (pop-out).
    'https://outlook.office.com/mail/deeplink/read/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D?ItemID=x&exvsurl=1',
    'https://outlook.live.com/mail/0/deeplink/read/AQMkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgBGAAAD1a2%3D',
    'https://outlook.cloud.microsoft/mail/sales@sellerco.example/deeplink/read/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D',
  ])('%s has an open item', (href) => {
    expect(outlookItemId(new URL(href))).toMatch(/^A/);
    expect(adapterFor(new URL(href))?.id).toBe('outlook');
  });

  it.each(['https://outlook.office365.com', 'https://outlook.cloud.microsoft'])(
    'reads an open message at %s',
    (origin) => {
      const c = casesFor('outlook').find((f) => f.file === 'message-from-prospect.html')!;
      const url = new URL(c.url.replace('https://outlook.office.com', origin));
      expect(outlook.detect(load(c).document, url)).toEqual({
        ...c.expect,
        url: `${url.origin}${url.pathname}`,
      });
    },
  );

  it.each([
    'https://outlook.office.com/mail/',
    'https://outlook.office.com/mail/inbox',
    'https://outlook.office.com/mail/0/inbox',
    'https://outlook.office.com/mail/deeplink/compose',
    'https://outlook.office.com/mail/deeplink/compose/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D',
    'https://outlook.office.com/mail/deeplink/read/',
    'https://outlook.office.com/mail/inbox/id/',
    'https://outlook.office.com/mail/inbox/id/short',
    'https://outlook.office.com/calendar/item/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D',
    'https://outlook.office.com.evil.example/mail/inbox/id/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D',
    'https://outlook.cloud.microsoft.evil.example/mail/inbox/id/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D',
    'https://outlook.office365.com/calendar/item/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D',
    'http://outlook.office.com/mail/inbox/id/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D',
  ])('%s has none', (href) => {
    expect(outlookItemId(new URL(href))).toBeNull();
  });

  it('points the snapshot at the item without its query', () => {
    const url = new URL(`${ITEM}?nlp=1#x`);
    const doc = conversation([from('Dana Kim', 'dana@prospectco.example')]);
    expect(outlook.detect(doc, url)?.url).toBe(ITEM);
  });
});

describe('outlook account', () => {
  it('reads the account button, its flyout, then the tab title', () => {
    expect(outlookAccount(conversation([]))).toEqual({ emails: [REP], names: ['riley rep'] });
    const flyout = parse(
      '<title>Outlook</title><div id="mectrl_currentAccount_primary">Riley Rep</div>' +
        '<div id="mectrl_currentAccount_secondary">Riley.Rep@SellerCo.example</div>',
    );
    expect(outlookAccount(flyout)).toEqual({ emails: [REP], names: ['riley rep'] });
    const byAddress = parse('<title>Mail - Riley.Rep@Outlook.example - Outlook</title>');
    expect(outlookAccount(byAddress)).toEqual({ emails: ['riley.rep@outlook.example'], names: [] });
    const byName = parse('<title>Inbox - Riley Rep - Outlook</title>');
    expect(outlookAccount(byName)).toEqual({ emails: [], names: ['riley rep'] });
    expect(outlookAccount(parse('<title>Outlook</title>'))).toEqual({ emails: [], names: [] });
    for (const label of [
      'Konto-Manager für Riley Rep',
      'Gestionnaire de comptes pour Riley Rep',
      'Administrador de cuentas para Riley Rep',
    ]) {
      const button = parse(
        `<title>Outlook</title><button id="O365_MainLink_Me" aria-label="${label}">`,
      );
      expect(outlookAccount(button), label).toEqual({ emails: [], names: ['riley rep'] });
    }
  });
});

describe('outlook reading', () => {
  const url = new URL(ITEM);
  const dana = {
    site: 'outlook',
    recordId: 'dana@prospectco.example',
    url: ITEM,
    name: 'Dana Kim',
    email: 'dana@prospectco.example',
    evidence: { signals: ['record-url', 'mail-party'], confidence: 'sure' },
  };

  it('takes the latest sender who is not the rep', () => {
    const doc = conversation([
      from('Dana Kim', 'Dana@ProspectCo.example'),
      to(['Riley Rep', REP]),
      from('Riley Rep', REP),
      to(['Dana Kim', 'dana@prospectco.example']),
    ]);
    expect(outlook.detect(doc, url)).toEqual(dana);
  });

  it('takes the person the rep wrote to when the rep wrote every message', () => {
    const doc = conversation([
      from('Riley Rep', REP),
      to(['Dana Kim', 'dana@prospectco.example'], ['Riley Rep', REP]),
    ]);
    expect(outlook.detect(doc, url)).toEqual(dana);
    expect(
      outlook.detect(conversation([from('Riley Rep', REP), to(['Riley Rep', REP])]), url),
    ).toBeNull();
  });

  it('knows the rep by name when no address of theirs is on the page, and is unsure', () => {
    const doc = conversation(
      [from('Dana Kim', 'dana@prospectco.example'), from('Riley Rep', 'riley@other-alias.example')],
      '',
    );
    // Without the rep's address a colleague cannot be told apart: the panel asks first.
    expect(outlook.detect(doc, url)).toEqual({
      ...dana,
      evidence: {
        signals: ['record-url'],
        confidence: 'unsure',
        doubt: expect.stringContaining('address') as string,
      },
    });
  });

  it('returns null without knowing the rep, or without a reading pane', () => {
    const lines = [from('Dana Kim', 'dana@prospectco.example')];
    expect(outlook.detect(conversation(lines, '', 'Outlook'), url)).toBeNull();
    const noPane = parse(
      `<title>Mail - Riley Rep - Outlook</title>${me}<div role="main">${lines[0]}</div>`,
    );
    expect(outlook.detect(noPane, url)).toBeNull();
  });

  it('reads "Name <address>" text when no attribute holds the address', () => {
    const doc = conversation([
      '<div aria-label="From: Dana Kim">Dana   Kim &lt;Dana@ProspectCo.example&gt;</div>',
    ]);
    expect(outlook.detect(doc, url)).toEqual(dana);
  });

  it('names a party by their address when the page shows no name', () => {
    const doc = conversation(['<div aria-label="From: dana@prospectco.example"></div>']);
    expect(outlook.detect(doc, url)?.name).toBe('dana@prospectco.example');
  });

  it('caps extremely long text and gives markup back as its literal text', () => {
    const long = 'Bartholomew '.repeat(100);
    const snapshot = outlook.detect(conversation([from(long, 'b@prospectco.example')]), url);
    expect(snapshot?.name.length).toBeLessThanOrEqual(MAX_TEXT);
    const hostile = outlook.detect(
      conversation([
        `<div aria-label="From: Eve"><span title="eve@hostile.example"><i>Eve</i>\n\t &lt;script&gt;alert(1)&lt;/script&gt;   O'Neil</span></div>`,
      ]),
      url,
    );
    expect(hostile?.name).toBe("Eve <script>alert(1)</script> O'Neil");
  });
});

describe('outlook: who is who in a conversation (issue 13)', () => {
  const url = new URL(ITEM);
  const CASEY: [string, string] = ['Casey Colleague', 'casey.colleague@sellerco.example'];
  const cc = (...people: [string, string][]) =>
    `<div aria-label="Cc: ${people.map(([n]) => n).join(', ')}">Cc: ` +
    people.map(([n, e]) => `<span title="${e}">${n}</span>`).join('; ') +
    `</div>`;

  it('names the prospect, not the colleague on cc, when the rep writes to the prospect', () => {
    const doc = conversation([
      from('Riley Rep', REP),
      to(['Dana Kim', 'dana@prospectco.example']),
      cc(CASEY),
    ]);
    const got = outlook.detect(doc, url);
    expect(got?.name).toBe('Dana Kim');
    expect(got?.evidence?.confidence).toBe('sure');
    expect(got?.others).toEqual([{ name: 'Casey Colleague', email: CASEY[1], role: 'colleague' }]);
  });

  it('never names a colleague of the rep who replied last', () => {
    const doc = conversation([
      from('Dana Kim', 'dana@prospectco.example'),
      to(['Riley Rep', REP]),
      from('Casey Colleague', CASEY[1]),
      to(['Dana Kim', 'dana@prospectco.example']),
    ]);
    expect(outlook.detect(doc, url)?.name).toBe('Dana Kim');
  });

  it("names a cc-only outsider unsure, and no one when only the rep's side is on it", () => {
    const ccOnly = outlook.detect(
      conversation([
        from('Riley Rep', REP),
        to(CASEY),
        cc(['Dana Kim', 'dana@prospectco.example']),
      ]),
      url,
    );
    expect(ccOnly?.name).toBe('Dana Kim');
    expect(ccOnly?.evidence?.confidence).toBe('unsure');
    expect(outlook.detect(conversation([from('Riley Rep', REP), to(CASEY)]), url)).toBeNull();
  });

  it.each([
    ['French', 'De :', 'À :'],
    ['German', 'Von:', 'An:'],
    ['Spanish', 'De:', 'Para:'],
  ])('reads the header captions of a %s UI', (_, fromCaption, toCaption) => {
    const line = (caption: string, [n, e]: [string, string]) =>
      `<div aria-label="${caption} ${n}">${caption} <span title="${e}">${n}</span></div>`;
    const doc = conversation([
      line(fromCaption, ['Riley Rep', REP]),
      line(toCaption, ['Dana Kim', 'dana@prospectco.example']),
      line('Cc:', CASEY),
    ]);
    expect(outlook.detect(doc, url)?.name).toBe('Dana Kim');
  });

  it('never reads a hidden message or a contact card', () => {
    const doc = conversation([
      `<div style="display:none">${from('Old Lead', 'old@lead.example')}</div>`,
      from('Dana Kim', 'dana@prospectco.example'),
      `<div role="dialog" aria-label="Contact card preview">${from('Hover Person', 'hover@card.example')}</div>`,
    ]);
    const got = outlook.detect(doc, url);
    expect(got?.name).toBe('Dana Kim');
    expect(got?.others).toBeUndefined();
  });

  it('reads a pop-out window, whose message is the main region', () => {
    const popOut = new URL(
      'https://outlook.office.com/mail/deeplink/read/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D?ItemID=x',
    );
    const doc = parse(
      `<title>Re: Pricing - Outlook</title>${me}<div role="main">` +
        from('Dana Kim', 'dana@prospectco.example') +
        to(['Riley Rep', REP]) +
        `</div>`,
    );
    expect(outlook.detect(doc, popOut)?.name).toBe('Dana Kim');
    expect(outlook.detect(doc, popOut)?.url).toBe(`${popOut.origin}${popOut.pathname}`);
  });
});

describe('outlook: a subject is no region label', () => {
  it('reads the conversation whatever its subject says ("Preview", "history", "similar")', () => {
    const c = casesFor('outlook').find((f) => f.file === 'message-from-prospect.html')!;
    const { document, url } = load(c);
    const subject = 'Preview: call history of similar accounts';
    const heading = document.querySelector('[role="heading"][title]')!;
    heading.setAttribute('title', subject);
    heading.textContent = subject;
    expect(outlook.detect(document, url)?.name).toBe('Dana Kim');
  });
});
