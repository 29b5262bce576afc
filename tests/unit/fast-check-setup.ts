import fc from 'fast-check';

// CI runs every property test from one fixed seed, so a red run is reproducible and a new counterexample never
// blocks an unrelated change by chance. Locally, HEED_FC_SEED=random explores fresh inputs on each run.
const seed = process.env.HEED_FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed ? Number(seed) : 20261129 });
