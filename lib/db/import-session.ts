// One imported file, from its bytes to the database: what the import worker runs (lib/db/
// import.worker is only the wire). Reading, parsing, the preview and the writes all happen
// here, off the page's thread; the page sends the file and renders what this reports.
// Unit tests drive it directly, without a worker.
import { describeWriteError } from './errors';
import { importBackup, previewImport } from './transfer';
import { importContactsCsv, planCsvImport } from './contacts-csv-import';
import { parseBackup, sizeProblem, type Backup } from '../transfer/backup';
import { cutLines } from '../transfer/cuts';
import { droppedReferencesLine } from './import-references';
import type { ImportProgress } from '../transfer/changes';
import { parseCsv, type CsvRow } from '../transfer/csv';
import {
  contactsFromCsv,
  guessMapping,
  guessSource,
  type ColumnMapping,
  type CsvContacts,
  type CsvSource,
} from '../transfer/crm-contacts';
import { decodeImport } from '../transfer/decode';
import {
  FIRST_CONTACTS,
  JOINS_SENT,
  PROBLEMS_SENT,
  SAMPLE_ROWS,
  type ImportReport,
  type ImportRequest,
} from '../transfer/import-messages';

type Loaded =
  | { kind: 'backup'; backup: Backup }
  | {
      kind: 'csv';
      rows: CsvRow[];
      source: CsvSource;
      mapping: ColumnMapping;
      /** The rows read with the latest mapping, once its preview is done. */
      read?: CsvContacts;
      /** Lines of rows whose join the rep refused. */
      refused: number[];
    };

type ImportSession = (request: ImportRequest) => Promise<void>;

const NOTHING_IMPORTED = 'Nothing was imported: your data is as it was.';

/** A session for one file; `send` carries each report to the page. */
export function createImportSession(send: (report: ImportReport) => void): ImportSession {
  let loaded: Loaded | undefined;
  let now: number | undefined;
  let preview: AbortController | undefined;
  let importing = false;
  const progress = (p: ImportProgress) => send({ type: 'progress', progress: { ...p } });
  const refuse = (problem: string, line?: number) => {
    loaded = undefined;
    send({ type: 'refused', problem, ...(line === undefined ? {} : { line }) });
  };

  /** Previews the CSV with its current mapping and refusals; a newer one cancels it. */
  const previewCsv = async (seq: number) => {
    if (loaded?.kind !== 'csv') return;
    const csv = loaded;
    preview?.abort();
    const controller = new AbortController();
    preview = controller;
    const read = csv.read ?? contactsFromCsv(csv.rows, csv.mapping, csv.source);
    try {
      const { counts, joins, apart } = await planCsvImport(read.contacts, {
        now,
        refused: csv.refused,
        signal: controller.signal,
        onProgress: (p) => preview === controller && progress(p),
      });
      if (preview !== controller) return;
      csv.read = read;
      send({
        type: 'csv-preview',
        preview: {
          seq,
          counts,
          contacts: read.contacts.length,
          first: read.contacts.slice(0, FIRST_CONTACTS),
          problems: read.problems.slice(0, PROBLEMS_SENT),
          problemCount: read.problems.length,
          joins: joins.slice(0, JOINS_SENT),
          joinCount: joins.length,
          apart: apart.slice(0, JOINS_SENT),
          apartCount: apart.length,
        },
      });
    } catch (error) {
      if (controller.signal.aborted) return;
      send({ type: 'failed', message: `The preview failed: ${describeWriteError(error)}` });
    }
  };

  const open = async (file: Blob, fileName: string) => {
    const tooBig = sizeProblem(file.size);
    if (tooBig) return refuse(tooBig);
    const decoded = decodeImport(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return refuse(decoded.problem, decoded.line);
    const looksJson = /\.json$/i.test(fileName) || /^\s*[{[]/.test(decoded.text.slice(0, 1000));
    if (looksJson) {
      const parsed = parseBackup(decoded.text);
      if (!parsed.ok) return refuse(parsed.problem, parsed.line);
      const { problem, droppedReferences, ...result } = await previewImport(
        parsed.backup,
        progress,
      );
      if (problem !== undefined) return refuse(problem);
      loaded = { kind: 'backup', backup: parsed.backup };
      const cuts = cutLines(parsed.cuts);
      if (droppedReferences > 0) cuts.push(droppedReferencesLine(droppedReferences));
      send({ type: 'backup-preview', preview: { ...result, cuts } });
      return;
    }
    const parsed = parseCsv(decoded.text);
    if (!parsed.ok) return refuse(parsed.problem, parsed.line);
    const [head, ...rows] = parsed.rows;
    if (!head || rows.length === 0) {
      return refuse(
        'This CSV holds no contacts: it needs a header line and at least one row. Nothing was imported.',
      );
    }
    const source = guessSource(head.cells);
    const mapping = guessMapping(head.cells, source);
    loaded = { kind: 'csv', rows, source, mapping, refused: [] };
    send({
      type: 'csv-read',
      header: head.cells,
      sample: rows.slice(0, SAMPLE_ROWS),
      rows: rows.length,
      source,
      mapping,
    });
    await previewCsv(0);
  };

  const write = async (refused?: number[]) => {
    const file = loaded;
    if (!file || importing || (file.kind === 'csv' && !file.read)) return;
    importing = true;
    preview?.abort();
    try {
      if (file.kind === 'backup') {
        const result = await importBackup(file.backup, progress);
        send({ type: 'imported', counts: result.counts });
      } else {
        const contacts = await importContactsCsv(file.read!.contacts, {
          now,
          refused: refused ?? file.refused,
          onProgress: progress,
        });
        send({ type: 'imported', counts: { contacts } });
      }
      loaded = undefined;
    } catch (error) {
      send({ type: 'failed', message: `${describeWriteError(error)} ${NOTHING_IMPORTED}` });
    } finally {
      importing = false;
    }
  };

  return async (request) => {
    try {
      switch (request.type) {
        case 'open':
          now = request.now;
          await open(request.file, request.fileName);
          return;
        case 'remap':
          if (loaded?.kind !== 'csv' || importing) return;
          loaded.source = request.source;
          loaded.mapping = request.mapping;
          // Other rows, other lines: a refusal made for the old mapping does not carry over.
          loaded.read = undefined;
          loaded.refused = [];
          await previewCsv(request.seq);
          return;
        case 'refuse':
          if (loaded?.kind !== 'csv' || importing) return;
          loaded.refused = request.refused;
          await previewCsv(request.seq);
          return;
        case 'import':
          await write(request.refused);
          return;
      }
    } catch (error) {
      // Reading the file or the database failed before anything was written.
      refuse(
        `The file could not be read: ${error instanceof Error ? error.message : String(error)}. ${NOTHING_IMPORTED}`,
      );
    }
  };
}
