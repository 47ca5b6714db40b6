// The people a variant adds: another record's subject, the rep's colleague, the rep. Each is
// drawn so that no name token, address or number coincides with the expected person's, so
// whatever an adapter reads off them can never pass for the right answer.
import type { Rng } from './random';

export interface Person {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  company?: string | undefined;
  title?: string | undefined;
}

const FIRST = ['Priya', 'Tomás', 'Lena', 'Kwame', 'Sofia', 'Hiro', 'Ines', 'Bruno', 'Maya', 'Olu'];
const LAST = ['Nair', 'Ortega', 'Fischer', 'Mensah', 'Lindqvist', 'Sato', 'Duarte', 'Keller'];
const COMPANIES = ['Lumen Freight', 'Brightline Dental', 'Kestrel Analytics', 'Harbor & Pine'];
const TITLES = ['Head of Procurement', 'Operations Manager', 'Finance Director', 'IT Lead'];
const DOMAINS = ['lumenfreight.example', 'brightline.example', 'kestrel.example'];

/** The rep every fixture signs in as (see tests/fixtures/*: "Riley Rep"). */
export const REP_NAME = 'Riley Rep';
/** The rep's own line on dialer pages: never a caller. */
export const REP_PHONE = '+1 (628) 555-0100';

export const digitsOf = (text: string | undefined): string => (text ?? '').replace(/\D/g, '');

/** Whether `text` is a phone number and nothing else (a dialer names an unknown caller so). */
export const isPhoneText = (text: string): boolean =>
  !/\p{L}/u.test(text) && digitsOf(text).length >= 7;

const tokensOf = (name: string): string[] =>
  name
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);

/** A 7-digit subscriber part unlike `avoid`'s (the last 7 digits of a number). */
function subscriber(rng: Rng, avoid: string[]): string {
  for (;;) {
    const s = `555${String(rng.int(10_000)).padStart(4, '0')}`;
    if (!avoid.includes(s)) return s;
  }
}

/** `phone` with its last 7 digits replaced by `last7`, formatting kept. */
export function withSubscriber(phone: string, last7: string): string {
  const chars = [...phone];
  let left = 7;
  for (let i = chars.length - 1; i >= 0 && left > 0; i -= 1) {
    if (/\d/.test(chars[i] ?? '')) {
      left -= 1;
      chars[i] = last7[left] ?? '0';
    }
  }
  return chars.join('');
}

/** The last 7 digits of every number on the fixture's page (so new numbers are new). */
export function numbersIn(text: string): string[] {
  return (text.match(/\+?\d[\d\s().\u00a0-]{5,}\d/g) ?? []).map((m) => digitsOf(m).slice(-7));
}

/**
 * Someone else: a name sharing no token with `expected` (nor with `alsoAvoid`), an address at
 * `domain` (or an unrelated one), a number in the expected number's format (or a US one).
 */
export function otherPerson(
  rng: Rng,
  expected: Person | null,
  pageNumbers: string[],
  opts: { domain?: string; alsoAvoid?: Person[] } = {},
): Person {
  const avoid = new Set(
    [expected, ...(opts.alsoAvoid ?? [])].flatMap((p) => (p ? tokensOf(p.name) : [])),
  );
  let first = rng.pick(FIRST);
  let last = rng.pick(LAST);
  for (let i = 0; avoid.has(first.toLowerCase()) || avoid.has(last.toLowerCase()); i += 1) {
    first = FIRST[(FIRST.indexOf(first) + 1) % FIRST.length] ?? 'Priya';
    last = LAST[(LAST.indexOf(last) + i) % LAST.length] ?? 'Nair';
  }
  const local = `${first}.${last}`
    .normalize('NFD')
    .replace(/[^\w.]/g, '')
    .toLowerCase();
  const avoidNumbers = [
    ...pageNumbers,
    digitsOf(expected?.phone).slice(-7),
    ...(opts.alsoAvoid ?? []).map((p) => digitsOf(p.phone).slice(-7)),
  ];
  const format =
    expected?.phone && digitsOf(expected.phone).length >= 7 ? expected.phone : '+1 (415) 555-0100';
  const companies = COMPANIES.filter((c) => c.toLowerCase() !== expected?.company?.toLowerCase());
  const titles = TITLES.filter((t) => t.toLowerCase() !== expected?.title?.toLowerCase());
  return {
    name: `${first} ${last}`,
    email: `${local}@${opts.domain ?? rng.pick(DOMAINS)}`,
    phone: withSubscriber(format, subscriber(rng, avoidNumbers)),
    company: rng.pick(companies),
    title: rng.pick(titles),
  };
}
