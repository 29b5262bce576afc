// What an IndexedDB read costs the page's garbage collector, by the shape of the value read (issue 18, lookup
// p99; docs/architecture-scale.md, "What the browser's trace says"). No Heed code: in the extension's page (any
// page would do), 2,048 records of the same 244 email addresses in four shapes — an array of strings, one joined
// string, a typed array of the characters, nothing (a missing key) — are each read 5,000 times, one transaction
// per read as a lookup does, under Chromium's trace; printed per shape: the time, and the collector's own count of
// scavenges, bytes allocated and promoted, and mark-compacts.
//   npx tsx bench/idb-retention.ts   (builds the bench build first: HEED_NO_BUILD=1 reuses it, HEED_BENCH_EXT_DIR
//   names another build)
import type { BrowserContext, Page } from 'playwright-core';
import { openBenchBrowser, traced } from './bench-browser';

const READS = 5000;

type Nvp = { gc: string; allocated?: number; promoted?: number };

async function tracedRead(context: BrowserContext, page: Page, script: string) {
  const { value: ms, text } = await traced(context, page, ['v8', 'disabled-by-default-v8.gc'], () =>
    page.evaluate(script),
  );
  const events = (JSON.parse(text) as { traceEvents: { name: string; args?: { value?: string } }[] })
    .traceEvents;
  const gcs = events
    .filter((e) => e.name === 'V8.GCTraceGCNVP')
    .map((e) => JSON.parse(e.args?.value ?? '{}') as Nvp);
  const s = gcs.filter((g) => g.gc === 's');
  const kb = (k: 'allocated' | 'promoted') => Math.round(s.reduce((n, g) => n + (g[k] ?? 0), 0) / 1024);
  return {
    ms: Math.round(ms as number),
    scavenges: s.length,
    allocatedKB: kb('allocated'),
    promotedKB: kb('promoted'),
    markCompacts: gcs.filter((g) => g.gc === 'mc').length,
  };
}

const OPEN = `const open = () => new Promise((res, rej) => {
  const r = indexedDB.open('idb-retention', 1);
  r.onupgradeneeded = () => r.result.createObjectStore('b');
  r.onsuccess = () => res(r.result);
  r.onerror = () => rej(r.error);
});
const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });`;

const FILL = `(async () => { ${OPEN}
  const db = await open();
  const tx = db.transaction('b', 'readwrite');
  const st = tx.objectStore('b');
  for (let k = 0; k < 2048; k++) {
    const keys = Array.from({ length: 244 }, (_, i) =>
      'person.' + (k * 1000 + i) + '.' + ((i * 2654435761) % 1000003) + '@company' + (i % 5000) + '.example').sort();
    const text = keys.join('');
    const codes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const lengths = Uint8Array.from(keys, (x) => x.length);
    st.put({ keys }, 'strings' + k);
    st.put({ text, lengths }, 'text' + k);
    st.put({ codes, lengths }, 'codes' + k);
  }
  await new Promise((r) => { tx.oncomplete = r; });
  db.close();
})()`;

const READ = (shape: string) => `(async () => { ${OPEN}
  const db = await open();
  const t0 = performance.now();
  for (let k = 0; k < ${READS}; k++) {
    await req(db.transaction('b', 'readonly').objectStore('b').get('${shape}' + ((k * 7) % 2048)));
  }
  const ms = performance.now() - t0;
  db.close();
  return ms;
})()`;

const { context, page, close } = await openBenchBrowser(process.env.HEED_BENCH_EXT_DIR);
try {
  await page.evaluate(FILL);
  for (const shape of ['strings', 'text', 'codes', 'none'])
    console.log(`${READS} reads, ${shape}:`, JSON.stringify(await tracedRead(context, page, READ(shape))));
} finally {
  await close();
}
