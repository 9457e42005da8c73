import type { BenchEngine } from '../benchEngine.js';
import { memoryBenchEngine } from './memory.js';
import { postgresBenchEngine } from './postgres.js';
import { sqliteBenchEngine } from './sqlite.js';

/** Every engine the benchmark knows, in the order results are printed. */
export const benchEngines: readonly BenchEngine[] = [
  memoryBenchEngine,
  sqliteBenchEngine,
  postgresBenchEngine,
];
