import { readFileSync } from 'node:fs';
import { verifyEvidence } from '../lib/store/evidence';

// Offline check of a Heed evidence pack: `npm run verify-evidence FILE [-- --expect-key FINGERPRINT]`.
// Recomputes the payload's SHA-256 checksum and every link of the audit hash chain, checks the team key's
// Ed25519 signature over the payload (or says the pack is unsigned) and the signature of every team bundle
// applied; prints the signing key's fingerprint. With --expect-key the pack must be signed by exactly that key:
// anyone can sign an edited pack with a key of their own, so the fingerprint is what tells the team's key apart.
// Exit code 0 when intact, 1 when anything is broken, 2 when the file cannot be read.

const args = process.argv.slice(2);
let file: string | undefined;
let expectKey: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i] as string;
  if (a === '--expect-key') expectKey = args[++i];
  else if (a.startsWith('--expect-key=')) expectKey = a.slice('--expect-key='.length);
  else if (file === undefined) file = a;
}
if (!file || (args.includes('--expect-key') && !expectKey)) {
  console.error('Usage: npm run verify-evidence FILE [-- --expect-key FINGERPRINT]');
  process.exit(2);
}
let raw: unknown;
try {
  raw = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
const verdict = await verifyEvidence(raw, expectKey !== undefined ? { expectKey } : {});
for (const line of verdict.lines) console.log(line);
console.log(verdict.ok ? `${file}: intact` : `${file}: BROKEN`);
process.exit(verdict.ok ? 0 : 1);
