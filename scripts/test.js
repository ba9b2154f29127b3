// @ts-check
/**
 * `npm test`: every check in order, stopping at the first that fails, then a summary of what
 * ran, how long each step took and what was skipped (with the reason).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

/** @type {[script: string, what: string][]} */
const STEPS = [
  ['lint', 'ESLint and Prettier'],
  ['typecheck', 'TypeScript: main, preload, renderer, tests; scripts and bench (checkJs)'],
  ['security', 'Electronegativity over the Electron sources'],
  ['test:unit', 'unit tests (vitest, Node)'],
  ['build', 'build (electron-vite) and prerender'],
  ['test:built', 'the built main booted, the start path, the package'],
  ['test:e2e', 'browser tests (Playwright, Chromium)'],
  ['test:electron', 'real-Electron tests'],
];

const skippedNote = 'test-results/electron-skipped.txt';
rmSync(skippedNote, { force: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];
let failed = null;
const started = Date.now();
for (const [script, what] of STEPS) {
  const stepStart = Date.now();
  const run = spawnSync(npm, ['run', '--silent', script], { stdio: 'inherit' });
  const seconds = (Date.now() - stepStart) / 1000;
  results.push({ script, what, seconds, ok: run.status === 0 });
  if (run.status !== 0) {
    failed = script;
    break;
  }
}

const total = (Date.now() - started) / 1000;
console.log('\nnpm test: where the time went');
for (const { script, what, seconds, ok } of results) {
  console.log(
    `  ${ok ? 'ok  ' : 'FAIL'} ${seconds.toFixed(1).padStart(6)} s  ${script.padEnd(14)} ${what}`,
  );
}
for (const [script] of STEPS.slice(results.length))
  console.log(`  --   ${''.padStart(8)}  ${script} (not run)`);
console.log(`  total ${total.toFixed(1)} s`);
if (existsSync(skippedNote)) console.log(`\nSkipped: ${readFileSync(skippedNote, 'utf8').trim()}`);
if (failed) {
  console.log(`\nFailed at: ${failed}`);
  process.exit(1);
}
