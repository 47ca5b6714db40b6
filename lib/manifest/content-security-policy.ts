/**
 * The content-security policy of the extension's own pages (side panel, dashboard) and of
 * its service worker. Only the extension's own files run, load or are fetched: no remote
 * code, no eval, no network, no plugins, and no page may frame ours.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Our own files only (a service worker may fetch what the extension ships); never the web.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `wxt` (dev mode) rewrites script-src for its dev server and talks to it over a socket, so
 *  development keeps the browser's default policy; every build gets the strict one. */
export function extensionPagesCsp(command: 'build' | 'serve'): string {
  return command === 'build' ? EXTENSION_PAGES_CSP : "script-src 'self'; object-src 'self'";
}
