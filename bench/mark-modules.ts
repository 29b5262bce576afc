// For bench/worker-start.ts: rewrites an unminified build's background.js so each bundled module marks its start
// (performance.mark('m:<path>') after the bundler's `// <path>` comment that opens it); the worker-start bench then
// prints each module's evaluation time. Usage:
//   HEED_NOMINIFY=1 npx wxt build --mode bench && cp -r .output/chrome-mv3-bench /tmp/marked
//   npx tsx bench/mark-modules.ts /tmp/marked
//   HEED_BENCH_EXT_DIR=/tmp/marked HEED_BENCH_ONLY=worker-start npm run bench
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx bench/mark-modules.ts <extension dir>');
const file = join(dir, 'background.js');
const out: string[] = [];
let marks = 0;
for (const line of readFileSync(file, 'utf8').split('\n')) {
  out.push(line);
  const m = /^\t\/\/ ((?:node_modules|lib|entrypoints|\\0)\S*)\s*$/.exec(line);
  if (m) {
    out.push(`\tperformance.mark(${JSON.stringify(`m:${m[1]}`)});`);
    marks++;
  }
}
if (marks === 0) throw new Error('no module comments found: build with HEED_NOMINIFY=1');
writeFileSync(file, out.join('\n'));
console.log(`${marks} modules marked in ${file}`);
