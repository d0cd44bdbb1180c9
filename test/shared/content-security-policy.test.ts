import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../shared/content-security-policy';

/** The policy as directive -> sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

describe('the Content Security Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('loads nothing but our own files: no remote origin, no inline or eval\'d script, no plugins, no framing', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const sources of csp.values()) {
      for (const s of sources) expect(s, s).not.toMatch(/^(https?:|\*|'unsafe-inline'|'unsafe-eval'|ws:|wss:)/);
    }
  });

  it('is written into the built page too (file:// pages get no headers), without the directive a meta tag ignores', () => {
    expect(directives(CONTENT_SECURITY_POLICY_META).has('frame-ancestors')).toBe(false);
    const built = 'dist/renderer/index.html';
    if (!existsSync(built)) return;
    const html = readFileSync(built, 'utf8').replace(/&#39;/g, "'");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}">`);
    // Every script and stylesheet the page loads is one of its own files.
    for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(m[1], m[1]).toMatch(/^\.\/assets\//);
  });
});
