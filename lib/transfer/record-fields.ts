// Reading one record of a file field by field into a NEW object: only the fields a record of
// its kind has, each checked, texts and lists capped. What a field may not be refuses the
// whole file (a wrong id or date would break the records that point to it, or a screen);
// what can be cut safely is cut and said (lib/transfer/cuts).
import {
  EARLIEST_DATE,
  LATEST_DATE,
  LIST_LIMITS,
  TEXT_LIMITS,
  capText,
  isRecordId,
  isStorableDate,
} from '../model/limits';
import {
  cutReason,
  type Cut,
  type CutKind,
  type ListLimit,
  type RecordTable,
  type TextLimit,
} from './cuts';

/** Why a record cannot be stored: the end of a sentence that begins 'Record 3 of "notes"'. */
export class RecordProblem {
  constructor(readonly problem: string) {}
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 30 ? 'other text' : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

// Every control character except tab and newline: invisible in a name, and able to garble a
// CSV or a notification.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function yearOf(ms: number): string {
  const year = new Date(ms).getUTCFullYear();
  return Number.isNaN(year) ? '' : ` in the year ${year}`;
}

/** Reads the fields of one record (or of an object inside it) that the check asks for. */
export class FieldReader {
  private readonly read = new Set<string>();

  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly table: RecordTable,
    /** '("c-1")' — how the problem names the record. */
    private readonly named: string,
    readonly cuts: Cut[],
    /** 'identities.' inside a record's identity. */
    private readonly prefix = '',
  ) {}

  private label(key: string): string {
    return `"${this.prefix}${key}"`;
  }

  refuse(key: string, should: string, value: unknown): never {
    throw new RecordProblem(`${this.named}: ${this.label(key)} ${should}, not ${shown(value)}.`);
  }

  cut(key: string, kind: CutKind): void {
    this.cuts.push({
      table: this.table,
      field: `${this.prefix}${key}`,
      reason: cutReason(kind),
      kind,
    });
  }

  /** The field's own value (never one inherited from Object.prototype), or undefined. */
  value(key: string): unknown {
    this.read.add(key);
    return Object.hasOwn(this.raw, key) ? this.raw[key] : undefined;
  }

  required(key: string): unknown {
    const value = this.value(key);
    if (value === undefined) {
      throw new RecordProblem(`${this.named} has no ${this.label(key)}, which every record needs.`);
    }
    return value;
  }

  /** Drops, with a cut each, the fields nothing read. */
  dropUnknown(): void {
    for (const key of Object.keys(this.raw)) {
      if (!this.read.has(key)) this.cut(capText(key, 40), 'unknown-field');
    }
  }

  /** A text capped at its limit; one-line texts lose control characters. */
  text(key: string, limit: TextLimit, required: boolean): string | undefined {
    const value = required ? this.required(key) : this.value(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      this.refuse(key, required ? 'should be text' : 'should be text (or left out)', value);
    let text = value;
    if (limit !== 'note' && limit !== 'plan' && limit !== 'reason') {
      const clean = text.replace(CONTROLS, '');
      if (clean !== text) this.cut(key, 'control-characters');
      text = clean;
    }
    if (text.length > TEXT_LIMITS[limit]) {
      this.cut(key, `text:${limit}`);
      text = capText(text, TEXT_LIMITS[limit]);
    }
    return text;
  }

  /** A record id (isRecordId): anything else would break what points to it. */
  id(key: string, required: boolean): string | undefined {
    const value = required ? this.required(key) : this.value(key);
    if (value === undefined) return undefined;
    if (!isRecordId(value))
      this.refuse(key, 'should be a record id (up to 100 letters, digits and - _ . :)', value);
    return value;
  }

  /** A date a screen can show: 1970 to 2200. */
  date(key: string, required: boolean): number | undefined {
    const value = required ? this.required(key) : this.value(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'number')
      this.refuse(key, 'should be a date (milliseconds since 1970)', value);
    if (!isStorableDate(value)) {
      const from = new Date(EARLIEST_DATE).getUTCFullYear();
      const to = new Date(LATEST_DATE).getUTCFullYear();
      throw new RecordProblem(
        `${this.named}: ${this.label(key)} is a date${yearOf(value)} (${value}); dates should be between ${from} and ${to}. Correct it in the file or remove that record.`,
      );
    }
    return value;
  }

  oneOf<T extends string>(key: string, values: readonly T[], required: boolean): T | undefined {
    const value = required ? this.required(key) : this.value(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      this.refuse(key, `should be one of ${values.map((v) => `"${v}"`).join(', ')}`, value);
    }
    return value as T;
  }

  number(key: string, min: number, max: number): number | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !(value >= min && value <= max)) {
      this.refuse(key, `should be a number from ${min} to ${max} (or left out)`, value);
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.value(key);
    if (value === undefined || typeof value === 'boolean') return value;
    this.refuse(key, 'should be true or false (or left out)', value);
  }

  /** A list capped at its limit, its first entries kept, each read by `item`. */
  list<T>(
    key: string,
    limit: ListLimit,
    required: boolean,
    item: (value: unknown) => T | undefined,
  ): T[] | undefined {
    const value = required ? this.required(key) : this.value(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) this.refuse(key, 'should be a list', value);
    const cap = LIST_LIMITS[limit];
    if (value.length > cap) this.cut(key, `list:${limit}`);
    const kept: T[] = [];
    for (let i = 0; i < value.length && kept.length < cap; i++) {
      const entry = item(value[i]);
      if (entry !== undefined) kept.push(entry);
    }
    return kept;
  }

  /** A list of one-line texts, e.g. emails: an entry over `limit` is dropped, not cut. */
  texts(
    key: string,
    list: ListLimit,
    limit: 'email' | 'phone',
    required: boolean,
  ): string[] | undefined {
    return this.list(key, list, required, (entry) => {
      if (typeof entry !== 'string') this.refuse(key, 'should be a list of text', entry);
      if (entry.length > TEXT_LIMITS[limit]) {
        this.cut(key, `entry:${limit}`);
        return undefined;
      }
      const clean = entry.replace(CONTROLS, '');
      if (clean !== entry) this.cut(key, 'control-characters');
      return clean;
    });
  }

  /** A reader for an object inside this record ("identities", "plan"). */
  inner(key: string, value: unknown, should: string): FieldReader {
    if (!isObject(value)) this.refuse(key, should, value);
    return new FieldReader(value, this.table, this.named, this.cuts, `${this.prefix}${key}.`);
  }
}
