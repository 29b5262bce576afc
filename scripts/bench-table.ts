// `npm run bench:table [-- FILE.json] [--write]`: the README's performance table from a bench run's JSON (the newest
// in bench/results/ unless a file is named). Prints it; --write puts it between the README's bench-table markers,
// and only from a full run (HEED_BENCH_N at least 1,000,000, the default) unless --partial is given too.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchJson, markdownTable } from '../bench/targets';

const root = fileURLToPath(new URL('..', import.meta.url));
const START = '<!-- bench-table:start (npm run bench:table -- --write) -->';
const END = '<!-- bench-table:end -->';

function newestResult(): string {
  const dir = join(root, 'bench/results');
  const files = readdirSync(dir)
    .filter((f) => /^bench-.*\.json$/.test(f))
    .sort();
  const last = files.at(-1);
  if (!last) throw new Error('No bench results in bench/results/: run npm run bench first.');
  return join(dir, last);
}

/** The README with the table between the markers (which must be there, once each). */
export function withTable(readme: string, table: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a || readme.indexOf(START, a + 1) >= 0) {
    throw new Error(`README.md needs one "${START}" line followed by one "${END}" line.`);
  }
  return `${readme.slice(0, a + START.length)}\n${table}\n${readme.slice(b)}`;
}

function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--')) ?? newestResult();
  const json = JSON.parse(readFileSync(file, 'utf8')) as BenchJson & { chromium?: string };
  const table = markdownTable(json, json.chromium);
  console.log(table);
  if (!args.includes('--write')) return;
  if (json.n < 1_000_000 && !args.includes('--partial')) {
    console.error(
      `\nNot written: ${file} is a partial run (HEED_BENCH_N=${json.n}). The README shows full runs; add --partial to write it anyway.`,
    );
    process.exit(1);
  }
  const readmePath = join(root, 'README.md');
  writeFileSync(readmePath, withTable(readFileSync(readmePath, 'utf8'), table));
  console.error(`\nREADME.md updated from ${file}.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
