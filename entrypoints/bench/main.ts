import { benchSuite } from '@/bench/suite';
import { workerPageBench } from '@/bench/worker-page';

// Only built by `npm run bench` (wxt build --mode bench); the runner calls these through page.evaluate.
(globalThis as { heedBench?: typeof benchSuite }).heedBench = benchSuite;
(globalThis as { heedWorkerBench?: typeof workerPageBench }).heedWorkerBench = workerPageBench;
