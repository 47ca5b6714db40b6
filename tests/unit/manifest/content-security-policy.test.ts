import { describe, expect, it } from 'vitest';
import config from '@/wxt.config';
import { EXTENSION_PAGES_CSP } from '@/lib/manifest/content-security-policy';

type ManifestFn = (env: {
  mode: string;
  browser: string;
  command: 'build' | 'serve';
  manifestVersion: 2 | 3;
}) => { content_security_policy?: { extension_pages?: string } };

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe("the extension pages' content-security policy", () => {
  it.each(['chrome', 'firefox'])('is the strict one in every %s build', (browser) => {
    const manifest = (config.manifest as ManifestFn)({
      mode: 'production',
      browser,
      command: 'build',
      manifestVersion: 3,
    });
    expect(manifest.content_security_policy?.extension_pages).toBe(EXTENSION_PAGES_CSP);
  });

  it('runs and fetches only what the extension ships, and nothing frames or plugs in', () => {
    const csp = directives(EXTENSION_PAGES_CSP);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'"); // no eval, no inline, no remote code
    expect(csp.get('connect-src')).toBe("'self'"); // no network
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
  });
});
