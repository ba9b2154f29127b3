import { defineConfig } from 'vitest/config';

/**
 * Tests of what `npm run build` leaves in out/: the built main booted with a double of the
 * `electron` module, the start path against a local stand-in Electron mirror, and the package.
 * `npm test` runs them right after the build.
 */
export default defineConfig({
  test: {
    include: ['tests/built/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
