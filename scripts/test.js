// @ts-check
/**
 * `npm test`: every check, stopping at the first stage that fails, then a summary of what ran,
 * how long each step took and what was skipped (with the reason).
 *
 * The static checks and the unit tests run side by side: neither needs the other, and the unit
 * tests' kill tests spend much of their time waiting on the processes they kill, so two lanes
 * keep both cores of the build machine busy. The output of steps that run side by side is kept
 * and printed whole as each one ends; later stages print as they go.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

/** @typedef {{ script: string, what: string }} Step */
/** @typedef {{ script: string, what: string, seconds: number, ok: boolean, lane: number }} Result */

/** @param {string} script @param {string} what @returns {Step} */
const step = (script, what) => ({ script, what });

/** Stages run one after another; the lanes of a stage side by side, each lane's steps in order. */
const STAGES = [
  [
    [
      step('lint', 'ESLint (typed) and Prettier'),
      step('typecheck', 'TypeScript: main, preload, renderer, tests; scripts and bench (checkJs)'),
      step('security', 'Electronegativity over the Electron sources'),
    ],
    [step('test:unit', 'unit tests (vitest, Node)')],
  ],
  [[step('build', 'build (electron-vite) and prerender')]],
  [[step('test:built', 'the built main booted, the start path, the package')]],
  [[step('test:e2e', 'browser tests (Playwright, Chromium)')]],
  [[step('test:electron', 'real-Electron tests')]],
];

const skippedNote = 'test-results/electron-skipped.txt';
rmSync(skippedNote, { force: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Runs one npm script; `quiet` keeps its output and hands it back instead of printing it.
 * @param {Step} current
 * @param {boolean} quiet
 * @returns {Promise<{ ok: boolean, seconds: number, output: string }>}
 */
function run(current, quiet) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', current.script], {
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    const end = (/** @type {boolean} */ ok) =>
      resolve({
        ok,
        seconds: (Date.now() - started) / 1000,
        output: Buffer.concat(output).toString('utf8'),
      });
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      end(false);
    });
    child.on('close', (code) => end(code === 0));
  });
}

/** @type {Result[]} */
const results = [];
/** @type {string | null} */
let failed = null;
const started = Date.now();
/** @type {{ lanes: string[], seconds: number }[]} */
const sideBySide = [];

for (const lanes of STAGES) {
  if (failed) break;
  const quiet = lanes.length > 1;
  if (quiet) {
    const plan = lanes.map((lane) => lane.map((s) => s.script).join(' → ')).join('  |  ');
    console.log(`\nnpm test: side by side: ${plan}`);
  }
  const stageStart = Date.now();
  await Promise.all(
    lanes.map(async (lane, index) => {
      for (const current of lane) {
        // A failure elsewhere stops what has not started; what runs is left to finish.
        if (failed) return;
        const { ok, seconds, output } = await run(current, quiet);
        results.push({ ...current, seconds, ok, lane: index });
        if (quiet) {
          console.log(`\n── ${current.script} (${current.what}): ${ok ? 'ok' : 'FAILED'} ──`);
          process.stdout.write(output);
        }
        if (!ok) {
          failed ??= current.script;
          return;
        }
      }
    }),
  );
  if (quiet) {
    sideBySide.push({
      lanes: lanes.map((lane) => lane.map((s) => s.script).join(' → ')),
      seconds: (Date.now() - stageStart) / 1000,
    });
  }
}

const total = (Date.now() - started) / 1000;
console.log('\nnpm test: where the time went');
const order = STAGES.flat(2).map((s) => s.script);
results.sort((a, b) => order.indexOf(a.script) - order.indexOf(b.script));
for (const { script, what, seconds, ok } of results) {
  console.log(
    `  ${ok ? 'ok  ' : 'FAIL'} ${seconds.toFixed(1).padStart(6)} s  ${script.padEnd(14)} ${what}`,
  );
}
for (const script of order.filter((s) => !results.some((r) => r.script === s)))
  console.log(`  --   ${''.padStart(8)}  ${script} (not run)`);
for (const { lanes, seconds } of sideBySide)
  console.log(`  (${lanes.join(' | ')}: side by side, ${seconds.toFixed(1)} s in all)`);
console.log(`  total ${total.toFixed(1)} s`);
if (existsSync(skippedNote)) console.log(`\nSkipped: ${readFileSync(skippedNote, 'utf8').trim()}`);
if (failed) {
  console.log(`\nFailed at: ${failed}`);
  process.exit(1);
}
