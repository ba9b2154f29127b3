/**
 * Random choices a failing test can replay: a small seeded generator (mulberry32), and the seed
 * of a run, taken from KILL_TEST_SEED when set. The kill tests print the seed when they fail.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** KILL_TEST_SEED=<n> replays a run; otherwise a new seed each run. */
export function killTestSeed(): number {
  const given = process.env['KILL_TEST_SEED'];
  return given === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(given);
}
