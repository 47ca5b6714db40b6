// The JavaScript an extension page loads before it can show anything: the scripts its HTML
// names, the modules those import statically, and so on (what `import()` loads later is not
// counted). Read from the build itself, for `npm run bench` and tests/e2e/panel-size.e2e.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The side panel's first screen (a contact's name and notes) loads at most this much
 *  JavaScript, uncompressed: React, Dexie, date-fns and the panel's own first parts, 387 kB
 *  (issue 16; it was 613 kB with the phone library, every site's adapter and the repair). */
export const PANEL_INITIAL_JS_BUDGET_BYTES = 420_000;

/** Libraries and code the first screen must not carry, each found by a string only it holds. */
export const NOT_ON_FIRST_SCREEN = [
  // libphonenumber-js's metadata (the country calling codes table).
  { what: 'the phone number library', marker: 'country_calling_codes' },
  // The CRM sites' adapters (lib/sites/*), by Salesforce's address.
  { what: 'every CRM site adapter', marker: 'lightning.force.com' },
];

const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+\.js)["']/g;

function scriptsOfHtml(html) {
  const found = [];
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) found.push(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    found.push(match[1]);
  return found;
}

/**
 * The files `page` (e.g. "sidepanel.html") of the build in `buildDir` loads before it runs,
 * with their sizes: [{ file, bytes, gzipBytes }], and the total.
 */
export function initialScripts(buildDir, page) {
  const html = readFileSync(join(buildDir, page), 'utf8');
  const seen = new Set();
  const queue = scriptsOfHtml(html).map((src) => posix.normalize(src.replace(/^\//, '')));
  const files = [];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const path = join(buildDir, file);
    if (!existsSync(path)) throw new Error(`${page} loads ${file}, which the build lacks`);
    const code = readFileSync(path);
    files.push({ file, bytes: code.length, gzipBytes: gzipSync(code, { level: 6 }).length });
    for (const match of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      const target = match[1];
      if (!target.startsWith('.') && !target.startsWith('/')) continue;
      queue.push(
        target.startsWith('/')
          ? posix.normalize(target.slice(1))
          : posix.normalize(posix.join(dirname(file), target)),
      );
    }
  }
  const total = (key) => files.reduce((sum, f) => sum + f[key], 0);
  return { files, bytes: total('bytes'), gzipBytes: total('gzipBytes') };
}

/** Which of NOT_ON_FIRST_SCREEN the page's initial scripts hold. */
export function unwantedOnFirstScreen(buildDir, page) {
  const code = initialScripts(buildDir, page)
    .files.map((f) => readFileSync(join(buildDir, f.file), 'utf8'))
    .join('\n');
  return NOT_ON_FIRST_SCREEN.filter((item) => code.includes(item.marker)).map((i) => i.what);
}
