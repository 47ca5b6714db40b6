// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  cleanEmail,
  cleanPhone,
  cleanText,
  emailsIn,
  labelledValue,
  MAX_TEXT,
  meaningful,
  textOf,
} from '../../../lib/sites/read-page';
import { isEmail } from '../../../lib/model/clean-text';
import { parse } from './fixtures';

describe('cleanText', () => {
  it('collapses whitespace, trims and drops invisible characters', () => {
    expect(cleanText('  Jane \n\t  Doe  ')).toBe('Jane Doe');
    expect(cleanText('Ja\u200bne\u202e Doe\u0007')).toBe('Jane Doe');
    expect(cleanText('Jane \u200b Doe')).toBe('Jane Doe');
    expect(cleanText(null)).toBe('');
  });

  it('caps at MAX_TEXT characters without splitting a character', () => {
    expect(cleanText('a'.repeat(1000))).toHaveLength(MAX_TEXT);
    const emoji = cleanText('😀'.repeat(300));
    expect(Array.from(emoji)).toHaveLength(MAX_TEXT);
    expect(emoji.endsWith('😀')).toBe(true);
  });
});

describe('textOf', () => {
  it('reads text, never markup, and skips script and style', () => {
    const doc = parse(
      '<div id="x"> <b>Eve</b> &lt;img src=x onerror=alert(1)&gt;<script>steal()</script><style>p{}</style> O\'Neil </div>',
    );
    expect(textOf(doc.getElementById('x'))).toBe("Eve <img src=x onerror=alert(1)> O'Neil");
    expect(textOf(null)).toBe('');
  });

  it('reads form controls by their value', () => {
    const doc = parse(
      '<input id="i" value=" jane@x.example "><textarea id="t">VP\nSales</textarea>' +
        '<select id="s"><option>One</option><option selected>Two</option></select><input id="p" type="password" value="secret">',
    );
    expect(textOf(doc.getElementById('i'))).toBe('jane@x.example');
    expect(textOf(doc.getElementById('t'))).toBe('VP Sales');
    expect(textOf(doc.getElementById('s'))).toBe('Two');
    expect(textOf(doc.getElementById('p'))).toBe('');
  });
});

describe('values', () => {
  it('meaningful needs a letter or a digit', () => {
    expect(meaningful('--')).toBeUndefined();
    expect(meaningful(' — ')).toBeUndefined();
    expect(meaningful(' Zoë ')).toBe('Zoë');
    expect(meaningful('李')).toBe('李');
  });

  it.each(['jane@northwind.example', 'j.d+crm@mail.co.uk', "o'neil@x.io"])(
    '%s is an email',
    (s) => {
      expect(isEmail(s)).toBe(true);
    },
  );

  it.each([
    'jane',
    'jane@',
    '@x.com',
    'jane@localhost',
    'a@b@c.com',
    'Jane <jane@x.com>',
    'a b@c.com',
    'a@b.c',
  ])('%s is not an email', (s) => {
    expect(isEmail(s)).toBe(false);
  });

  it('cleans emails to lower case, or nothing', () => {
    expect(cleanEmail('  Jane.Doe@Northwind.Example ')).toBe('jane.doe@northwind.example');
    expect(cleanEmail('mailto:jane@x.example')).toBe('jane@x.example');
    expect(cleanEmail('call me')).toBeUndefined();
    expect(cleanEmail(`${'a'.repeat(300)}@x.example`)).toBeUndefined();
  });

  it('finds addresses inside text', () => {
    expect(emailsIn('Google Account: Rep (Rep@X.example)')).toEqual(['rep@x.example']);
    expect(emailsIn('a@b.example, <c@d.example>.')).toEqual(['a@b.example', 'c@d.example']);
    expect(emailsIn(null)).toEqual([]);
  });

  it('keeps phone numbers as shown, drops non-numbers', () => {
    expect(cleanPhone(' +1 (415) 555-0142 ')).toBe('+1 (415) 555-0142');
    expect(cleanPhone('020 7946 0018 ext. 12')).toBe('020 7946 0018 ext. 12');
    expect(cleanPhone('tel:+442079460018')).toBe('+442079460018');
    expect(cleanPhone('ask reception')).toBeUndefined();
    expect(cleanPhone('123')).toBeUndefined();
    expect(cleanPhone('<script>5551234</script>')).toBeUndefined();
  });
});

describe('labelledValue', () => {
  it('pairs labels with values by for=, dt/dd, th/td and shared wrapper', () => {
    const doc = parse(
      '<label for="e">Email:</label><input id="e" value="a@b.example">' +
        '<dl><dt>Job title</dt><dd>CTO</dd></dl>' +
        '<table><tr><th>Company name</th><td>Acme</td></tr></table>' +
        '<div><div><label><span>Phone number</span></label></div><div><span>+1 555 0100 99</span></div></div>',
    );
    expect(labelledValue(doc, ['email'])).toBe('a@b.example');
    expect(labelledValue(doc, ['Job title'])).toBe('CTO');
    expect(labelledValue(doc, ['Company name'])).toBe('Acme');
    expect(labelledValue(doc, ['Mobile', 'Phone number'])).toBe('+1 555 0100 99');
    expect(labelledValue(doc, ['Fax'])).toBeUndefined();
  });

  it('never reads a neighbouring field for an empty one', () => {
    const doc = parse(
      '<ul><li><label>Job title</label><span></span></li><li><label>Company name</label><span>Acme</span></li></ul>',
    );
    expect(labelledValue(doc, ['Job title'])).toBeUndefined();
  });
});

describe('buildSnapshot', () => {
  it('omits empty optional fields', () => {
    const snapshot = buildSnapshot(
      { site: 's', recordId: '1', url: 'https://x.example/1', name: 'N' },
      { email: undefined, phone: '', company: 'Acme' },
    );
    expect(snapshot).toEqual({
      site: 's',
      recordId: '1',
      url: 'https://x.example/1',
      name: 'N',
      company: 'Acme',
    });
    expect(Object.keys(snapshot)).not.toContain('email');
    expect(Object.keys(snapshot)).not.toContain('phone');
  });
});
