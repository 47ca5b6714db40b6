// The backup file: everything the rep stored, as versioned JSON they can keep and move.
import type { Attempt, CallPlan, Contact, Note, RepSettings, Task } from '../model';
import { formatBytes } from './bytes';
import { dataStart, findJsonSyntaxError, positionOf, topLevelKeyOffset } from './json-syntax';
import { TABLE_LIMITS } from '../model/limits';
import { countCuts, type CutCounts } from './cuts';
import { cleanRecord } from './records';

const BACKUP_FORMAT = 'second-call-backup';
/** The file layout. A change that an older extension could misread is version 2. */
const BACKUP_VERSION = 1;
/** The database schema (lib/db/migrations) whose records this build writes and reads. v6
 *  only added the rep's identity choices, which a backup does not hold (a restored record
 *  asks "Is this <name>?" again when unsure): its tables are v5's, so v5 files read alike.
 *  v7 indexed follow-ups by contact and status; its files may hold an attempt's
 *  `didNotRemember`, which a v6 build would cut, so a v6 build asks to be updated first. */
export const BACKUP_SCHEMA = 7;
/** Larger files are refused before they are read: parsing them could stall the page. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The tables a backup holds, in the order they are written on import. */
export const BACKUP_TABLES = [
  'contacts',
  'notes',
  'attempts',
  'tasks',
  'plans',
  'settings',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupTables {
  contacts: Contact[];
  notes: Note[];
  attempts: Attempt[];
  tasks: Task[];
  plans: CallPlan[];
  settings: RepSettings[];
}

export interface Backup extends BackupTables {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601, when the file was made. */
  exportedAt: string;
  /** The database schema version the records come from. */
  schema: number;
}

type ParsedBackup =
  | {
      ok: true;
      /** The checked copies of the file's records: only what may be stored. */
      backup: Backup;
      /** What the check cut, by kind, for the preview (lib/transfer/cuts cutLines). */
      cuts: CutCounts;
    }
  | {
      ok: false;
      /** What is wrong and what to do, said to the rep. */
      problem: string;
      /** 1-based line of the file where it goes wrong, when known. */
      line?: number;
    };

export function makeBackup(tables: BackupTables, exportedAt: Date, schema: number): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    schema,
    ...tables,
  };
}

/**
 * The file's text: one record a line, so a problem's line number points at one record and
 * the file diffs and greps well. Any JSON reader reads it back.
 */
export function serializeBackup(backup: Backup): string {
  const head = {
    format: backup.format,
    version: backup.version,
    exportedAt: backup.exportedAt,
    schema: backup.schema,
  };
  const parts = Object.entries(head).map(
    ([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  for (const table of BACKUP_TABLES) {
    const records: readonly unknown[] = backup[table];
    parts.push(
      records.length === 0
        ? `  "${table}": []`
        : `  "${table}": [\n${records.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`,
    );
  }
  return `{\n${parts.join(',\n')}\n}\n`;
}

/** Why a file of this size cannot be imported, or undefined when it can. */
export function sizeProblem(bytes: number): string | undefined {
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  const size = `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `This file is ${size}, more than the ${formatBytes(MAX_IMPORT_BYTES)} Second Call can import at once. Nothing was imported.`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The line a record starts on, found by its key near its table (best effort). */
function lineOfRecord(text: string, table: string, record: unknown): number | undefined {
  const tableAt = text.indexOf(`"${table}"`);
  if (tableAt < 0 || !isObject(record)) return undefined;
  const keyName = table === 'plans' ? 'contactId' : 'id';
  const key = Object.hasOwn(record, keyName) ? record[keyName] : undefined;
  if (typeof key !== 'string' || key.length > 200) return undefined;
  const pattern = new RegExp(`"${keyName}"\\s*:\\s*${escapeRegExp(JSON.stringify(key))}`, 'g');
  pattern.lastIndex = tableAt;
  const m = pattern.exec(text);
  return m ? positionOf(text, m.index).line : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads a backup file's text, or says plainly what is wrong with it and where. */
export function parseBackup(text: string): ParsedBackup {
  const size = sizeProblem(text.length);
  if (size) return { ok: false, problem: size };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) return { ok: false, problem: 'The file is empty: it holds no backup.' };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const error = findJsonSyntaxError(body);
    if (!error) return { ok: false, problem: 'This file is not valid JSON.' };
    const { line, column } = positionOf(body, error.offset);
    return error.endsEarly
      ? {
          ok: false,
          problem: `The file ends too early, at line ${line}: it looks cut off (an interrupted download or copy?). Nothing was imported; use the complete file.`,
          line,
        }
      : {
          ok: false,
          problem: `This file is not valid JSON: ${error.reason} at line ${line}, column ${column}. Nothing was imported.`,
          line,
        };
  }
  const foreign = foreignProblem(body, data);
  if (foreign) return foreign;
  const record = data as Record<string, unknown>;
  /** The line of a top-level field, else of the brace the data opens with. */
  const lineOfKey = (key: string) =>
    positionOf(body, topLevelKeyOffset(body, key) ?? dataStart(body)).line;
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const line = lineOfKey('version');
    return {
      ok: false,
      problem: `This backup has no valid version number (found ${JSON.stringify(version ?? null)} at line ${line}), so it cannot be read safely. Nothing was imported.`,
      line,
    };
  }
  if (version > BACKUP_VERSION) {
    const line = lineOfKey('version');
    return {
      ok: false,
      problem: `This backup was made by a newer version of Second Call (v${version}, line ${line}); update the extension, then import it again.`,
      line,
    };
  }
  const schema = record.schema;
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
    const line = lineOfKey('schema');
    return {
      ok: false,
      problem: `This backup does not say which database schema it holds ("schema", line ${line}). Nothing was imported.`,
      line,
    };
  }
  if (schema > BACKUP_SCHEMA) {
    const line = lineOfKey('schema');
    return {
      ok: false,
      problem: `This backup was made by a newer version of Second Call (database schema ${schema}, line ${line}); update the extension, then import it again.`,
      line,
    };
  }
  const tables: Partial<BackupTables> = {};
  const cuts: CutCounts = {};
  for (const table of BACKUP_TABLES) {
    const records = record[table] ?? [];
    if (!Array.isArray(records)) {
      return {
        ok: false,
        problem: `In this backup, "${table}" should be a list of records, not ${describeValue(records)}.`,
        line: lineOfTable(body, table),
      };
    }
    if (records.length > TABLE_LIMITS[table]) {
      return {
        ok: false,
        problem: `This backup holds ${records.length.toLocaleString('en-US')} records in "${table}", more than the ${TABLE_LIMITS[table].toLocaleString('en-US')} Second Call keeps. Nothing was imported; a backup this extension made never holds that many.`,
        line: lineOfTable(body, table),
      };
    }
    const cleaned: unknown[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const checked = cleanRecord(table, records[i]);
      if (!checked.ok) {
        return {
          ok: false,
          problem: `Record ${i + 1} of "${table}"${checked.problem} Nothing was imported.`,
          line: lineOfRecord(body, table, records[i]),
        };
      }
      if (checked.cuts.length) countCuts(cuts, checked.cuts);
      cleaned[i] = checked.record;
    }
    (tables as Record<BackupTable, unknown[]>)[table] = cleaned;
  }
  const exportedAt = typeof record.exportedAt === 'string' ? record.exportedAt : '';
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt,
      schema,
      ...(tables as BackupTables),
    },
    cuts,
  };
}

function shownFormat(value: unknown): string {
  if (typeof value !== 'string') return describeValue(value);
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

const CHOOSE_ANOTHER = 'Choose a file made with Export JSON, or a CSV of contacts.';

/** Why valid JSON is not a Second Call backup, with the line that shows it; or undefined. */
function foreignProblem(body: string, data: unknown): ParsedBackup | undefined {
  if (!isObject(data)) {
    const line = positionOf(body, dataStart(body)).line;
    return {
      ok: false,
      problem: `This is not a Second Call backup: the data at line ${line} is ${describeValue(data)}, not a backup's "format": "${BACKUP_FORMAT}". ${CHOOSE_ANOTHER}`,
      line,
    };
  }
  if (data.format === BACKUP_FORMAT) return undefined;
  const at = topLevelKeyOffset(body, 'format');
  const line = positionOf(body, at ?? dataStart(body)).line;
  return {
    ok: false,
    problem:
      at === undefined
        ? `This is not a Second Call backup: it lacks "format": "${BACKUP_FORMAT}" (the data opening at line ${line} has no "format"). ${CHOOSE_ANOTHER}`
        : `This is not a Second Call backup: line ${line} says "format": ${shownFormat(data.format)}, not "${BACKUP_FORMAT}". ${CHOOSE_ANOTHER}`,
    line,
  };
}

function lineOfTable(text: string, table: string): number | undefined {
  const at = text.indexOf(`"${table}"`);
  return at < 0 ? undefined : positionOf(text, at).line;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return value.length > 30 ? 'text' : `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}
