// `npm test`: every check in order, stopping at the first failure, with each step's time.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['unit tests', 'npm', ['run', '-s', 'test:unit']],
  ['build (Chrome)', 'npm', ['run', '-s', 'build']],
  ['bundle check (no network, content-script budget)', 'node', ['tests/bundle-check.mjs']],
  ['zips: addons-linter on Firefox, Chromium loads Chrome', 'npm', ['run', '-s', 'test:store']],
  ['browser tests', 'npm', ['run', '-s', 'test:e2e']],
  ['Firefox: build and browser tests', 'npm', ['run', '-s', 'test:firefox']],
];

const started = Date.now();
for (const [name, cmd, args] of steps) {
  const t = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed after ${secs} s`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${secs} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
