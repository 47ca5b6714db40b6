import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from '@/lib/transfer/csv';
import { decodeImport } from '@/lib/transfer/decode';
import { formatBytes } from '@/lib/transfer/bytes';

function rowsOf(text: string) {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.rows;
}

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and ends lines with CRLF', () => {
    const csv = toCsv(
      [{ name: 'Doe, Jane', note: 'She said "call me"\nin March', n: 3, tags: ['a', 'b'] }],
      [
        { header: 'Name', value: (r) => r.name },
        { header: 'Note', value: (r) => r.note },
        { header: 'Count', value: (r) => r.n },
        { header: 'Tags', value: (r) => r.tags },
      ],
    );
    expect(csv).toBe(
      'Name,Note,Count,Tags\r\n"Doe, Jane","She said ""call me""\nin March",3,a; b\r\n',
    );
  });

  it('defuses cells a spreadsheet would run as formulas, but not numbers or phones', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+cmd|calc')).toBe("'+cmd|calc");
    expect(csvCell('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
    expect(csvCell('+1 (415) 555-0142')).toBe('+1 (415) 555-0142');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(undefined)).toBe('');
  });

  it('reads back what it writes', () => {
    const values = ['plain', 'Doe, Jane', 'two\nlines', 'say "hi"', '', 'Müller'];
    const csv = toCsv(
      [values],
      values.map((_, i) => ({ header: `c${i}`, value: (r: string[]) => r[i] })),
    );
    expect(rowsOf(csv).map((r) => r.cells)).toEqual([values.map((_, i) => `c${i}`), values]);
  });
});

describe('parseCsv', () => {
  it('drops a BOM, reads CRLF and LF, and numbers rows by the line they start on', () => {
    const rows = rowsOf('\uFEFFFirst Name,Email\r\nJane,jane@x.example\nMarco,marco@x.example\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ['First Name', 'Email'] },
      { line: 2, cells: ['Jane', 'jane@x.example'] },
      { line: 3, cells: ['Marco', 'marco@x.example'] },
    ]);
  });

  it('keeps quoted commas, line breaks and doubled quotes inside one field', () => {
    const rows = rowsOf('Name,Note\n"Doe, Jane","line one\r\nline ""two"""\nMarco,ok\n');
    expect(rows).toEqual([
      { line: 1, cells: ['Name', 'Note'] },
      { line: 2, cells: ['Doe, Jane', 'line one\nline "two"'] },
      { line: 4, cells: ['Marco', 'ok'] },
    ]);
  });

  it('skips blank lines, keeps empty cells, and reads semicolon files', () => {
    expect(rowsOf('a,b,c\n\n1,,3\n,,\n').map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['', '', ''],
    ]);
    expect(rowsOf('Name;Email\n"Doe; Jane";j@x.example').map((r) => r.cells)).toEqual([
      ['Name', 'Email'],
      ['Doe; Jane', 'j@x.example'],
    ]);
    expect(rowsOf('last,row\nno,newline')[1]).toEqual({ line: 2, cells: ['no', 'newline'] });
  });

  it('reports an unterminated quote with the line it opened on', () => {
    const parsed = parseCsv('Name,Note\nJane,ok\nMarco,"never closed\nstill open\n');
    expect(parsed).toEqual({
      ok: false,
      problem:
        'A quoted field opened on line 3 never closes: a " is missing. Nothing was imported.',
      line: 3,
    });
  });
});

describe('decodeImport', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeImport(utf8('Name\nMüller'))).toEqual({
      ok: true,
      text: 'Name\nMüller',
      encoding: 'utf-8',
    });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Müller')]);
    expect(decodeImport(withBom)).toMatchObject({ ok: true, text: 'Müller' });
  });

  it('reads UTF-16 by its BOM (Excel "Unicode text")', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x4d, 0, 0xfc, 0, 0x6c, 0]);
    expect(decodeImport(le)).toEqual({ ok: true, text: 'Mül', encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, 0, 0x4d, 0, 0xfc, 0, 0x6c]);
    expect(decodeImport(be)).toEqual({ ok: true, text: 'Mül', encoding: 'utf-16be' });
  });

  it('refuses Latin-1 bytes, naming the line', () => {
    // "Name\nMüller" saved as Latin-1 / Windows-1252: ü is the single byte 0xFC.
    const latin1 = new Uint8Array([...utf8('Name\n'), 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]);
    expect(decodeImport(latin1)).toEqual({
      ok: false,
      problem:
        'This file is not UTF-8 text (line 2 has a character in another encoding, such as Latin-1); save it as CSV UTF-8 and try again. Nothing was imported.',
      line: 2,
    });
  });
});

describe('formatBytes', () => {
  it('says sizes the way the rep reads them', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(2.3 * 1024 * 1024)).toBe('2.3 MB');
    expect(formatBytes(1.2 * 1024 ** 3)).toBe('1.2 GB');
    expect(formatBytes(300 * 1024)).toBe('300 KB');
  });
});
