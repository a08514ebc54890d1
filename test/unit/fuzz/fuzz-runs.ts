/** How many inputs each property tries: `npm run test:fuzz` asks for 10,000, CI for a few hundred. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/**
 * The same inputs on every CI run, so a failure can be replayed; `FUZZ_SEED=random`
 * (what `npm run test:fuzz` uses) explores new ones, and prints the seed on failure.
 */
export const FUZZ_SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261123);

export const fuzzOptions = () => (FUZZ_SEED === undefined ? { numRuns: FUZZ_RUNS } : { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
