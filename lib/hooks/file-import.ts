// The Data page's import, as state the page renders: one import worker per chosen file
// (lib/db/import-worker), its reports turned into a preview, a progress bar and a result.
import { useCallback, useEffect, useRef, useState } from 'react';
import { startImportWorker, type ImportChannel } from '../db/import-worker';
import { sizeProblem } from '../transfer/backup';
import { describeCounts, type ImportProgress } from '../transfer/changes';
import type { CsvRow } from '../transfer/csv';
import type { ColumnMapping, CsvSource } from '../transfer/crm-contacts';
import type {
  BackupPreviewSummary,
  CsvPreviewSummary,
  ImportReport,
} from '../transfer/import-messages';

/** A mapping change waits this long for the next one before the preview runs again. */
const REMAP_DELAY_MS = 300;

type ChosenFile =
  | { kind: 'backup'; fileName: string; preview: BackupPreviewSummary }
  | {
      kind: 'csv';
      fileName: string;
      header: string[];
      sample: CsvRow[];
      rows: number;
      source: CsvSource;
      mapping: ColumnMapping;
      /** The preview of the current mapping; undefined while it is being checked. */
      preview?: CsvPreviewSummary;
      /** Lines of rows whose join (by email or phone) the rep refused. */
      refused: number[];
    };

interface FileImport {
  chosen?: ChosenFile;
  /** What is happening or what happened ("Reading …", "Imported …"). */
  status?: string;
  /** Why the file was refused or the import failed. */
  error?: string;
  /** Checking or writing, while it runs. */
  progress?: ImportProgress;
  /** The import is being written. */
  busy: boolean;
  choose(file: File | undefined): void;
  remap(source: CsvSource, mapping: ColumnMapping): void;
  /** Refuses (or accepts again) the join of the row on `line`: a refused row is its own
   *  contact. */
  refuse(line: number, refused: boolean): void;
  runImport(): void;
}

/** The import flow of the Data page. `onImported` runs once a file is written. */
export function useFileImport(onImported: () => void): FileImport {
  const [chosen, setChosen] = useState<ChosenFile>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<ImportProgress>();
  const [busy, setBusy] = useState(false);
  const channel = useRef<ImportChannel>(undefined);
  const busyRef = useRef(false);
  const seq = useRef(0);
  const remapTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const importedRef = useRef(onImported);
  useEffect(() => {
    importedRef.current = onImported;
  }, [onImported]);

  useEffect(
    () => () => {
      clearTimeout(remapTimer.current);
      // A write under way finishes on its own (the worker ends itself); anything else stops.
      if (!busyRef.current) channel.current?.close();
    },
    [],
  );

  const setWriting = (value: boolean) => {
    busyRef.current = value;
    setBusy(value);
  };

  const onReport = useCallback((report: ImportReport, fileName: string) => {
    switch (report.type) {
      case 'progress':
        setProgress(report.progress);
        return;
      case 'refused':
        setStatus(undefined);
        setProgress(undefined);
        setChosen(undefined);
        setError(report.problem);
        channel.current?.close();
        channel.current = undefined;
        return;
      case 'backup-preview':
        setStatus(undefined);
        setProgress(undefined);
        setChosen({ kind: 'backup', fileName, preview: report.preview });
        return;
      case 'csv-read':
        setStatus(undefined);
        setChosen({
          kind: 'csv',
          fileName,
          header: report.header,
          sample: report.sample,
          rows: report.rows,
          source: report.source,
          mapping: report.mapping,
          refused: [],
        });
        return;
      case 'csv-preview':
        if (report.preview.seq !== seq.current) return;
        setProgress(undefined);
        setChosen((c) => (c?.kind === 'csv' ? { ...c, preview: report.preview } : c));
        return;
      case 'imported':
        setWriting(false);
        setProgress(undefined);
        setChosen(undefined);
        setStatus(`Imported ${fileName}. ${describeCounts(report.counts)}`);
        channel.current = undefined;
        importedRef.current();
        return;
      case 'failed':
        setWriting(false);
        setProgress(undefined);
        setError(report.message);
        return;
    }
  }, []);

  const choose = useCallback(
    (file: File | undefined) => {
      channel.current?.close();
      channel.current = undefined;
      clearTimeout(remapTimer.current);
      seq.current = 0;
      setChosen(undefined);
      setError(undefined);
      setStatus(undefined);
      setProgress(undefined);
      if (!file) return;
      // Refused before anything is read: no worker needed.
      const tooBig = sizeProblem(file.size);
      if (tooBig) {
        setError(tooBig);
        return;
      }
      setStatus(`Reading ${file.name}…`);
      const started = startImportWorker();
      channel.current = started;
      started.onReport((report) => {
        if (channel.current === started) onReport(report, file.name);
      });
      started.send({ type: 'open', file, fileName: file.name });
    },
    [onReport],
  );

  const remap = useCallback((source: CsvSource, mapping: ColumnMapping) => {
    // The rows being written are those of the mapping the rep imported.
    if (busyRef.current) return;
    const next = ++seq.current;
    setChosen((c) =>
      c?.kind === 'csv' ? { ...c, source, mapping, preview: undefined, refused: [] } : c,
    );
    setError(undefined);
    // The rep may be changing several columns: preview once they pause. The worker drops a
    // preview still running when a newer mapping arrives.
    clearTimeout(remapTimer.current);
    remapTimer.current = setTimeout(
      () => channel.current?.send({ type: 'remap', seq: next, source, mapping }),
      REMAP_DELAY_MS,
    );
  }, []);

  const refuse = useCallback(
    (line: number, refused: boolean) => {
      if (busyRef.current || chosen?.kind !== 'csv') return;
      const lines = chosen.refused.filter((l) => l !== line).concat(refused ? [line] : []);
      const next = ++seq.current;
      // The list stays as it is while the counts are checked again.
      setChosen({ ...chosen, refused: lines });
      channel.current?.send({ type: 'refuse', seq: next, refused: lines });
    },
    [chosen],
  );

  const runImport = useCallback(() => {
    if (!chosen || busyRef.current || !channel.current) return;
    if (chosen.kind === 'csv' && !chosen.preview) return;
    setWriting(true);
    setError(undefined);
    setStatus(undefined);
    setProgress({ phase: 'checking', done: 0, total: 0 });
    channel.current.send(
      chosen.kind === 'csv' && chosen.refused.length
        ? { type: 'import', refused: chosen.refused }
        : { type: 'import' },
    );
  }, [chosen]);

  return { chosen, status, error, progress, busy, choose, remap, refuse, runImport };
}
