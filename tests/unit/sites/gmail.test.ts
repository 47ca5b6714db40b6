// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gmail, gmailAccount, gmailThreadId } from '../../../lib/sites/gmail';
import { MAX_TEXT } from '../../../lib/sites/read-page';
import { casesFor, load, parse } from './fixtures';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr';
const REP = 'rep@sellerco.example';

const sender = (email: string, name: string | null) =>
  `<h3 class="iw"><span class="gD" email="${email}"${name === null ? '' : ` name="${name}"`}>${name ?? email}</span></h3>`;
const recipient = (email: string, name: string) =>
  `<span class="hb">to <span class="g2" email="${email}" name="${name}">${name}</span></span>`;

/** An open thread: the account button, the subject, then messages oldest first. */
function thread(messages: string[], title = `Subject - ${REP} - Gmail`): Document {
  return parse(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>` +
      `<a aria-label="Google Account: Rep Name&#10;(${REP})" href="#"></a>` +
      `<div role="main"><h2 class="hP">Subject</h2><div role="list">` +
      messages.map((m) => `<div role="listitem">${m}</div>`).join('') +
      `</div></div></body></html>`,
  );
}

describe('gmail fixtures', () => {
  it.each(casesFor('gmail'))('$file', (c) => {
    const { document, url } = load(c);
    expect(gmail.detect(document, url)).toEqual(c.expect);
  });
});

describe('gmail thread ids', () => {
  it.each([
    ['#inbox/FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr', 'FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr'],
    ['#sent/QgrcJHsbdFfxQwRxxDGWbRxWxZKbjdkrkVl', 'QgrcJHsbdFfxQwRxxDGWbRxWxZKbjdkrkVl'],
    ['#all/18e0a1b2c3d4e5f6', '18e0a1b2c3d4e5f6'],
    ['#label/Prospects/FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr', 'FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr'],
    ['#label/Clients%2FWest/FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr', 'FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr'],
    ['#search/q/FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr', 'FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr'],
    ['#search/from%3Adana/FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr', 'FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr'],
    ['#inbox/FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr?compose=new', 'FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr'],
  ])('%s → %s', (hash, id) => {
    expect(gmailThreadId(new URL(`https://mail.google.com/mail/u/0/${hash}`))).toBe(id);
  });

  it.each([
    '',
    '#inbox',
    '#inbox/p2',
    '#sent',
    '#label/Prospects',
    '#label/AVeryLongLabelNameIndeed',
    '#search/FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr',
    '#settings/general',
    '#inbox?compose=new',
  ])('"%s" is no open thread', (hash) => {
    expect(gmailThreadId(new URL(`https://mail.google.com/mail/u/0/${hash}`))).toBeNull();
  });

  it('needs Gmail itself', () => {
    expect(
      gmailThreadId(new URL('https://evil.example/#inbox/FMfcgzQXJWDsKmtZqNgTwRlGvBcHxPLr')),
    ).toBeNull();
  });
});

describe('gmail account', () => {
  it('reads the account button, then the tab title, then "to me"', () => {
    expect(gmailAccount(thread([]))).toBe(REP);
    const byTitle = parse('<title>Inbox (3) - Rep@SellerCo.example - Gmail</title>');
    expect(gmailAccount(byTitle)).toBe('rep@sellerco.example');
    const workspace = parse(
      '<title>Re: a@b.example - rep@sellerco.example - SellerCo Mail</title>',
    );
    expect(gmailAccount(workspace)).toBe('rep@sellerco.example');
    const byMe = parse(`<title>Gmail</title>${recipient(REP, 'me')}`);
    expect(gmailAccount(byMe)).toBe(REP);
    expect(gmailAccount(parse('<title>Gmail</title>'))).toBeUndefined();
  });
});

describe('gmail reading', () => {
  const url = new URL(THREAD);

  it('takes the latest sender who is not the rep', () => {
    const doc = thread([
      sender('first@prospect.example', 'First Prospect'),
      sender('second@prospect.example', 'Second Prospect'),
      sender(REP, 'Rep Name') + recipient('second@prospect.example', 'Second Prospect'),
    ]);
    expect(gmail.detect(doc, url)?.email).toBe('second@prospect.example');
  });

  it('takes who the rep wrote to when the rep wrote every message', () => {
    const doc = thread([sender(REP, 'Rep Name') + recipient('Cold@Lead.example', 'Cold Lead')]);
    expect(gmail.detect(doc, url)).toEqual({
      site: 'gmail',
      recordId: 'cold@lead.example',
      url: THREAD,
      name: 'Cold Lead',
      email: 'cold@lead.example',
      evidence: { signals: ['record-url', 'mail-party'], confidence: 'sure' },
    });
  });

  it('is the same contact whatever the case of the address', () => {
    const a = gmail.detect(thread([sender('Dana@Prospect.Example', 'Dana')]), url);
    const b = gmail.detect(thread([sender('dana@prospect.example', 'Dana')]), url);
    expect(a?.recordId).toBe('dana@prospect.example');
    expect(a?.recordId).toBe(b?.recordId);
  });

  it('names a sender without a display name by the address', () => {
    const doc = thread([sender('dana@prospect.example', null)]);
    expect(gmail.detect(doc, url)?.name).toBe('dana@prospect.example');
  });

  it('skips participants whose address is not an address', () => {
    const doc = thread([
      sender('not an address', 'Mallory'),
      sender('dana@prospect.example', 'Dana'),
    ]);
    expect(gmail.detect(doc, url)?.email).toBe('dana@prospect.example');
    expect(gmail.detect(thread([sender('javascript:alert(1)', 'Mallory')]), url)).toBeNull();
  });

  it('returns null when the rep cannot be told apart', () => {
    const doc = parse(
      `<title>Gmail</title><div role="main"><h2 class="hP">Hi</h2>${sender('dana@prospect.example', 'Dana')}</div>`,
    );
    expect(gmail.detect(doc, url)).toBeNull();
  });

  it('returns null on the inbox list even at a thread URL (list rows are not messages)', () => {
    const inbox = casesFor('gmail').find((c) => c.file === 'inbox.html');
    if (!inbox) throw new Error('inbox fixture missing');
    expect(gmail.detect(load(inbox).document, url)).toBeNull();
  });

  it('returns null with no thread in the URL, even with a thread in the page', () => {
    const doc = thread([sender('dana@prospect.example', 'Dana')]);
    expect(gmail.detect(doc, new URL('https://mail.google.com/mail/u/0/#inbox'))).toBeNull();
  });

  it('collapses whitespace and caps extremely long names', () => {
    const doc = thread([sender('dana@prospect.example', `  Dana\n\t Kim ${'x'.repeat(500)}`)]);
    const name = gmail.detect(doc, url)?.name ?? '';
    expect(name.startsWith('Dana Kim x')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(MAX_TEXT);
  });
});

describe('gmail: who is who on a thread (issue 13)', () => {
  const url = new URL(THREAD);
  const COLLEAGUE = 'casey.colleague@sellerco.example';
  /** A recipients line as Gmail writes it: "to Dana, cc: Casey". */
  const line = (to: [string, string][], cc: [string, string][] = [], words = ['to', 'cc:']) =>
    `<span class="hb">${words[0]} ` +
    to.map(([e, n]) => `<span class="g2" email="${e}" name="${n}">${n}</span>`).join(', ') +
    (cc.length
      ? `, ${words[1]} ` +
        cc.map(([e, n]) => `<span class="g2" email="${e}" name="${n}">${n}</span>`).join(', ')
      : '') +
    `</span>`;

  it('names the prospect, not the colleague on cc, when the rep writes to the prospect', () => {
    // The case the issue reports: the panel named the colleague and said "Hi Casey".
    const doc = thread([
      sender(REP, 'Rep Name') +
        line([['dana@prospect.example', 'Dana Kim']], [[COLLEAGUE, 'Casey Colleague']]),
    ]);
    const got = gmail.detect(doc, url);
    expect(got?.name).toBe('Dana Kim');
    expect(got?.email).toBe('dana@prospect.example');
    expect(got?.evidence).toEqual({ signals: ['record-url', 'mail-party'], confidence: 'sure' });
    expect(got?.others).toEqual([{ name: 'Casey Colleague', email: COLLEAGUE, role: 'colleague' }]);
  });

  it('never names a colleague of the rep who replied last', () => {
    const doc = thread([
      sender('dana@prospect.example', 'Dana Kim') + line([[REP, 'me']]),
      sender(REP, 'Rep Name') + line([['dana@prospect.example', 'Dana Kim']]),
      sender(COLLEAGUE, 'Casey Colleague') + line([['dana@prospect.example', 'Dana Kim']]),
    ]);
    expect(gmail.detect(doc, url)?.name).toBe('Dana Kim');
  });

  it('a cc-only outsider is named unsure, never over a "to" party', () => {
    const ccOnly = thread([
      sender(REP, 'Rep Name') +
        line([[COLLEAGUE, 'Casey Colleague']], [['dana@prospect.example', 'Dana Kim']]),
    ]);
    const got = gmail.detect(ccOnly, url);
    expect(got?.name).toBe('Dana Kim');
    expect(got?.evidence?.confidence).toBe('unsure');
    expect(got?.evidence?.doubt).toMatch(/copied/);

    const both = thread([
      sender(REP, 'Rep Name') +
        line([['dana@prospect.example', 'Dana Kim']], [['sam@prospect.example', 'Sam Lee']]),
    ]);
    expect(gmail.detect(both, url)?.name).toBe('Dana Kim');
    expect(gmail.detect(both, url)?.others).toEqual([
      { name: 'Sam Lee', email: 'sam@prospect.example', role: 'cc' },
    ]);
  });

  it('is unsure when two outsiders wrote the latest messages', () => {
    const doc = thread([
      sender('dana@prospect.example', 'Dana Kim'),
      sender('lee@other.example', 'Lee Park'),
    ]);
    const got = gmail.detect(doc, url);
    expect(got?.name).toBe('Lee Park');
    expect(got?.evidence?.confidence).toBe('unsure');
    expect(got?.evidence?.doubt).toBe('Dana Kim and Lee Park both wrote the latest messages');
  });

  it('is unsure when the rep is known only from a "me" label', () => {
    const doc = parse(
      `<title>Gmail</title><div role="main"><h2 class="hP">Hi</h2>` +
        sender('dana@prospect.example', 'Dana') +
        line([[REP, 'me']]) +
        `</div>`,
    );
    const got = gmail.detect(doc, url);
    expect(got?.email).toBe('dana@prospect.example');
    expect(got?.evidence?.confidence).toBe('unsure');
  });

  it('a public mail domain makes no colleague', () => {
    const doc = parse(
      `<title>Subject - riley@gmail.com - Gmail</title><div role="main"><h2 class="hP">S</h2>` +
        sender('riley@gmail.com', 'Riley') +
        line([['dana@gmail.com', 'Dana Kim']]) +
        `</div>`,
    );
    expect(gmail.detect(doc, url)?.name).toBe('Dana Kim');
  });

  it.each([
    ['German', ['an', 'Cc:'], 'ich'],
    ['French', ['À', 'Cc :'], 'moi'],
    ['Spanish', ['para', 'CC:'], 'yo'],
  ])('reads the cc caption of a %s UI', (_, words, me) => {
    const doc = thread([
      sender('dana@prospect.example', 'Dana Kim') +
        line([[REP, me]], [['sam@prospect.example', 'Sam Lee']], words),
      sender(REP, 'Rep Name') +
        line([['dana@prospect.example', 'Dana Kim']], [[COLLEAGUE, 'Casey Colleague']], words),
    ]);
    const got = gmail.detect(doc, url);
    expect(got?.name).toBe('Dana Kim');
    expect(got?.others).toEqual([
      { name: 'Casey Colleague', email: COLLEAGUE, role: 'colleague' },
      { name: 'Sam Lee', email: 'sam@prospect.example', role: 'cc' },
    ]);
  });

  it('never reads a hidden other thread, a closed details card or a hovercard', () => {
    const doc = parse(
      `<title>S - ${REP} - Gmail</title>` +
        `<a aria-label="Google Account: Rep (${REP})" href="#"></a>` +
        `<div role="main" style="display:none"><h2 class="hP">Old</h2>${sender('old@lead.example', 'Old Lead')}</div>` +
        `<div role="main"><h2 class="hP">S</h2>` +
        sender('dana@prospect.example', 'Dana Kim') +
        `<table class="ajC" hidden><tr><td>from:</td><td>${sender('x@stale.example', 'Stale')}</td></tr></table>` +
        `<div role="tooltip">${sender('hover@card.example', 'Hover Card')}</div>` +
        `</div>`,
    );
    const got = gmail.detect(doc, url);
    expect(got?.name).toBe('Dana Kim');
    expect(got?.others).toBeUndefined();
  });
});

describe('gmail: a subject is no region label', () => {
  it('reads the thread whatever its subject says ("Preview", "history", "similar")', () => {
    const c = casesFor('gmail').find((f) => f.file === 'thread-from-prospect.html')!;
    const { document, url } = load(c);
    const subject = document.querySelector('h2.hP')!;
    subject.textContent = 'Preview: call history of similar accounts';
    document.title = `${subject.textContent} - riley.rep@sellerco.example - Gmail`;
    expect(gmail.detect(document, url)?.name).toBe('Dana Kim');
  });
});
