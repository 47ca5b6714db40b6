// The verdict on one variant: the same person (right), nobody (none), or anyone else (wrong).
// Right: the expected recordId and name (cleaned, case-insensitive) and every other person
// field present equal to the expected one: fewer fields are fine, other values never are.
import type { ContactSnapshot } from '../../../../lib/model';
import type { CallSnapshot } from '../../../../lib/model';
import { cleanText } from '../../../../lib/sites/read-page';
import { digitsOf, isPhoneText } from './people';

export type Verdict = { kind: 'right' | 'none' } | { kind: 'wrong'; why: string };

const same = (a: string, b: string): boolean =>
  isPhoneText(b)
    ? isPhoneText(a) && digitsOf(a) === digitsOf(b)
    : cleanText(a).toLowerCase() === cleanText(b).toLowerCase();

const samePhone = (a: string, b: string): boolean => {
  const x = digitsOf(a);
  const y = digitsOf(b);
  // "+1 (415) 555-0142" and "(415) 555-0142" are one number; another subscriber is not.
  return x.length >= 7 && (x === y || x.endsWith(y) || y.endsWith(x));
};

/** What differs between what was read and what is right, or undefined when nothing does. */
function difference(
  got: Partial<Record<string, string | undefined>>,
  expect: Partial<Record<string, string | undefined>>,
  fields: readonly string[],
): string | undefined {
  for (const field of fields) {
    const value = got[field];
    if (value === undefined) continue;
    const right = expect[field];
    const ok =
      right !== undefined &&
      (field === 'phone' || (field === 'recordId' && isPhoneText(right))
        ? samePhone(value, right)
        : same(value, right));
    if (!ok)
      return `${field} ${JSON.stringify(value)} (expected ${right === undefined ? 'none' : JSON.stringify(right)})`;
  }
  return undefined;
}

const PERSON_FIELDS = ['name', 'email', 'phone', 'company', 'title'] as const;

export function verdictOf(
  expect: ContactSnapshot | null,
  got: ContactSnapshot | null,
  expectCall?: CallSnapshot,
  gotCall?: CallSnapshot | null,
): Verdict {
  // A dialer's call reading names a party too: it may leave the name or number out, never
  // name someone else.
  if (gotCall && (gotCall.name !== undefined || gotCall.phone !== undefined)) {
    const right = { name: expectCall?.name ?? expectCall?.phone, phone: expectCall?.phone };
    const why = difference({ name: gotCall.name, phone: gotCall.phone }, right, ['name', 'phone']);
    if (why) return { kind: 'wrong', why: `call: ${why}` };
  }
  if (got === null) return { kind: 'none' };
  if (expect === null) return { kind: 'wrong', why: `read ${got.name} on a page showing no one` };
  const unsure = got.evidence?.confidence === 'unsure' ? ' (unsure)' : '';
  if (got.recordId !== expect.recordId)
    return {
      kind: 'wrong',
      why: `recordId ${JSON.stringify(got.recordId)} (expected ${expect.recordId})${unsure}`,
    };
  if (!same(got.name, expect.name))
    return {
      kind: 'wrong',
      why: `name ${JSON.stringify(got.name)} (expected ${JSON.stringify(expect.name)})${unsure}`,
    };
  const why = difference(
    got as unknown as Record<string, string>,
    expect as unknown as Record<string, string>,
    PERSON_FIELDS,
  );
  return why ? { kind: 'wrong', why: `${why}${unsure}` } : { kind: 'right' };
}
