import { readFileSync } from 'node:fs';
import { verifyEvidence } from '../lib/store/evidence';

// Offline check of a Heed evidence pack: `npm run verify-evidence FILE`. Recomputes the payload's SHA-256
// checksum and every link of the audit hash chain; prints "intact" or the first broken entry. Exit code 0
// when intact, 1 when broken, 2 when the file cannot be read.

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run verify-evidence FILE');
  process.exit(2);
}
let raw: unknown;
try {
  raw = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
const verdict = verifyEvidence(raw);
for (const line of verdict.lines) console.log(line);
console.log(verdict.ok ? `${file}: intact` : `${file}: BROKEN`);
process.exit(verdict.ok ? 0 : 1);
