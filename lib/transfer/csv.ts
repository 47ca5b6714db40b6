// CSV as RFC 4180 writes it (and as HubSpot, Salesforce and Excel export it).

type CsvValue = string | number | boolean | null | undefined | readonly string[];

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/** A parsed record with the line of the file it starts on (quoted fields may span lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

type ParsedCsv =
  { ok: true; rows: CsvRow[]; delimiter: string } | { ok: false; problem: string; line: number };

/** Text a spreadsheet would run as a formula (=, +, -, @, and tab or CR first). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Numbers and phone numbers ("+1 (415) 555-0142", "-12.5") hold no formula: left as they are. */
const PLAIN_NUMBER = /^[+-]?[\d\s().,/-]*\d[\d\s().,/-]*$/;

/** One cell: text that could run as a formula gets a leading "'", then RFC 4180 quoting. */
export function csvCell(value: CsvValue): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (Array.isArray(value)) text = value.join('; ');
  else text = String(value);
  if (typeof value !== 'number' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of `rows`: a header line, then one line per row, CRLF line ends. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Comma unless the first line plainly uses semicolons or tabs (Excel in many locales). */
function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/**
 * Parses CSV text: a leading BOM is dropped, lines end in CRLF, LF or CR, quoted fields hold
 * delimiters, line breaks and doubled quotes. Blank lines are skipped. An opened quote that
 * never closes is reported with the line it opened on.
 */
export function parseCsv(text: string): ParsedCsv {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = sniffDelimiter(src);
  const rows: CsvRow[] = [];
  const n = src.length;
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(field);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    field = '';
  };
  while (i < n) {
    const c = src[i]!;
    if (c === '"' && field === '') {
      // A quoted field: runs to the next lone quote.
      const quoteLine = line;
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = src.indexOf('"', j);
        if (q === -1) {
          return {
            ok: false,
            problem: `A quoted field opened on line ${quoteLine} never closes: a " is missing. Nothing was imported.`,
            line: quoteLine,
          };
        }
        value += src.slice(j, q);
        if (src[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      line += (value.match(/\r\n|\r|\n/g) ?? []).length;
      field = value.replace(/\r\n?/g, '\n');
      i = j;
      // Anything between the closing quote and the delimiter is kept as written.
      while (i < n && src[i] !== delimiter && src[i] !== '\n' && src[i] !== '\r') {
        field += src[i];
        i++;
      }
      continue;
    }
    if (c === delimiter) {
      cells.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      endRow();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      // An unquoted run: up to the next delimiter or line break.
      let j = i;
      while (j < n && src[j] !== delimiter && src[j] !== '\n' && src[j] !== '\r') j++;
      field += src.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || cells.length > 0) endRow();
  return { ok: true, rows, delimiter };
}
