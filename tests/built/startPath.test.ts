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

/** Runs `node scripts/start.js ARGS` in `cwd`, as `npm start -- ARGS` does after the build. */
function start(cwd: string, env: NodeJS.ProcessEnv, args: string[] = []) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/start.js', ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

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
