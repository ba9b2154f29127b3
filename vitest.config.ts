import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Vitest's default is one file per core but one (so one file at a time on the 2-core build
    // machine). The two kill tests spend most of their time waiting on child processes they
    // start and kill, so at least three files at a time keep two cores busy: 105 s → 61 s for
    // the whole unit run there.
    maxWorkers: Math.max(3, availableParallelism() - 1),
  },
});
