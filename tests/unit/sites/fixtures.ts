// Loads the saved pages in tests/fixtures/<site>/ with the URL each was saved from.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContactSnapshot } from '../../../lib/model';

export interface FixtureCase {
  site: string;
  file: string;
  url: string;
  expect: ContactSnapshot | null;
}

// Vitest runs from the project root (a DOM environment's URL is not the file URL Node reads).
const root = join(process.cwd(), 'tests', 'fixtures');

export function casesFor(site: string): FixtureCase[] {
  const raw = readFileSync(join(root, site, 'cases.json'), 'utf8');
  const cases = JSON.parse(raw) as Omit<FixtureCase, 'site'>[];
  return cases.map((c) => ({ ...c, site }));
}

/** Sites with saved pages: every folder of tests/fixtures holding a cases.json. */
export function fixtureSites(): string[] {
  return readdirSync(root).filter((site) => existsSync(join(root, site, 'cases.json')));
}

/** Every fixture of every site: the pool each detector is tested negative against. */
export function allCases(): FixtureCase[] {
  return fixtureSites().flatMap((site) => casesFor(site));
}

export function html(c: Pick<FixtureCase, 'site' | 'file'>): string {
  return readFileSync(join(root, c.site, c.file), 'utf8');
}

export function parse(markup: string): Document {
  return new DOMParser().parseFromString(markup, 'text/html');
}

export function load(c: FixtureCase): { document: Document; url: URL } {
  return { document: parse(html(c)), url: new URL(c.url) };
}
