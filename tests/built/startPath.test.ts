/**
 * `npm start`'s path after the build (scripts/start.js): Electron's own installer fetches
 * Electron from ELECTRON_MIRROR (here a stand-in served from 127.0.0.1), then electron-vite
 * starts it on the built main. Run against a scratch copy of node_modules/electron.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanEnvironment,
  electronVersion,
  projectRoot,
  readRecord,
  scratchProject,
  serveMirror,
  standInFolder,
  zipName,
  type Mirror,
} from '../support/standInElectron';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function scratch(): string {
  const directory = scratchProject();
  cleanups.push(() => fs.rmSync(directory, { recursive: true, force: true }));
  return directory;
}

async function mirror(options: { refuse?: boolean } = {}): Promise<Mirror> {
  const served = await serveMirror(options);
  cleanups.push(() => served.close());
  return served;
}

/** Runs `node scripts/NAME ARGS` in `cwd`, as its npm script does (after the build). */
function runScript(cwd: string, name: string, env: NodeJS.ProcessEnv, args: string[] = []) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [`scripts/${name}`, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `npm start -- ARGS` after the build. */
const start = (cwd: string, env: NodeJS.ProcessEnv, args: string[] = []) =>
  runScript(cwd, 'start.js', env, args);

const builtMain = path.join(projectRoot, 'out/main/index.js');

/** The app the stand-in was started on: its working directory plus the app path argument. */
function startedApp(record: { cwd: string; args: string[] }): string {
  const appDirectory = path.resolve(record.cwd, record.args[0] ?? '');
  const { main } = JSON.parse(fs.readFileSync(path.join(appDirectory, 'package.json'), 'utf8')) as {
    main: string;
  };
  return fs.realpathSync(path.join(appDirectory, main));
}

describe('npm start on a fresh machine', () => {
  it('downloads Electron through ELECTRON_MIRROR with its own installer, then starts it on the built main', async () => {
    expect(fs.existsSync(builtMain)).toBe(true);
    const project = scratch();
    const served = await mirror();
    const record = path.join(project, 'started.txt');
    const result = await start(
      project,
      cleanEnvironment(project, {
        ELECTRON_MIRROR: served.url,
        electron_use_remote_checksums: '1',
        KIOSK_STANDIN_RECORD: record,
      }),
      ['--windowed'],
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code, result.stderr).toBe(0);
    expect(served.requests).toEqual(
      expect.arrayContaining([
        `/v${electronVersion}/${zipName}`,
        `/v${electronVersion}/SHASUMS256.txt`,
      ]),
    );
    // Electron's installer wrote path.txt into the scratch copy, never into the real package.
    const scratchElectron = path.join(project, 'node_modules/electron');
    expect(fs.readFileSync(path.join(scratchElectron, 'path.txt'), 'utf8')).toBe('electron');
    expect(fs.existsSync(path.join(projectRoot, 'node_modules/electron/dist/electron'))).toBe(
      fs.existsSync(path.join(projectRoot, 'node_modules/electron/path.txt')),
    );
    const started = readRecord(record);
    expect(started.cwd).toBe(project);
    expect(started.args.slice(1)).toEqual(['--windowed']);
    expect(startedApp(started)).toBe(fs.realpathSync(builtMain));

    // A second start finds the download and asks the mirror for nothing more.
    const asked = served.requests.length;
    fs.rmSync(record);
    const again = await start(
      project,
      cleanEnvironment(project, { ELECTRON_MIRROR: served.url, KIOSK_STANDIN_RECORD: record }),
    );
    expect(again.code, again.stderr).toBe(0);
    expect(served.requests).toHaveLength(asked);
    expect(readRecord(record).args).toEqual(['.']);
  });

  it('without Electron and with the mirror refusing, says what to do in a few lines and exits 1', async () => {
    const project = scratch();
    const served = await mirror({ refuse: true });
    const result = await start(
      project,
      cleanEnvironment(project, {
        ELECTRON_MIRROR: served.url,
        electron_use_remote_checksums: '1',
      }),
    );
    expect(result.code).toBe(1);
    expect(served.requests.length).toBeGreaterThan(0);
    const message = result.stderr;
    expect(message).toContain('Clinic Kiosk cannot start');
    expect(message).toContain(`Electron ${electronVersion} could not be downloaded`);
    expect(message).toContain('404');
    expect(message).toContain(served.url);
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH=');
    expect(message).toContain('npm run web');
    // A short message, not a stack trace.
    expect(message).not.toMatch(/^\s+at /m);
    expect(message.trim().split('\n').length).toBeLessThan(15);
    expect(fs.existsSync(path.join(project, 'node_modules/electron/path.txt'))).toBe(false);
  });

  it('with no server at all, says there was no connection', async () => {
    const project = scratch();
    const served = await mirror();
    await served.close();
    const result = await start(project, cleanEnvironment(project, { ELECTRON_MIRROR: served.url }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no connection to the download server');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it.each([
    ['ELECTRON_OVERRIDE_DIST_PATH', (folder: string) => folder],
    ['ELECTRON_EXEC_PATH', (folder: string) => path.join(folder, 'electron')],
  ])(
    'uses an Electron already on the machine named by %s, and downloads nothing',
    async (name, value) => {
      const project = scratch();
      const folder = standInFolder(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-')));
      cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }));
      const served = await mirror({ refuse: true });
      const record = path.join(project, 'started.txt');
      const result = await start(
        project,
        cleanEnvironment(project, {
          [name]: value(folder),
          ELECTRON_MIRROR: served.url,
          KIOSK_STANDIN_RECORD: record,
        }),
        ['--present'],
      );
      expect(result.code, result.stderr).toBe(0);
      expect(served.requests).toEqual([]);
      expect(readRecord(record).args.slice(1)).toEqual(['--present']);
      expect(startedApp(readRecord(record))).toBe(fs.realpathSync(builtMain));
    },
  );

  it('names a missing override plainly', async () => {
    const project = scratch();
    const result = await start(
      project,
      cleanEnvironment(project, { ELECTRON_OVERRIDE_DIST_PATH: path.join(project, 'nowhere') }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH is set to');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

// ---------------------------------------------------------------------------------------------
// `npm run dist` and `npm test` find Electron the same way. electron-builder and Playwright are
// replaced in the scratch project by stand-ins that record how they were called, so these stay
// fast: the package itself is built in package.test.ts, the Electron tests in tests/electron.

/** A program that writes its arguments (JSON) and $KIOSK_ELECTRON_PATH to $KIOSK_TOOL_RECORD. */
const recordingTool = [
  `#!${process.execPath}`,
  "const fs = require('node:fs');",
  'fs.writeFileSync(process.env.KIOSK_TOOL_RECORD, JSON.stringify({',
  '  args: process.argv.slice(2),',
  '  electron: process.env.KIOSK_ELECTRON_PATH ?? null,',
  '}));',
  '',
].join('\n');

interface ToolRecord {
  args: string[];
  electron: string | null;
}
const readTool = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as ToolRecord;

/** The scratch project's electron-builder is a stand-in that records its command line. */
function standInBuilder(project: string): void {
  const folder = path.join(project, 'node_modules/electron-builder');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder);
  fs.writeFileSync(
    path.join(folder, 'package.json'),
    JSON.stringify({ name: 'electron-builder', version: '0.0.0-stand-in', type: 'commonjs' }),
  );
  fs.writeFileSync(path.join(folder, 'cli.js'), recordingTool);
}

/** The scratch project's `npx playwright` is a stand-in that records how it was started. */
function standInPlaywright(project: string): void {
  const bin = path.join(project, 'node_modules/.bin');
  fs.rmSync(bin, { recursive: true, force: true });
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'playwright'), recordingTool, { mode: 0o755 });
}

/** A stand-in Electron folder on the machine (for the two variables). */
function electronOnMachine(): string {
  const folder = standInFolder(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-')));
  cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

const NAMED = [
  ['ELECTRON_OVERRIDE_DIST_PATH', (folder: string) => folder],
  ['ELECTRON_EXEC_PATH', (folder: string) => path.join(folder, 'electron')],
] as const;

describe('npm run dist', () => {
  it.each(NAMED)(
    'packages the Electron named by %s (electronDist), and downloads nothing',
    async (name, value) => {
      const project = scratch();
      standInBuilder(project);
      const folder = electronOnMachine();
      const served = await mirror({ refuse: true });
      const record = path.join(project, 'builder.json');
      const result = await runScript(
        project,
        'dist.js',
        cleanEnvironment(project, {
          [name]: value(folder),
          ELECTRON_MIRROR: served.url,
          KIOSK_TOOL_RECORD: record,
        }),
        ['--dir'],
      );
      expect(result.code, result.stderr).toBe(0);
      expect(readTool(record).args).toEqual([
        '--config',
        'electron-builder.yml',
        '--dir',
        `-c.electronDist=${folder}`,
      ]);
      expect(served.requests).toEqual([]);
      expect(fs.existsSync(path.join(project, 'node_modules/electron/path.txt'))).toBe(false);
    },
  );

  it('leaves the download to electron-builder when no Electron is named, and keeps an electronDist given', async () => {
    const project = scratch();
    standInBuilder(project);
    const record = path.join(project, 'builder.json');
    const plain = await runScript(
      project,
      'dist.js',
      cleanEnvironment(project, { KIOSK_TOOL_RECORD: record }),
      ['--linux', 'deb'],
    );
    expect(plain.code, plain.stderr).toBe(0);
    expect(readTool(record).args).toEqual(['--config', 'electron-builder.yml', '--linux', 'deb']);

    const given = await runScript(
      project,
      'dist.js',
      cleanEnvironment(project, {
        ELECTRON_OVERRIDE_DIST_PATH: electronOnMachine(),
        KIOSK_TOOL_RECORD: record,
      }),
      ['--dir', '-c.electronDist=/opt/other-electron'],
    );
    expect(given.code, given.stderr).toBe(0);
    expect(readTool(record).args).toEqual([
      '--config',
      'electron-builder.yml',
      '--dir',
      '-c.electronDist=/opt/other-electron',
    ]);
  });

  it('names a missing Electron plainly and packages nothing', async () => {
    const project = scratch();
    standInBuilder(project);
    const record = path.join(project, 'builder.json');
    const result = await runScript(
      project,
      'dist.js',
      cleanEnvironment(project, {
        ELECTRON_EXEC_PATH: path.join(project, 'nowhere/electron'),
        KIOSK_TOOL_RECORD: record,
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot package: ELECTRON_EXEC_PATH is set to');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(record)).toBe(false);
  });
});

describe('npm test and the real-Electron tests', () => {
  it.each(NAMED)(
    'run the Electron tests on the Electron named by %s, and download nothing',
    async (name, value) => {
      const project = scratch();
      standInPlaywright(project);
      const folder = electronOnMachine();
      const served = await mirror({ refuse: true });
      const record = path.join(project, 'playwright.json');
      const result = await runScript(
        project,
        'run-electron-tests.js',
        cleanEnvironment(project, {
          [name]: value(folder),
          ELECTRON_MIRROR: served.url,
          KIOSK_TOOL_RECORD: record,
        }),
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(
        `Electron tests with ${path.join(folder, 'electron')} (${name})`,
      );
      expect(readTool(record)).toEqual({
        args: ['test', '--config', 'tests/electron/playwright.config.ts'],
        electron: path.join(folder, 'electron'),
      });
      expect(served.requests).toEqual([]);
      expect(fs.existsSync(path.join(project, 'test-results/electron-skipped.txt'))).toBe(false);
    },
  );

  it('fetch Electron through ELECTRON_MIRROR first, then run on it', async () => {
    const project = scratch();
    standInPlaywright(project);
    const served = await mirror();
    const record = path.join(project, 'playwright.json');
    const result = await runScript(
      project,
      'run-electron-tests.js',
      cleanEnvironment(project, {
        ELECTRON_MIRROR: served.url,
        electron_use_remote_checksums: '1',
        KIOSK_TOOL_RECORD: record,
      }),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('skipped');
    expect(served.requests).toContain(`/v${electronVersion}/${zipName}`);
    expect(readTool(record).electron).toBe(
      path.join(project, 'node_modules/electron/dist/electron'),
    );
  });

  /** The scratch project's npm scripts: every stage of `npm test` a no-op but the Electron one. */
  function onlyElectronStage(project: string): void {
    const file = path.join(project, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const script of [
      'lint',
      'typecheck',
      'security',
      'test:unit',
      'build',
      'test:built',
      'test:e2e',
    ]) {
      manifest.scripts[script] = 'node -e ""';
    }
    manifest.scripts['test:electron'] = 'node scripts/run-electron-tests.js';
    fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
  }

  it('where Electron cannot be had: the Electron tests are skipped, and npm test’s summary says why', async () => {
    const project = scratch();
    onlyElectronStage(project);
    const served = await mirror({ refuse: true });
    const result = await runScript(
      project,
      'test.js',
      cleanEnvironment(project, { ELECTRON_MIRROR: served.url }),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(served.requests.length).toBeGreaterThan(0);
    const note = fs.readFileSync(path.join(project, 'test-results/electron-skipped.txt'), 'utf8');
    expect(note).toMatch(
      new RegExp(
        `^Electron tests skipped: Electron ${electronVersion} could not be downloaded: .*404`,
      ),
    );
    expect(note).toContain(served.url);
    // The summary, after the timings, repeats the reason.
    const summary = result.stdout.slice(result.stdout.indexOf('npm test: where the time went'));
    expect(summary).toMatch(/ok .* test:electron/);
    expect(summary).toContain(`Skipped: ${note.trim()}`);
    expect(summary).not.toMatch(/^\s+at /m);
  });

  it('where the Electron tests ran, the summary skips nothing, even with a note left by an earlier run', async () => {
    const project = scratch();
    onlyElectronStage(project);
    standInPlaywright(project);
    fs.mkdirSync(path.join(project, 'test-results'));
    fs.writeFileSync(
      path.join(project, 'test-results/electron-skipped.txt'),
      'Electron tests skipped: an earlier run.\n',
    );
    const record = path.join(project, 'playwright.json');
    const result = await runScript(
      project,
      'test.js',
      cleanEnvironment(project, {
        ELECTRON_OVERRIDE_DIST_PATH: electronOnMachine(),
        KIOSK_TOOL_RECORD: record,
      }),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(record)).toBe(true);
    expect(result.stdout).not.toContain('Skipped:');
  });
});
