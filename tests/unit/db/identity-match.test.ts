import { describe, expect, it } from 'vitest';
import {
  isRoleAddress,
  matchIdentity,
  namesClearlyDiffer,
  type Holder,
  type KeyIndex,
  type Seen,
} from '@/lib/db/identity-match';

function holder(id: string, name: string, more: Partial<Holder> = {}): Holder {
  return { id, name, emails: [], phones: [], identityKeys: [], ...more };
}

/** The decision over a small in-memory store. */
function match(seen: Seen, stored: Holder[]) {
  const holders = (index: KeyIndex, value: string) =>
    stored.filter((c) =>
      (index === 'identity' ? c.identityKeys : index === 'email' ? c.emails : c.phones).includes(
        value,
      ),
    );
  return matchIdentity(seen, holders);
}

const SWITCHBOARD = '+14155550100';

describe('names that clearly differ', () => {
  it.each([
    ['Ana Ruiz', 'Tom Berg', true],
    ['Dana Kim', 'Eli Park', true],
    ['J. Doe', 'Jane Doe', false],
    ['Maria', 'Maria Lopez', false],
    ['Lopez, Maria', 'María López', false],
    ['jane@acme.example', 'Tom Berg', false],
    ['+1 415 555 0100', 'Tom Berg', false],
    ['', 'Tom Berg', false],
    ['Unknown caller', 'Tom Berg', false],
    ['Caller', 'Tom Berg', false],
  ])('%s / %s: %s', (a, b, differ) => {
    expect(namesClearlyDiffer(a, b)).toBe(differ);
  });
});

describe('role addresses', () => {
  it.each(['info@acme.example', 'Sales@acme.example', 'support@x.example', 'office@x.example'])(
    '%s is a role, not a person',
    (email) => expect(isRoleAddress(email)).toBe(true),
  );
  it('a person’s address is not a role', () => {
    expect(isRoleAddress('dana.kim@acme.example')).toBe(false);
    expect(isRoleAddress('info.kim@acme.example')).toBe(false);
  });
});

describe('keys by strength', () => {
  it('the CRM record finds its contact whatever else differs', () => {
    const stored = [holder('a', 'Ana Ruiz', { identityKeys: ['hubspot:123'] })];
    expect(match({ name: 'Tom Berg', identityKey: 'hubspot:123' }, stored)).toMatchObject({
      kind: 'same',
      by: 'identity',
    });
  });

  it('an email never joins a contact that has another record of the same CRM', () => {
    const stored = [
      holder('a', 'Jane Doe', { identityKeys: ['hubspot:123'], emails: ['jane@x.example'] }),
    ];
    const seen = { name: 'Jane Doe', identityKey: 'hubspot:456', email: 'jane@x.example' };
    expect(match(seen, stored)).toEqual({
      kind: 'none',
      apart: { by: 'email', value: 'jane@x.example', why: 'other-record' },
    });
    // A record of another CRM, or a mailbox, is not a conflict.
    expect(match({ ...seen, identityKey: 'salesforce:003' }, stored)).toMatchObject({
      kind: 'same',
      by: 'email',
    });
    expect(match({ ...seen, identityKey: 'gmail:jane@x.example' }, stored)).toMatchObject({
      kind: 'same',
    });
  });

  it('an email never joins a contact whose name clearly differs', () => {
    const stored = [holder('a', 'Ana Ruiz', { emails: ['ana@x.example'] })];
    expect(match({ name: 'Tom Berg', email: 'ana@x.example' }, stored)).toMatchObject({
      kind: 'none',
      apart: { why: 'other-name' },
    });
    expect(match({ name: 'A. Ruiz', email: 'ana@x.example' }, stored)).toMatchObject({
      kind: 'same',
      by: 'email',
    });
  });

  it('a phone never joins a contact with another personal email', () => {
    const stored = [holder('a', 'Jane Doe', { emails: ['jane@x.example'], phones: [SWITCHBOARD] })];
    expect(
      match({ name: 'Jane Doe', email: 'jd@y.example', phone: SWITCHBOARD }, stored),
    ).toMatchObject({ kind: 'none', apart: { why: 'other-email' } });
    // A number with no email (a dialer) finds her.
    expect(match({ name: SWITCHBOARD, phone: SWITCHBOARD }, stored)).toMatchObject({
      kind: 'same',
      by: 'phone',
    });
  });
});

describe('a key several people share joins no one', () => {
  const dana = holder('a', 'Dana Kim', { emails: ['dana@acme.example'], phones: [SWITCHBOARD] });
  const eli = holder('b', 'Eli Park', { emails: ['eli@acme.example'], phones: [SWITCHBOARD] });

  it('a switchboard call without a name brings up the choice', () => {
    expect(match({ name: SWITCHBOARD, phone: SWITCHBOARD }, [dana, eli])).toEqual({
      kind: 'several',
      contacts: [dana, eli],
      by: 'phone',
    });
  });

  it('a switchboard call naming one of them is that one; naming someone else, no one', () => {
    expect(match({ name: 'Eli Park', phone: SWITCHBOARD }, [dana, eli])).toMatchObject({
      kind: 'same',
      contact: eli,
    });
    expect(match({ name: 'Fay Ruiz', phone: SWITCHBOARD }, [dana, eli])).toEqual({
      kind: 'none',
      apart: { by: 'phone', value: SWITCHBOARD, why: 'shared' },
    });
  });

  it('people created by hand on one number with different names: shared, never merged', () => {
    const a = holder('a', 'Dana Kim', { phones: [SWITCHBOARD] });
    const b = holder('b', 'Eli Park', { phones: [SWITCHBOARD] });
    const seen = { name: 'Eli', identityKey: 'hubspot:9', phone: SWITCHBOARD };
    // "Eli" could be Eli Park, but a shared number is not enough to say so: the rep chooses.
    expect(match(seen, [a, b])).toEqual({ kind: 'several', contacts: [b], by: 'phone' });
  });

  it('info@ joins no one, even held by one contact only, unless the name is the same', () => {
    const ana = holder('a', 'Ana Ruiz', { emails: ['info@acme.example'] });
    expect(match({ name: 'Tom Berg', email: 'info@acme.example' }, [ana])).toMatchObject({
      kind: 'none',
      apart: { why: 'shared' },
    });
    expect(match({ name: 'Ana', email: 'info@acme.example' }, [ana])).toMatchObject({
      kind: 'several',
    });
    expect(match({ name: 'Ana Ruiz', email: 'info@acme.example' }, [ana])).toMatchObject({
      kind: 'same',
    });
  });

  it('a shared address falls back to a personal phone', () => {
    const ana = holder('a', 'Ana Ruiz', { emails: ['info@acme.example'], phones: ['+15550001'] });
    expect(
      match({ name: 'A. Ruiz', email: 'info@acme.example', phone: '+15550001' }, [ana]),
    ).toMatchObject({ kind: 'same', by: 'phone' });
  });
});
