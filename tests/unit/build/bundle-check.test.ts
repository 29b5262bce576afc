import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The static no-network check must catch what it claims to: plant each forbidden thing in a fake build.
function fakeBuild(backgroundJs: string, csp = "script-src 'self'; connect-src 'self'"): string {
  const dir = mkdtempSync(join(tmpdir(), 'heed-bundle-'));
  mkdirSync(join(dir, 'content-scripts'));
  writeFileSync(join(dir, 'content-scripts/annotate.js'), 'console.log(1)');
  writeFileSync(join(dir, 'background.js'), backgroundJs);
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ content_security_policy: { extension_pages: csp } }),
  );
  return dir;
}
const check = (dir: string) => spawnSync('node', ['tests/bundle-check.mjs', dir], { encoding: 'utf8' });

describe('bundle check', () => {
  it('passes a clean build', () => {
    expect(check(fakeBuild('const a = 1;')).status).toBe(0);
  });
  it.each([
    ['fetch', "fetch('/x')"],
    ['XMLHttpRequest in the content path', 'new XMLHttpRequest()'.replace('new', 'let x = new')],
    ['WebSocket', "new WebSocket('wss://x')"],
    ['sendBeacon', "navigator.sendBeacon('/x')"],
    ['EventSource', "new EventSource('/x')"],
    ['a remote URL', "const u = 'https://collector.example/track'"],
  ])('fails on %s', (_name, code) => {
    const dir = fakeBuild(code);
    // XMLHttpRequest is allowlisted in background.js (papaparse); plant it in the content script instead.
    if (code.includes('XMLHttpRequest')) writeFileSync(join(dir, 'content-scripts/annotate.js'), code);
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/problem/);
  });
  it('holds every content script the manifest declares to the size budget', () => {
    const dir = fakeBuild('const a = 1;');
    // Random digits barely compress: 60,000 of them are well over 15 KB gzipped.
    let digits = '';
    for (let i = 0; i < 60_000; i++) digits += Math.floor(Math.random() * 10);
    writeFileSync(join(dir, 'content-scripts/rows.js'), `const s = '${digits}';`);
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        content_security_policy: { extension_pages: "script-src 'self'; connect-src 'self'" },
        content_scripts: [{ js: ['content-scripts/annotate.js', 'content-scripts/rows.js'] }],
      }),
    );
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content-scripts/rows.js is');
  });
  it('fails when the CSP allows connections elsewhere', () => {
    const r = check(fakeBuild('const a = 1;', "script-src 'self'; connect-src *"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('connect-src');
  });
});
