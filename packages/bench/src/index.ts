/**
 * `@clientele/bench`: the workloads behind `pnpm bench` and the engine adapters they run on.
 *
 * @packageDocumentation
 */
export type { BenchEngine, OpenedStore } from './benchEngine.js';
export { benchEngines } from './engines/index.js';
export { workloads, baseSizes } from './workloads/index.js';
export type { Workload, WorkloadResult, WorkloadSizes } from './workloads/index.js';
