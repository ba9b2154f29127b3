/**
 * The play log killed mid-append: a child process reports and flushes as fast as it can and is
 * killed (SIGKILL) at a random moment, again and again over the same data folder. Every record
 * a flush had finished is still there, nothing written before is changed, and at most the one
 * line cut by each kill is skipped.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { parseRecords } from '../../../../../electron/main/playLog/playRecords';
import { killTestSeed, seededRandom } from '../../../../support/seededRandom';

const here = path.dirname(fileURLToPath(import.meta.url));
/**
 * A guard against a hang, not a timing check: the kills take 30–70 s on two busy cores while the
 * other unit tests run beside them.
 */
const KILL_TEST_TIMEOUT_MS = 300_000;
const KILLS = 200;
const PARALLEL = 5;
const workerScript = path.join(here, '..', 'fixtures', 'playLogWorker.mjs');
let bundleDir = '';
let bundlePath = '';
const folders: string[] = [];

beforeAll(async () => {
  // A plain Node child cannot import TypeScript on Node 20: bundle the real module.
  bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-playlog-bundle-'));
  bundlePath = path.join(bundleDir, 'playLogService.mjs');
  await build({
    input: path.resolve(here, '../../../../../electron/main/playLog/playLogService.ts'),
    platform: 'node',
    logLevel: 'silent',
    output: { file: bundlePath, format: 'esm' },
  });
}, 60_000);

afterAll(() => {
  for (const folder of [bundleDir, ...folders]) {
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  }
});

/** Every day file's bytes, by name. */
function snapshot(directory: string): Map<string, Buffer> {
  const days = path.join(directory, 'play-log', 'days');
  if (!fs.existsSync(days)) return new Map();
  return new Map(
    fs.readdirSync(days).map((name) => [name, fs.readFileSync(path.join(days, name))]),
  );
}

function runAndKill(directory: string, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerScript, bundlePath, directory], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let ready = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!ready && stdout.includes('ready')) {
        ready = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' || !ready) {
        reject(new Error(`worker exited early (code ${code}, signal ${signal}): ${stderr}`));
        return;
      }
      const flushed = [...stdout.matchAll(/flushed (\d+)\n/g)].map((match) => Number(match[1]));
      resolve(flushed.at(-1) ?? 0);
    });
  });
}

describe('the play log killed mid-append', () => {
  it(
    `keeps every flushed record and changes nothing written before (${KILLS} kills)`,
    async () => {
      /** KILL_TEST_SEED=<n> replays a run's kill delays (their order across slots follows timing). */
      const seed = killTestSeed();
      const random = seededRandom(seed);
      onTestFailed(() => {
        console.log(`play log kill test failed with KILL_TEST_SEED=${seed}`);
      });
      let kills = 0;
      let torn = 0;
      async function slot() {
        const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-playlog-kill-'));
        folders.push(directory);
        let mustHave = 0;
        while (kills < KILLS) {
          kills += 1;
          const before = snapshot(directory);
          mustHave += await runAndKill(directory, Math.floor(random() * 60));
          const after = snapshot(directory);
          // Appends only: every file that was there starts with exactly what it held.
          for (const [name, bytes] of before) {
            expect(after.get(name)?.subarray(0, bytes.length).equals(bytes), name).toBe(true);
          }
          let plays = 0;
          let skipped = 0;
          for (const bytes of after.values()) {
            const parsed = parseRecords(bytes.toString('utf8'));
            plays += parsed.records.filter((record) => record.type === 'play').length;
            skipped += parsed.skipped;
          }
          // At most one cut line per kill so far, and no flushed play missing.
          expect(skipped).toBeLessThanOrEqual(kills);
          expect(plays).toBeGreaterThanOrEqual(mustHave);
          torn = Math.max(torn, skipped);
        }
      }
      const started = Date.now();
      await Promise.all(Array.from({ length: PARALLEL }, () => slot()));
      console.log(
        `play log kill test (seed ${seed}): ${kills} kills in ${Date.now() - started} ms; up to ${torn} cut lines in one folder`,
      );
      expect(kills).toBeGreaterThanOrEqual(KILLS);
    },
    KILL_TEST_TIMEOUT_MS,
  );
});
