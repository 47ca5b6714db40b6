// The bench page's measurements (`npm run bench`). The page is an extension page of the
// `wxt build --mode bench` build, so it opens the extension's own database; scripts/bench.mjs
// calls these through Playwright (`window.bench.*`) and turns the raw samples into the table.
import { browser } from 'wxt/browser';
import type { Attempt, Contact, Note, RepSettings, Task } from '../../lib/model';
import { OUTCOMES } from '../../lib/model';
import { DB_NAME, database, resetDatabaseForTests } from '../../lib/db/schema';
import { attemptsOfContact, openTasksOfContact } from '../../lib/db/outcomes';
import { NOTES_SHOWN, notesMentioning } from '../../lib/db/notes';
import { searchWords } from '../../lib/db/note-words';
import { logOutcome } from '../../lib/actions/call-outcomes';
import { onOutcomeWrites, type OutcomeWrites } from '../../lib/db/outcome-commit';
import { closeSameWritesFloor, openSameWritesFloor, writeSame } from './outcome-floor';
import { SITES } from '../../lib/sites/registry';
import {
  connectHeatmap,
  dialsBeforeFirstConnect,
  funnel,
  isDial,
  preparationPayoff,
} from '../../lib/insights';
import { LIST_LIMITS, TEXT_LIMITS } from '../../lib/model/limits';
import {
  BENCH_NOW,
  makeAttempts,
  makeLargestContact,
  makeContacts,
  makeNotes,
  makeTasks,
  pick,
  seeded,
  vocabulary,
  zipfRank,
} from './data';
import { BARE_DB_NAME } from './notes-floor-name';
import ImportFloorWorker from './import-floor.worker.ts?worker';
import type { FloorResult } from './import-floor.worker';
import { startImportWorker, type ImportChannel } from '../../lib/db/import-worker';
import { makeBackup, serializeBackup } from '../../lib/transfer/backup';
import type { ImportReport } from '../../lib/transfer/import-messages';
import { timeAsync, timeSync, watchLongTasks, yieldToBrowser } from './timing';
import { tabState } from '../../lib/messaging/tab-state';
import { seedDemoData } from '../../lib/db/demo-seed';

const REP_ZONE = 'America/New_York';
const CHUNK = 5_000;

const REP: RepSettings = {
  id: 'rep',
  repName: 'Bench Rep',
  company: 'Bench Co',
  callbackNumber: '+1 415 555 0100',
  timeZone: REP_ZONE,
};

/** Each figure starts on a newly created database, not on cleared tables: the rows an earlier
 *  figure deleted leave tombstones that slow reads until the store compacts, which no rep's
 *  fresh profile has. */
async function reset(): Promise<void> {
  await database().delete();
  resetDatabaseForTests(); // the next database() opens (and creates) it again
}

/** bulkAdd in chunks: one huge transaction would hold every row in memory at once. */
async function addAll<T>(
  table: { bulkAdd(rows: readonly T[]): Promise<unknown> },
  rows: readonly T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await table.bulkAdd(rows.slice(i, i + CHUNK));
}

// ---------------------------------------------------------------------------------------
// Outcome click: logOutcome, from the click to the committed transaction (the other views'
// notice, which the badge and alarm follow, starts a task later), against the same records
// written raw (./outcome-floor) and, for scale, one raw IndexedDB put, all with strict
// durability, interleaved so all see the same machine.

function openRawDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('second-call-bench-floor', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('rows', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function rawPut(db: IDBDatabase, row: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('rows', 'readwrite', { durability: 'strict' });
    tx.objectStore('rows').put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export interface OutcomeSamples {
  logOutcome: number[];
  /** The same records as each logOutcome wrote, raw, in one transaction (./outcome-floor). */
  sameWrites: number[];
  rawPut: number[];
  attemptsStored: number;
  tasksStored: number;
}

async function outcomes(options: { calls: number; warmup: number }): Promise<OutcomeSamples> {
  await reset();
  const random = seeded(1);
  const contacts = makeContacts(20, random);
  const db = database();
  await db.contacts.bulkAdd(contacts);
  await db.settings.put(REP);
  const raw = await openRawDb();
  if (!db.isOpen()) await db.open();
  const floor = await openSameWritesFloor(db.backendDB());
  const sent: OutcomeWrites[] = [];
  const stopListening = onOutcomeWrites((news) => {
    if (news.kind === 'sent') sent.push(news.writes);
  });
  /** The floor gets the writes the extension's database got, so both hold the same rows. */
  const mirrorSent = async () => {
    const [writes, ...more] = sent.splice(0);
    if (!writes || more.length > 0)
      throw new Error('the bench expected one outcome sent per click');
    return timeAsync(() => writeSame(floor, writes));
  };
  const samples: OutcomeSamples = {
    logOutcome: [],
    sameWrites: [],
    rawPut: [],
    attemptsStored: 0,
    tasksStored: 0,
  };
  for (let i = 0; i < options.warmup + options.calls; i += 1) {
    const contact = contacts[i % contacts.length]!;
    const outcome = OUTCOMES[i % OUTCOMES.length]!;
    const now = Date.now();
    // What the panel's live queries show before the click (read while the rep looks at the
    // contact, not after clicking): the click is decided from it.
    const shown = async () => ({
      contact: (await db.contacts.get(contact.id))!,
      history: await attemptsOfContact(contact.id),
      openTasks: await openTasksOfContact(contact.id),
    });
    const known = await shown();
    const click = await timeAsync(() =>
      logOutcome({ contactId: contact.id, outcome, now, repZone: REP_ZONE }, known),
    );
    await yieldToBrowser();
    const same = await mirrorSent();
    await yieldToBrowser();
    const row = { id: crypto.randomUUID(), contactId: contact.id, at: now, outcome };
    const put = await timeAsync(() => rawPut(raw, row));
    await yieldToBrowser();
    if (i < options.warmup) continue;
    samples.logOutcome.push(click);
    samples.sameWrites.push(same);
    samples.rawPut.push(put);
  }
  stopListening();
  raw.close();
  await closeSameWritesFloor(floor);
  samples.attemptsStored = await db.attempts.count();
  samples.tasksStored = await db.tasks.count();
  return samples;
}

// ---------------------------------------------------------------------------------------
// Side panel: one contact with N notes, remembered as the contact of this very tab, so
// `sidepanel.html?tabId=<this tab>` shows it. The bare page reads the same rows.

export interface PanelSeed {
  contactId: string;
  tabId: number;
  /** The rows stored, so the production build's database can be given the very same. */
  rows: { contacts: Contact[]; notes: Note[]; settings: RepSettings[] };
}

async function seedPanel(options: { notes: number }): Promise<PanelSeed> {
  await reset();
  const random = seeded(2);
  const [contact] = makeContacts(1, random);
  if (!contact) throw new Error('no contact generated');
  const notes = makeNotes(options.notes, [contact.id], vocabulary(400, random), random);
  const db = database();
  await db.contacts.add(contact);
  await db.settings.put(REP);
  await addAll(db.notes, notes);
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) throw new Error('the bench page is not in a tab');
  await tabState.contact.set(tab.id, { contactId: contact.id });
  return {
    contactId: contact.id,
    tabId: tab.id,
    rows: { contacts: [contact], notes, settings: [REP] },
  };
}

// ---------------------------------------------------------------------------------------
// Outcome clicks in the side panel: the demo's people as the demo build stores them, the
// first of them (Maria Lopez, three notes) remembered as the contact of this very tab.

export interface DemoSeed {
  contactId: string;
  name: string;
  rows: { contacts: Contact[]; notes: Note[]; settings: RepSettings[] };
}

async function seedDemo(): Promise<DemoSeed> {
  await reset();
  await seedDemoData();
  const db = database();
  // The demo's first person is its newest.
  const contacts = (await db.contacts.toArray()).sort((a, b) => b.createdAt - a.createdAt);
  const [first] = contacts;
  if (!first) throw new Error('the demo stored nobody');
  return {
    contactId: first.id,
    name: first.name,
    rows: {
      contacts,
      notes: await db.notes.toArray(),
      settings: await db.settings.toArray(),
    },
  };
}

// ---------------------------------------------------------------------------------------
// Side panel, largest contact: the contact a valid backup can hold at every cap (a name as
// long as a name may be, 20 emails, 20 phones, 50 identities, 100 merges) with a busy
// record's history, each text at its cap. Its panel is held to the ordinary panel's budget,
// so the bench page stores the ordinary contact of seedPanel (the floor the budget is made
// of) and, for comparison, the largest contact's notes (the bare page showing them whole).

export interface LargestPanelSeed {
  contactId: string;
  name: string;
  /** The ordinary contact of the "side panel" figure, whose bare page is the floor. */
  ordinaryContactId: string;
  notes: number;
  attempts: number;
  /** Characters of note, attempt and plan text the largest contact holds. */
  textChars: number;
  /** The largest contact's rows, for the production build's database. */
  rows: { contacts: Contact[]; notes: Note[]; attempts: Attempt[]; settings: RepSettings[] };
}

async function seedLargestPanel(options: {
  notes: number;
  ordinaryNotes: number;
  attempts: number;
}): Promise<LargestPanelSeed> {
  const ordinary = await seedPanel({ notes: options.ordinaryNotes });
  const largest = makeLargestContact(options, seeded(7), { ...TEXT_LIMITS, ...LIST_LIMITS });
  const db = database();
  await db.contacts.add(largest.contact);
  await addAll(db.notes, largest.notes);
  const planChars = (attempt: Attempt) =>
    Object.values(attempt.plan ?? {}).reduce(
      (sum: number, value) => sum + (typeof value === 'string' ? value.length : 0),
      0,
    );
  return {
    contactId: largest.contact.id,
    name: largest.contact.name,
    ordinaryContactId: ordinary.contactId,
    notes: largest.notes.length,
    attempts: largest.attempts.length,
    textChars:
      largest.notes.reduce((sum, note) => sum + note.text.length, 0) +
      largest.attempts.reduce((sum, a) => sum + (a.note?.length ?? 0) + planChars(a), 0),
    rows: {
      contacts: [largest.contact],
      notes: largest.notes,
      attempts: largest.attempts,
      settings: [REP],
    },
  };
}

// ---------------------------------------------------------------------------------------
// Site detectors on fixtures parsed with DOMParser, and on a fixture grown to 10,000 elements.

export interface DetectCase {
  site: string;
  file: string;
  url: string;
  html: string;
  /** The fixture shows a record (the big page is grown from the first such fixture). */
  positive: boolean;
}

export interface DetectSamples {
  site: string;
  file: string;
  elements: number;
  found: boolean;
  detect: number[];
  floor: number[];
  /** The first reading of the page, before any answer about it is kept. */
  firstMs: number;
}

/** A long activity timeline under the record, as a CRM shows for a busy contact: links,
 *  addresses and numbers included, so detectors that look for them have work to do. */
function growPage(doc: Document, elements: number): void {
  const timeline = doc.createElement('div');
  timeline.className = 'bench-timeline';
  doc.body.append(timeline);
  // Each entry adds 10 elements; counted as they are added (asking the document each time
  // would walk it every time).
  let count = doc.getElementsByTagName('*').length;
  let i = 0;
  while (count < elements) {
    timeline.append(timelineEntry(doc, i));
    count += 10;
    i += 1;
  }
}

/** One entry of the timeline: 10 elements. */
function timelineEntry(doc: Document, i: number): Element {
  const entry = doc.createElement('article');
  const header = doc.createElement('header');
  const author = doc.createElement('span');
  author.textContent = `Colleague ${i % 37}`;
  const time = doc.createElement('time');
  time.dateTime = new Date(BENCH_NOW - i * 3_600_000).toISOString();
  time.textContent = time.dateTime.slice(0, 10);
  header.append(author, time);
  const text = doc.createElement('p');
  text.textContent = `Logged call ${i}: left a message for person${i}@other.example, call back on +1 212 555 ${String(i % 10_000).padStart(4, '0')}.`;
  const mail = doc.createElement('a');
  mail.href = `mailto:person${i}@other.example`;
  mail.textContent = `person${i}@other.example`;
  const tel = doc.createElement('a');
  tel.href = `tel:+1212555${String(i % 10_000).padStart(4, '0')}`;
  tel.textContent = 'Call';
  const list = doc.createElement('ul');
  for (const label of ['Open task', 'Reply']) {
    const item = doc.createElement('li');
    item.textContent = label;
    list.append(item);
  }
  entry.append(header, text, mail, tel, list);
  return entry;
}

/** What a page does between two readings: a dialer's call timer ticks (a text changes where it
 *  is, as React writes it) and, now and then, a new entry joins the timeline. The content
 *  script reads a page only after it changed. */
function changePage(doc: Document, tick: number): void {
  let clock = doc.getElementById('bench-clock');
  if (!clock) {
    clock = doc.createElement('span');
    clock.id = 'bench-clock';
    clock.textContent = '00:00';
    doc.body.append(clock);
  }
  (clock.firstChild as Text).nodeValue =
    `${Math.floor(tick / 60)}:${String(tick % 60).padStart(2, '0')}`;
  const timeline = doc.querySelector('.bench-timeline');
  if (timeline && tick % 20 === 0) timeline.prepend(timelineEntry(doc, 100_000 + tick));
}

function sampleDetect(
  site: string,
  file: string,
  doc: Document,
  url: URL,
  iterations: number,
): DetectSamples {
  const adapter = SITES.find((s) => s.id === site);
  if (!adapter) throw new Error(`no adapter "${site}" in the registry`);
  // What the content script runs on each read (lib/sites/watch-page): the detector, or on a
  // dialer the contact and the call from one reading.
  const read = () =>
    adapter.detectWithCall ? adapter.detectWithCall(doc, url).contact : adapter.detect(doc, url);
  let found = false;
  const firstMs = timeSync(() => (found = read() !== null));
  let tick = 0;
  for (let i = 0; i < 10; i += 1) {
    changePage(doc, (tick += 1));
    read();
  }
  const detect: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    changePage(doc, (tick += 1));
    detect.push(timeSync(read));
    // The least a detector can do: one query over the same document.
    floor.push(timeSync(() => doc.querySelector('h1')?.textContent));
  }
  return {
    site,
    file,
    elements: doc.getElementsByTagName('*').length,
    found,
    detect,
    floor,
    firstMs,
  };
}

async function detect(options: {
  cases: DetectCase[];
  iterations: number;
  bigElements: number;
}): Promise<DetectSamples[]> {
  const parser = new DOMParser();
  const results: DetectSamples[] = [];
  const grown = new Set<string>();
  for (const c of options.cases) {
    const url = new URL(c.url);
    results.push(
      sampleDetect(
        c.site,
        c.file,
        parser.parseFromString(c.html, 'text/html'),
        url,
        options.iterations,
      ),
    );
    await yieldToBrowser();
    if (c.positive && !grown.has(c.site)) {
      grown.add(c.site);
      const big = parser.parseFromString(c.html, 'text/html');
      growPage(big, options.bigElements);
      results.push(sampleDetect(c.site, `${c.file} + timeline`, big, url, options.iterations));
      await yieldToBrowser();
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------
// Note search as the side panel runs it — notesMentioning: the first NOTES_SHOWN notes through
// the *words index, one more to know whether more match, and their contacts' names — against
// a scan of the whole table for the same notes.

export interface SearchSamples {
  notes: number;
  /** Notes the panel shows at once (it asks for one more). */
  shown: number;
  queries: string[];
  /** QUERY_KINDS of each query. */
  kinds: string[];
  index: number[];
  scan: number[];
  hits: number[];
  seedMs: number;
}

export const QUERY_KINDS = ['common word', 'rare word', '3-letter prefix', 'two words'] as const;

/** The query mix, a quarter each: a common word, a rare word, a 3-letter prefix (the rep
 *  still typing), and a common word plus the start of a rare one. */
function searchQueries(vocab: readonly string[], count: number): string[] {
  const random = seeded(4);
  const queries: string[] = [];
  for (let i = 0; queries.length < count; i += 1) {
    const common = vocab[zipfRank(random, 20)] ?? 'budget';
    const rare = vocab[200 + Math.floor(random() * (vocab.length - 200))] ?? 'pricing';
    const kind = i % QUERY_KINDS.length;
    if (kind === 0) queries.push(common);
    else if (kind === 1) queries.push(rare);
    else if (kind === 2) queries.push(pick(random, vocab).slice(0, 3));
    else queries.push(`${common} ${rare.slice(0, 4)}`);
  }
  return queries;
}

async function search(options: { notes: number; queries: number }): Promise<SearchSamples> {
  await reset();
  const random = seeded(3);
  const db = database();
  const contacts = makeContacts(Math.max(10, Math.round(options.notes / 100)), random);
  const vocab = vocabulary(3_000, random);
  const seedStart = performance.now();
  await addAll(db.contacts, contacts);
  await addAll(
    db.notes,
    makeNotes(
      options.notes,
      contacts.map((c) => c.id),
      vocab,
      random,
    ),
  );
  const seedMs = performance.now() - seedStart;
  const queries = searchQueries(vocab, options.queries);
  const scanFor = (query: string) => {
    const words = searchWords(query);
    return db.notes
      .filter((note) => words.every((w) => note.words?.some((own) => own.startsWith(w)) ?? false))
      .limit(NOTES_SHOWN + 1)
      .toArray();
  };
  // Warm both paths (the first read opens the database and fills caches).
  for (const q of queries.slice(0, 3)) {
    await notesMentioning(q, NOTES_SHOWN);
    await scanFor(q);
  }
  const samples: SearchSamples = {
    notes: options.notes,
    shown: NOTES_SHOWN,
    queries,
    kinds: queries.map((_, i) => QUERY_KINDS[i % QUERY_KINDS.length] ?? ''),
    index: [],
    scan: [],
    hits: [],
    seedMs,
  };
  for (const query of queries) {
    let hits = 0;
    samples.index.push(
      await timeAsync(async () => {
        const found = await notesMentioning(query, NOTES_SHOWN);
        hits = found.groups.reduce((n, group) => n + group.notes.length, 0);
      }),
    );
    samples.hits.push(hits);
    samples.scan.push(await timeAsync(() => scanFor(query)));
    await yieldToBrowser();
  }
  return samples;
}

// ---------------------------------------------------------------------------------------
// Insights: the four statistics of the dashboard over every attempt.

export interface InsightsSamples {
  attempts: number;
  contacts: number;
  read: number[];
  compute: number[];
  floor: number[];
  seedMs: number;
}

async function insights(options: {
  attempts: number;
  contacts: number;
  repeats: number;
}): Promise<InsightsSamples> {
  await reset();
  const random = seeded(5);
  const db = database();
  const contacts = makeContacts(options.contacts, random);
  for (const contact of contacts) if (random() < 0.1) contact.advancedAt = BENCH_NOW;
  const seedStart = performance.now();
  await addAll(db.contacts, contacts);
  await addAll(
    db.attempts,
    makeAttempts(
      options.attempts,
      contacts.map((c) => c.id),
      random,
    ),
  );
  const seedMs = performance.now() - seedStart;
  const samples: InsightsSamples = {
    attempts: options.attempts,
    contacts: options.contacts,
    read: [],
    compute: [],
    floor: [],
    seedMs,
  };
  for (let r = 0; r < options.repeats; r += 1) {
    let attempts: Attempt[] = [];
    let stored: Contact[] = [];
    samples.read.push(
      await timeAsync(async () => {
        [attempts, stored] = await Promise.all([
          db.attempts.orderBy('at').toArray(),
          db.contacts.toArray(),
        ]);
      }),
    );
    const byId = new Map(stored.map((c) => [c.id, c]));
    const advanced = new Set(stored.filter((c) => c.advancedAt !== undefined).map((c) => c.id));
    samples.compute.push(
      timeSync(() => {
        connectHeatmap(attempts, (id) => byId.get(id)?.timeZone ?? REP_ZONE);
        funnel(attempts, advanced);
        preparationPayoff(attempts);
        dialsBeforeFirstConnect(attempts);
      }),
    );
    // The least any statistic costs: one pass over the attempts.
    samples.floor.push(
      timeSync(() => {
        let dials = 0;
        for (const attempt of attempts) if (isDial(attempt)) dials += 1;
        return dials;
      }),
    );
    await yieldToBrowser();
  }
  return samples;
}

// ---------------------------------------------------------------------------------------
// Import: a backup of N rows through the product's path — the Data page's import worker
// (lib/db/import-worker): the file is read, parsed and checked (the preview the rep sees),
// then written on "import". The page is watched for long tasks all along. Floor: the same
// rows written straight with bulkAdd into empty tables, in a worker too. Each runs in a fresh
// browser profile (scripts/bench.mjs says why).

export interface ProductRun {
  rows: number;
  /** File sent → preview shown: read, parse, validate and check against the database. */
  previewMs: number;
  /** Import clicked → written (the plan is made again inside the write's transaction, unless
   *  the database was empty at the preview and still is). */
  importMs: number;
  longTasksPreview: number[];
  longTasksImport: number[];
  progressReports: number;
  stored: number;
}

export interface FloorRun {
  floorParseMs: number;
  floorWriteMs: number;
  longTasksFloor: number[];
}

function backupTables(rows: number) {
  const random = seeded(6);
  const contacts = makeContacts(Math.round(rows * 0.04), random);
  const ids = contacts.map((c) => c.id);
  const notes: Note[] = makeNotes(Math.round(rows * 0.4), ids, vocabulary(2_000, random), random);
  const attempts: Attempt[] = makeAttempts(Math.round(rows * 0.4), ids, random);
  const taskCount = rows - contacts.length - notes.length - attempts.length - 1;
  const tasks: Task[] = makeTasks(taskCount, attempts, random);
  return { contacts, notes, attempts, tasks, plans: [], settings: [REP] };
}

async function storedRows(): Promise<number> {
  const db = database();
  const counts = await Promise.all(db.tables.map((t) => t.count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

/** Resolves with the first report of `type` (rejects on a refusal or failure). */
function reportOf<T extends ImportReport['type']>(
  channel: ImportChannel,
  type: T,
  onAny: (report: ImportReport) => void,
): Promise<Extract<ImportReport, { type: T }>> {
  return new Promise((resolve, reject) => {
    channel.onReport((report) => {
      onAny(report);
      if (report.type === type) resolve(report as Extract<ImportReport, { type: T }>);
      else if (report.type === 'refused') reject(new Error(`import refused: ${report.problem}`));
      else if (report.type === 'failed') reject(new Error(`import failed: ${report.message}`));
    });
  });
}

/** The floor alone: run it in a browser profile of its own (the bench does), so the writes
 *  and deletions of one run never slow the other's. */
async function importFloor(options: { rows: number }): Promise<FloorRun> {
  const tables = backupTables(options.rows);
  const text = serializeBackup(makeBackup(tables, new Date(BENCH_NOW), database().verno));
  const file = new File([text], 'second-call-backup-bench.json', { type: 'application/json' });
  const floorWatch = watchLongTasks();
  const floorWorker = new ImportFloorWorker({ name: 'bench-import-floor' });
  const floor = await new Promise<FloorResult>((resolve) => {
    floorWorker.addEventListener('message', (e: MessageEvent<FloorResult>) => resolve(e.data));
    floorWorker.postMessage(file);
  });
  floorWorker.terminate();
  return {
    floorParseMs: floor.parseMs,
    floorWriteMs: floor.writeMs,
    longTasksFloor: await floorWatch.stop(),
  };
}

/** The product's path alone, in a fresh profile (as a rep restoring a backup). */
async function importProduct(options: { rows: number }): Promise<ProductRun> {
  const tables = backupTables(options.rows);
  const rows = Object.values(tables).reduce((sum, list) => sum + list.length, 0);
  const text = serializeBackup(makeBackup(tables, new Date(BENCH_NOW), database().verno));
  const file = new File([text], 'second-call-backup-bench.json', { type: 'application/json' });
  await reset();
  await yieldToBrowser();

  // What the Data page does with a chosen file, then with "Import".
  let progressReports = 0;
  const counted = (report: ImportReport) => {
    if (report.type === 'progress') progressReports += 1;
  };
  const channel = startImportWorker();
  const previewWatch = watchLongTasks();
  const previewStart = performance.now();
  const previewed = reportOf(channel, 'backup-preview', counted);
  channel.send({ type: 'open', file, fileName: file.name });
  await previewed;
  const previewMs = performance.now() - previewStart;
  const longTasksPreview = await previewWatch.stop();

  const importWatch = watchLongTasks();
  const importStart = performance.now();
  const imported = reportOf(channel, 'imported', () => undefined);
  channel.send({ type: 'import' });
  await imported;
  const importMs = performance.now() - importStart;
  const longTasksImport = await importWatch.stop();
  channel.close();
  return {
    rows,
    previewMs,
    importMs,
    longTasksPreview,
    longTasksImport,
    progressReports,
    stored: await storedRows(),
  };
}

const api = {
  dbName: DB_NAME,
  bareDbName: BARE_DB_NAME,
  reset,
  outcomes,
  seedPanel,
  seedLargestPanel,
  seedDemo,
  detect,
  search,
  insights,
  importProduct,
  importFloor,
};

export type BenchApi = typeof api;

declare global {
  interface Window {
    bench?: BenchApi;
  }
}

/** Puts the measurements on `window.bench` for Playwright, then marks the page ready. */
export async function installBench(): Promise<void> {
  if (BARE_DB_NAME !== DB_NAME) throw new Error('scripts/bench/notes-floor-name.ts is out of date');
  await database().open();
  window.bench = api;
  document.body.dataset.benchReady = 'true';
}
