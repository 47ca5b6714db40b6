// A tiny, pure reading of WebExtension match patterns ("https://*.example.com/app/*"), so the
// registry picks an adapter with the same patterns the manifest grants, and tests need no browser.
// Supported: scheme http, https or * (either of the two), host exact / "*" / "*.domain",
// path glob where * is any run of characters. The path is matched against path + query,
// as browsers do; the fragment never counts.

interface MatchPattern {
  schemes: readonly string[];
  host: string;
  anySubdomain: boolean;
  path: RegExp;
}

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(\/.*)$/;

function globToRegExp(glob: string): RegExp {
  const escaped = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/** The parsed pattern, or null when it is not one this matcher supports. */
export function parseMatchPattern(pattern: string): MatchPattern | null {
  const m = PATTERN.exec(pattern);
  if (!m) return null;
  const [, scheme = '', host = '', path = '/'] = m;
  const anySubdomain = host.startsWith('*.');
  return {
    schemes: scheme === '*' ? ['http:', 'https:'] : [`${scheme}:`],
    host: (anySubdomain ? host.slice(2) : host).toLowerCase(),
    anySubdomain,
    path: globToRegExp(path),
  };
}

/** Whether `url` is one of the pages `pattern` names. An unsupported pattern matches nothing. */
export function matchesPattern(pattern: string, url: URL): boolean {
  const parsed = parseMatchPattern(pattern);
  if (!parsed || !parsed.schemes.includes(url.protocol)) return false;
  const hostname = url.hostname.toLowerCase();
  const hostOk =
    parsed.host === '*' ||
    hostname === parsed.host ||
    (parsed.anySubdomain && hostname.endsWith(`.${parsed.host}`));
  return hostOk && parsed.path.test(url.pathname + url.search);
}
