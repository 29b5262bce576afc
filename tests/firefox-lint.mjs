// Builds and zips the Firefox extension, then runs Mozilla's addons-linter on the zip (offline).
// Fails on any error; warnings are printed (the threat-model issue tightens this to --warnings-as-errors).
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

execFileSync('npx', ['wxt', 'zip', '-b', 'firefox'], { stdio: 'inherit' });
const zip = readdirSync('.output').find((f) => f.endsWith('-firefox.zip'));
if (!zip) throw new Error('no Firefox zip in .output/');
const r = spawnSync('npx', ['addons-linter', '--output', 'json', `.output/${zip}`], { encoding: 'utf8' });
const report = JSON.parse(r.stdout);
for (const m of [...report.errors, ...report.warnings]) {
  console.log(`${m._type.toUpperCase()} ${m.code}: ${m.message} ${m.file ?? ''}`);
}
console.log(
  `addons-linter: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`,
);
process.exit(report.summary.errors === 0 ? 0 : 1);
