// The content scripts as shipped: gzipped size, and what must never be in them (React, Dexie,
// coach code other than the voicemail timer the overlay shows).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Strings only React's own code holds (React 19 and older), and Dexie's. */
export const FORBIDDEN_MARKERS = [
  { library: 'React', marker: 'react.transitional.element' },
  { library: 'React', marker: 'react.element' },
  { library: 'React', marker: 'react.fragment' },
  { library: 'React', marker: '__reactFiber' },
  { library: 'React', marker: '__reactContainer' },
  { library: 'React', marker: 'Minified React error' },
  { library: 'React', marker: 'react-dom' },
  { library: 'Dexie', marker: 'Dexie' },
];

/** Where coach-free code lives that the content scripts legitimately hold: a string that
 *  also appears here is no evidence of coach code. */
const ALLOWED_SOURCES = [
  'lib/coach/voicemail-timer.ts',
  'lib/content',
  'lib/sites',
  'lib/messaging',
  'lib/model',
];

function sourceFiles(path) {
  if (!existsSync(path)) return [];
  if (path.endsWith('.ts') || path.endsWith('.tsx')) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
    sourceFiles(join(path, entry.name)),
  );
}

/** String literals of a source file: quoted strings, and the text parts of template
 *  literals. A small scanner (comments and `${…}` nesting understood), not a parser. */
function stringLiterals(source) {
  const found = [];
  let i = 0;
  const n = source.length;
  /** Reads a quoted string starting at the quote at `i`; returns its text. */
  const quoted = () => {
    const quote = source[i];
    let text = '';
    i += 1;
    while (i < n && source[i] !== quote && source[i] !== '\n') {
      if (source[i] === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else {
        text += source[i];
        i += 1;
      }
    }
    i += 1;
    return text;
  };
  /** Reads a template literal at `i`, pushing its text parts, skipping its substitutions. */
  const template = () => {
    let text = '';
    i += 1;
    while (i < n && source[i] !== '`') {
      if (source[i] === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (source[i] === '$' && source[i + 1] === '{') {
        found.push(text);
        text = '';
        i += 2;
        code(1);
      } else {
        text += source[i];
        i += 1;
      }
    }
    i += 1;
    found.push(text);
  };
  /** Scans code until the brace depth drops to zero (or the end of the file). */
  const code = (depth) => {
    while (i < n) {
      const c = source[i];
      if (c === '/' && source[i + 1] === '/') {
        while (i < n && source[i] !== '\n') i += 1;
      } else if (c === '/' && source[i + 1] === '*') {
        const close = source.indexOf('*/', i + 2);
        i = close < 0 ? n : close + 2;
      } else if (c === "'" || c === '"') {
        const text = quoted();
        const before = source.slice(Math.max(0, i - 200), i);
        // Module specifiers are not code.
        if (!/\b(?:from|import)\s*['"][^'"]*['"]$/.test(before)) found.push(text);
      } else if (c === '`') {
        template();
      } else if (c === '{') {
        depth += 1;
        i += 1;
      } else if (c === '}') {
        depth -= 1;
        i += 1;
        if (depth === 0) return;
      } else {
        i += 1;
      }
    }
  };
  code(Infinity);
  return found.filter((text) => !text.includes('\\'));
}

/** Distinctive strings of the coach (every lib/coach file but the voicemail timer): a
 *  minifier renames functions but keeps string literals, so these betray coach code. */
export function coachMarkers(root) {
  const allowed = ALLOWED_SOURCES.flatMap((p) => sourceFiles(join(root, p)))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const markers = [];
  for (const file of sourceFiles(join(root, 'lib/coach'))) {
    if (file.endsWith('voicemail-timer.ts')) continue;
    for (const text of stringLiterals(readFileSync(file, 'utf8'))) {
      if (text.length < 12 || !/[a-z]{3}/i.test(text) || allowed.includes(text)) continue;
      markers.push({ file: file.slice(root.length + 1), marker: text });
    }
  }
  return markers;
}

/** Size and forbidden content of each script a build puts into CRM pages (`files`: the
 *  site scripts and the page tools, by file name). */
export function contentScriptReport(root, outDir, files) {
  const coach = coachMarkers(root);
  const coachFiles = new Set(coach.map((m) => m.file));
  return {
    coachMarkersChecked: coach.length,
    coachFilesWithMarkers: coachFiles.size,
    scripts: files.map((file) => {
      const site = file.replace(/\.js$/, '');
      const path = join(outDir, file);
      if (!existsSync(path)) return { site, missing: true };
      const bytes = readFileSync(path);
      const text = bytes.toString('utf8');
      return {
        site,
        bytes: bytes.length,
        gzipBytes: gzipSync(bytes).length,
        forbidden: FORBIDDEN_MARKERS.filter(({ marker }) => text.includes(marker)),
        coach: coach.filter(({ marker }) => text.includes(marker)),
      };
    }),
  };
}
