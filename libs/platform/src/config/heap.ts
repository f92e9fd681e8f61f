// The heap's growth between full collections, set at start from HEAP_GROWING_PERCENT. V8's own factor lets a
// process that allocates fast and keeps little (a GraphQL service under load) grow its old generation up to four
// times what the last full collection kept before collecting again: under 32 query clients the API's RSS reached
// 350 MiB while about 60 MiB was live (BENCHMARKS.md, "The API's RSS"). A smaller factor collects sooner; it is
// a factor, not a ceiling, so a request that really needs more memory still gets it.
import { setFlagsFromString } from 'node:v8';

/** Sets V8's heap growing factor to 1 + percent/100 for this process and its worker threads; 0 leaves V8's own. */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
