import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ISOLATION_HEADERS,
  contentSecurityPolicy,
  parseBasemapOrigins,
  securityHeaders,
} from './security-headers';

/** The policy as a map from directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows WebAssembly compilation but no JavaScript eval, no inline code, only own-origin workers', () => {
    const d = directives(contentSecurityPolicy());
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('worker-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toMatch(/'unsafe-eval'|'unsafe-inline'|blob:|\*/);
  });

  it('locks network, framing, plugins, base and forms down', () => {
    const d = directives(contentSecurityPolicy());
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.has('report-uri')).toBe(false);
  });

  it('adds only the opted-in basemap origins, to connect-src and img-src', () => {
    const d = directives(
      contentSecurityPolicy({ basemapOrigins: ['https://tiles.example.org'], reportPath: '/r' }),
    );
    expect(d.get('connect-src')).toEqual(["'self'", 'https://tiles.example.org']);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'https://tiles.example.org']);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('report-uri')).toEqual(['/r']);
  });
});

describe('parseBasemapOrigins', () => {
  it('reads origins separated by spaces or commas', () => {
    expect(parseBasemapOrigins(undefined)).toEqual([]);
    expect(parseBasemapOrigins('')).toEqual([]);
    expect(parseBasemapOrigins('https://a.example.org, https://b.example.org:8443/')).toEqual([
      'https://a.example.org',
      'https://b.example.org:8443',
    ]);
  });

  it('rejects anything that would widen the policy beyond an origin', () => {
    for (const bad of [
      '*',
      'https://*.example.org',
      'https://a.example.org/tiles',
      "'unsafe-eval'",
      'data:',
      'ftp://x.org',
      'example.org',
    ]) {
      expect(() => parseBasemapOrigins(bad), bad).toThrow(/SASARAN_BASEMAP_ORIGIN/);
    }
  });
});

describe('README deployment snippets', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

  it('carry exactly the policy and headers the preview server sends', () => {
    const policy = contentSecurityPolicy();
    // Netlify _headers and nginx both quote the same policy text.
    expect(readme).toContain(`Content-Security-Policy: ${policy}`);
    expect(readme).toContain(`add_header Content-Security-Policy "${policy}" always;`);
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) {
      expect(readme).toContain(`${name}: ${value}`);
      expect(readme).toContain(`add_header ${name} "${value}" always;`);
    }
    expect(Object.keys(securityHeaders())).toHaveLength(Object.keys(ISOLATION_HEADERS).length + 1);
  });
});
