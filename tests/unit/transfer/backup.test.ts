import { describe, expect, it } from 'vitest';
import {
  BACKUP_SCHEMA,
  MAX_IMPORT_BYTES,
  makeBackup,
  parseBackup,
  serializeBackup,
  sizeProblem,
} from '@/lib/transfer/backup';
import { findJsonSyntaxError, topLevelKeyOffset } from '@/lib/transfer/json-syntax';
import { sampleTables } from './sample-data';

const backup = makeBackup(sampleTables(), new Date('2026-03-01T10:00:00Z'), BACKUP_SCHEMA);
const text = serializeBackup(backup);

function problemOf(input: string) {
  const parsed = parseBackup(input);
  if (parsed.ok) throw new Error('expected a problem');
  return parsed;
}

describe('backup file', () => {
  it('writes one record a line and reads back the same data', () => {
    expect(text.split('\n')[0]).toBe('{');
    expect(text).toContain('\n  "format": "second-call-backup",\n');
    expect(text).toContain(`\n    ${JSON.stringify(sampleTables().notes[0])}\n`);
    const parsed = parseBackup(text);
    expect(parsed).toEqual({ ok: true, backup, cuts: {} });
  });

  it('accepts a BOM and a pretty-printed file from elsewhere', () => {
    expect(parseBackup(`\uFEFF${JSON.stringify(backup, null, 2)}`).ok).toBe(true);
  });

  it('says a truncated file is cut off, with its last line', () => {
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    const { problem, line } = problemOf(cut);
    expect(problem).toMatch(/^The file ends too early, at line \d+: it looks cut off/);
    expect(line).toBe(cut.split('\n').length);
  });

  it('names the line of a syntax error', () => {
    const lines = text.split('\n');
    lines[6] = lines[6]!.replace('}', '');
    const { problem, line } = problemOf(lines.join('\n'));
    expect(line).toBe(7);
    expect(problem).toMatch(
      /^This file is not valid JSON: expected ',' or '}' after a value, found .* at line 7, column \d+\./,
    );
  });

  it('reports a trailing comma and text after the end', () => {
    expect(problemOf('{"a": [1, 2,]\n}').problem).toContain(
      "unexpected ']' where a value should be (a comma too many?) at line 1",
    );
    expect(problemOf('{}\n{}').problem).toContain('after the end of the data at line 2');
  });

  it('refuses a file that is not ours, naming the line that shows it', () => {
    // Another app's export: the "format" line is named, not a nested record's "format".
    const other = '{\n  "items": [{"format": "second-call-backup"}],\n  "format": "crm-dump"\n}';
    expect(problemOf(other)).toEqual({
      ok: false,
      problem:
        'This is not a Second Call backup: line 3 says "format": "crm-dump", not "second-call-backup". Choose a file made with Export JSON, or a CSV of contacts.',
      line: 3,
    });
    // No "format" at all: the line the data opens on.
    expect(problemOf('\n\n{"contacts": []}')).toMatchObject({
      problem: expect.stringMatching(
        /^This is not a Second Call backup: it lacks "format": "second-call-backup" \(the data opening at line 3 has no "format"\)/,
      ),
      line: 3,
    });
    expect(problemOf('\n[1, 2, 3]')).toMatchObject({
      problem: expect.stringMatching(
        /^This is not a Second Call backup: the data at line 2 is a list/,
      ),
      line: 2,
    });
    expect(problemOf('').problem).toMatch(/empty/);
  });

  it('refuses a backup from a newer version, saying to update, with the line', () => {
    const lineOf = (input: string, key: string) =>
      input.split('\n').findIndex((l) => l.startsWith(`  "${key}"`)) + 1;
    const newer = serializeBackup({ ...backup, version: 2 as 1 });
    expect(lineOf(newer, 'version')).toBe(3);
    expect(problemOf(newer)).toEqual({
      ok: false,
      problem:
        'This backup was made by a newer version of Second Call (v2, line 3); update the extension, then import it again.',
      line: 3,
    });
    const newerSchema = serializeBackup({ ...backup, schema: BACKUP_SCHEMA + 1 });
    expect(problemOf(newerSchema)).toMatchObject({
      problem: expect.stringMatching(
        new RegExp(
          `newer version of Second Call \\(database schema ${BACKUP_SCHEMA + 1}, line 5\\); update the extension`,
        ),
      ),
      line: lineOf(newerSchema, 'schema'),
    });
    const pretty = JSON.stringify({ ...backup, version: 'one' }, null, 2);
    expect(problemOf(pretty)).toMatchObject({
      problem:
        'This backup has no valid version number (found "one" at line 3), so it cannot be read safely. Nothing was imported.',
      line: 3,
    });
    const unversioned: Partial<typeof backup> = { ...backup };
    delete unversioned.version;
    expect(problemOf(`\n${JSON.stringify(unversioned)}`)).toMatchObject({
      problem: expect.stringMatching(/no valid version number \(found null at line 2\)/),
      line: 2,
    });
  });

  it('names the table, record, field and line of a bad record', () => {
    const broken = text.replace('"text":"Re-keys', '"txt":"Re-keys');
    const { problem, line } = problemOf(broken);
    expect(problem).toBe(
      'Record 1 of "notes" ("n-1") has no "text", which every record needs. Nothing was imported.',
    );
    expect(line).toBe(text.split('\n').findIndex((l) => l.includes('"id":"n-1"')) + 1);

    const wrongType = {
      ...backup,
      tasks: [backup.tasks[0], { ...backup.tasks[0], id: 't-2', dueAt: 'tomorrow' }],
    };
    expect(problemOf(JSON.stringify(wrongType)).problem).toBe(
      'Record 2 of "tasks" ("t-2"): "dueAt" should be a date (milliseconds since 1970), not "tomorrow". Nothing was imported.',
    );
    const badOutcome = { ...backup, attempts: [{ ...backup.attempts[0], outcome: 'great' }] };
    expect(problemOf(JSON.stringify(badOutcome)).problem).toMatch(
      /^Record 1 of "attempts" \("a-1"\): "outcome" should be one of "meeting-booked"/,
    );
    const notAList = { ...backup, contacts: { a: 1 } };
    expect(problemOf(JSON.stringify(notAList)).problem).toMatch(
      /"contacts" should be a list of records, not an object/,
    );
    const nullOptional = { ...backup, contacts: [{ ...backup.contacts[0], company: null }] };
    expect(problemOf(JSON.stringify(nullOptional)).problem).toMatch(
      /"company" should be text \(or left out\), not null/,
    );
    const noId = { ...backup, contacts: [{ ...backup.contacts[0], id: undefined }] };
    expect(problemOf(JSON.stringify(noId)).problem).toMatch(/^Record 1 of "contacts" has no "id"/);
  });

  it('reads back the call records this version writes: email sent, a promise, a meeting task, a status to restore', () => {
    const newer = {
      ...backup,
      attempts: [
        {
          ...backup.attempts[0],
          outcome: 'email-sent',
          channel: 'email',
          agreedAt: undefined,
          promisedAt: 1_700_100_000_000,
          statusBefore: { status: 'nurture', updatedAt: 1_700_000_000_000 },
        },
      ],
      tasks: [{ ...backup.tasks[0], kind: 'meeting' }],
    };
    expect(parseBackup(JSON.stringify(newer)).ok).toBe(true);
    const badKind = { ...newer, tasks: [{ ...backup.tasks[0], kind: 'lunch' }] };
    expect(problemOf(JSON.stringify(badKind)).problem).toMatch(/"kind" should be one of "meeting"/);
    const badStatus = {
      ...newer,
      attempts: [{ ...backup.attempts[0], statusBefore: { status: 'asleep', updatedAt: 1 } }],
    };
    expect(problemOf(JSON.stringify(badStatus)).problem).toMatch(
      /"statusBefore.status" should be one of/,
    );
  });

  it('refuses files over the size limit before parsing, and reads a 20 MB one', () => {
    expect(sizeProblem(MAX_IMPORT_BYTES + 1)).toBe(
      'This file is 50.0 MB, more than the 50 MB Second Call can import at once. Nothing was imported.',
    );
    expect(sizeProblem(63 * 1024 * 1024)).toMatch(/^This file is 63.0 MB, more than the 50 MB/);
    expect(sizeProblem(20 * 1024 * 1024)).toBeUndefined();
    expect(problemOf(' '.repeat(MAX_IMPORT_BYTES + 1)).problem).toMatch(/more than the 50 MB/);
  });
});

describe('findJsonSyntaxError', () => {
  it('is silent on valid JSON and finds the first error otherwise', () => {
    for (const ok of ['{}', '[]', '"x"', '-1.5e3', '{"a":[true,false,null,{"b":"\\u00e9\\n"}]}']) {
      expect(findJsonSyntaxError(ok)).toBeUndefined();
    }
    expect(findJsonSyntaxError('{"a": "b\nc"}')).toMatchObject({ offset: 8, endsEarly: false });
    expect(findJsonSyntaxError('{"a": tru')).toMatchObject({ endsEarly: true });
    expect(findJsonSyntaxError('{"a": "unterminated')).toMatchObject({ endsEarly: true });
    expect(findJsonSyntaxError("{'a': 1}")).toMatchObject({ offset: 1, endsEarly: false });
    expect(findJsonSyntaxError('[01]')).toMatchObject({ offset: 2 });
  });
});

describe('topLevelKeyOffset', () => {
  it('finds a key of the outermost object only, past strings that look like keys', () => {
    const text = '{"a": "x\\"format\\": 1 \\\\", "b": {"format": 0}, "format": 2}';
    expect(JSON.parse(text)).toEqual({ a: 'x"format": 1 \\', b: { format: 0 }, format: 2 });
    expect(topLevelKeyOffset(text, 'format')).toBe(text.lastIndexOf('"format"'));
    expect(topLevelKeyOffset(text, 'missing')).toBeUndefined();
    expect(topLevelKeyOffset('[{"format": 1}]', 'format')).toBeUndefined();
  });
});
