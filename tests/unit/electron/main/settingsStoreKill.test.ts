/**
 * The settings store killed mid-save: a child process saves large settings in a tight loop and
 * is killed (SIGKILL) at a random moment, again and again over the same data folder, on a plain
 * folder and on a nearly full disk. Both files always parse and validate, and hold the old or the
 * new content, never older than what was on disk. In a file of its own so it runs beside the
 * other unit tests (it spends most of its time waiting on child processes).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { SettingsSchema, type Settings } from '../../../../contract';
import { checkFile, openSettingsStore } from '../../../../electron/main/settingsStore';
import {
  GOOD_COPY_FILE_NAME,
  SETTINGS_FILE_NAME,
  makeDocument,
  serializeDocument,
} from '../../../../electron/main/storeOptions';
import { killTestSeed, seededRandom } from '../../../support/seededRandom';
import { withSmallDisk, type SmallDisk } from './fixtures/smallDisk';

const here = path.dirname(fileURLToPath(import.meta.url));
/**
 * A guard against a hang, not a timing check: the kills take 30–70 s on two busy cores while the
 * other unit tests run beside them.
 */
const KILL_TEST_TIMEOUT_MS = 300_000;
const now = () => new Date('2026-11-27T10:00:00.123Z');

const tempDirs: string[] = [];
function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-settings-kill-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Keep in sync with makeVariant() in fixtures/saveWorker.mjs. */
function makeVariant(n: number): Settings {
  const filler = (tag: string) => `${tag} ${n} `.repeat(400).trim();
  return {
    idleTimeoutSeconds: 10 + (n % 3000),
    defaultLanguage: n % 2 === 0 ? 'en' : 'es',
    transition: (['fade', 'slide', 'cut'] as const)[n % 3] ?? 'fade',
    showProgressBar: n % 2 === 0,
    readingWordsPerMinute: 150,
    mode: 'loop',
    audienceDisplayId: null,
    presenterDisplayId: null,
    nightlyRestartHour: n % 24,
    playLogRetentionDays: 7 + (n % 300),
    clinic: {
      name: `Variant ${n}`,
      location: 'Waiting room',
      phone: '',
      webAddress: '',
      about: Array.from({ length: 6 }, (_, k) => ({ en: filler(`en${k}`), es: filler(`es${k}`) })),
      crisisLines: [{ en: `Call ${n}.`, es: `Llame al ${n}.` }],
    },
    contentReviews: [
      { language: 'en', contentVersion: '1.1.0', reviewer: `Dr ${n}`, reviewedOn: '2026-11-28' },
    ],
    playlists: [
      {
        id: 'waiting-room',
        name: `Waiting room ${n}`,
        entries: [{ slideId: 'welcome', enabled: true, durationSeconds: 3 + (n % 500) }],
      },
    ],
    defaultPlaylistId: 'waiting-room',
    customSlides: [],
    schedule: {
      weekly: [
        {
          id: `rule-${n}`,
          days: [n % 7],
          start: '08:00',
          end: '18:00',
          target: { kind: 'closed' },
        },
      ],
      dateRanges: [],
      closedDisplay: n % 2 === 0 ? 'card' : 'dark',
    },
  };
}

describe('openSettingsStore: killed mid-save', () => {
  const workerScript = path.join(here, 'fixtures', 'saveWorker.mjs');
  let bundleDir = '';
  let bundlePath = '';
  /** KILL_TEST_SEED=<n> replays a run's delays and free-space choices. */
  const seed = killTestSeed();

  beforeAll(async () => {
    // A plain Node child cannot import TypeScript on Node 20: bundle the real store
    // module (with zod) into one ESM file the worker can import.
    bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-settings-bundle-'));
    bundlePath = path.join(bundleDir, 'settingsStore.mjs');
    await build({
      input: path.resolve(here, '../../../../electron/main/settingsStore.ts'),
      platform: 'node',
      logLevel: 'silent',
      output: { file: bundlePath, format: 'esm' },
    });
  }, 60_000);

  afterAll(() => {
    if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
  });

  /** Workers not yet killed: a failing test kills them too, so none outlives it. */
  const running = new Set<ReturnType<typeof spawn>>();
  afterEach(() => {
    for (const child of running) child.kill('SIGKILL');
    running.clear();
  });

  interface RunReport {
    /** The worker saw a save refused (full disk) before it was killed. */
    refused: boolean;
  }

  /**
   * Starts a worker, waits until it is saving, kills it after `delayMs`. `capacity`: the
   * worker's own stand-in for a small disk (bytes the folder may hold) when no tmpfs could be
   * mounted.
   */
  function runAndKill(
    directory: string,
    first: number,
    delayMs: number,
    capacity?: number,
  ): Promise<RunReport> {
    return new Promise((resolve, reject) => {
      const args = [workerScript, bundlePath, directory, String(first)];
      if (capacity !== undefined) args.push(String(capacity));
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      running.add(child);
      let stderr = '';
      let stdout = '';
      let ready = false;
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (ready || !stdout.includes('ready')) return;
        ready = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        running.delete(child);
        if (signal === 'SIGKILL' && ready) resolve({ refused: stdout.includes('refused') });
        else reject(new Error(`worker exited early (code ${code}, signal ${signal}): ${stderr}`));
      });
    });
  }

  interface KillTest {
    kills: number;
    parallel: number;
    /** Runs one slot's whole loop inside `use(directory)` (a plain folder, or a small disk). */
    slot(index: number, use: (directory: string) => Promise<void>): Promise<void>;
    /** Before each run: e.g. leave a random amount of free space. Returns a stand-in capacity. */
    beforeRun?(directory: string, random: () => number): number | undefined;
  }

  async function killTest(test: KillTest) {
    const random = seededRandom(seed);
    onTestFailed(() => {
      console.log(`kill test failed with KILL_TEST_SEED=${seed} (set it to replay the delays)`);
    });
    let kills = 0;
    let interruptedWrites = 0;
    let changes = 0;
    let refusedRuns = 0;
    /** Set by the first slot that fails: the others stop after their current run. */
    let failed = false;

    const loop = async (index: number, directory: string) => {
      openSettingsStore({ directory, now }).save(makeVariant(0));
      let last = 0;
      let next = 1;
      while (kills < test.kills && !failed) {
        kills++;
        const capacity = test.beforeRun?.(directory, random);
        const delayMs = Math.floor(random() * 25);
        const report = await runAndKill(directory, next, delayMs, capacity);
        if (report.refused) refusedRuns++;

        const names = fs.readdirSync(directory);
        if (names.some((name) => name.includes('.tmp-'))) interruptedWrites++;
        // Before anything repairs them, both files must parse and validate.
        const live = checkFile(path.join(directory, SETTINGS_FILE_NAME));
        const good = checkFile(path.join(directory, GOOD_COPY_FILE_NAME));
        const where = `seed ${seed}, slot ${index}, kill ${kills}`;
        expect(live.kind, `${where}: live ${JSON.stringify(live)}`).toBe('ok');
        expect(good.kind, `${where}: good ${JSON.stringify(good)}`).toBe('ok');

        const store = openSettingsStore({ directory, now, warn: () => undefined });
        expect(store.recovery, where).toBeNull();
        expect(SettingsSchema.safeParse(store.settings).success).toBe(true);
        const n = Number(/^Variant (\d+)$/.exec(store.settings.clinic.name)?.[1]);
        expect(store.settings).toEqual(makeVariant(n));
        // Old or new content, never older than what was already on disk.
        expect(n, where).toBeGreaterThanOrEqual(last);
        if (n !== last) changes++;
        last = n;
        next = n + 1_000;
        expect(
          names.filter((name) => name.includes('corrupt')),
          where,
        ).toEqual([]);
      }
    };

    const started = Date.now();
    // Every slot ends (and unmounts its disk) before the test does, even when one fails.
    const slots = await Promise.allSettled(
      Array.from({ length: test.parallel }, (_, index) =>
        test.slot(index, (directory) =>
          loop(index, directory).catch((error: unknown) => {
            failed = true;
            throw error;
          }),
        ),
      ),
    );
    const failure = slots.find((slot) => slot.status === 'rejected');
    if (failure) throw failure.reason;
    console.log(
      `kill test (seed ${seed}): ${kills} kills in ${Date.now() - started} ms, ` +
        `${interruptedWrites} left a temp file (killed mid-write), ${changes} changed the file, ` +
        `${refusedRuns} saw a save refused for want of space`,
    );
    expect(kills).toBeGreaterThanOrEqual(test.kills);
    expect(interruptedWrites).toBeGreaterThan(0);
    return { changes, refusedRuns };
  }

  it(
    'never leaves a corrupt or lost file (210 kills)',
    async () => {
      await killTest({
        kills: 210,
        parallel: 6,
        slot: (_index, use) => use(makeTempDir()),
      });
    },
    KILL_TEST_TIMEOUT_MS,
  );

  it(
    'never leaves a corrupt or lost file on a nearly full disk (60 kills)',
    async () => {
      const documentBytes = serializeDocument(makeDocument(makeVariant(99_999))).length;
      const result = await killTest({
        kills: 60,
        parallel: 3,
        slot: (index, use) =>
          withSmallDisk(`kill test slot ${index}, nearly full`, 1024 * 1024, async (disk) => {
            const directory = path.join(disk.directory, 'data');
            fs.mkdirSync(directory);
            slotDisks.set(directory, disk);
            await use(directory);
          }),
        // Between one and three documents free: some saves fit both files, some one, some none.
        beforeRun(directory, random) {
          const disk = slotDisks.get(directory);
          if (!disk) throw new Error('no disk for the slot');
          const free = Math.floor(documentBytes * (1 + 2 * random()));
          if (disk.kind === 'tmpfs') {
            disk.release();
            disk.leaveFree(free);
            return undefined;
          }
          return usedBytes(directory) + free;
        },
      });
      expect(result.refusedRuns).toBeGreaterThan(0);
      expect(result.changes).toBeGreaterThan(0);
    },
    KILL_TEST_TIMEOUT_MS,
  );
});

const slotDisks = new Map<string, SmallDisk>();

/** Bytes the files in `directory` hold (the stand-in small disk's "used"). */
function usedBytes(directory: string): number {
  return fs
    .readdirSync(directory)
    .reduce((sum, name) => sum + fs.statSync(path.join(directory, name)).size, 0);
}
