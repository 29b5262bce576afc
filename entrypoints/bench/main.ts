import { benchSuite } from '@/bench/suite';

// Only built by `npm run bench` (wxt build --mode bench); the runner calls these through page.evaluate.
(globalThis as { heedBench?: typeof benchSuite }).heedBench = benchSuite;
