/**
 * A stand-in Electron, served from 127.0.0.1 the way Electron's release mirror serves the real
 * one, so the start and packaging paths run here without internet.
 *
 * The zip holds what Electron's own does where those paths look: an `electron` program (here a
 * shell script that records the arguments and working directory it was started with, then
 * exits) carrying the fuse wire (the sentinel of @electron/fuses, the wire's version, length and
 * one state byte per fuse, as Electron 45 ships them), a `version` file, the licences and
 * `resources/default_app.asar`. Beside it, SHASUMS256.txt.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const electronVersion = (
  JSON.parse(
    fs.readFileSync(path.join(projectRoot, 'node_modules/electron/package.json'), 'utf8'),
  ) as { version: string }
).version;

/** @electron/fuses' sentinel; the wire follows it. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron 45's wire as released: RunAsNode on, cookie encryption off, NODE_OPTIONS on, CLI
 * inspect on, asar integrity off, only-load-from-asar off, browser V8 snapshot off, file://
 * extra privileges on, WASM trap handlers on ('1' is on, '0' off).
 */
export const RELEASED_FUSES = '10110001' + '1';

export const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;

/** The program's text: records `cwd` and each argument, one per line, to $KIOSK_STANDIN_RECORD. */
const standInScript = [
  '#!/bin/sh',
  '# A stand-in for Electron (tests/support/standInElectron.ts): records how it was started.',
  'if [ -n "$KIOSK_STANDIN_RECORD" ]; then',
  '  { pwd; for arg in "$@"; do printf "%s\\n" "$arg"; done; } > "$KIOSK_STANDIN_RECORD"',
  'fi',
  'exit 0',
  '',
].join('\n');

/** The stand-in program's bytes: the script, then the fuse wire as Electron's binary carries it. */
export function standInProgram(fuses = RELEASED_FUSES): Buffer {
  return Buffer.concat([
    Buffer.from(standInScript),
    Buffer.from(`\n${FUSE_SENTINEL}`),
    Buffer.from([1, fuses.length]),
    Buffer.from(fuses),
    Buffer.from('\n'),
  ]);
}

/** What a started stand-in recorded: its working directory and arguments. */
export function readRecord(file: string): { cwd: string; args: string[] } {
  const [cwd = '', ...args] = fs.readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');
  return { cwd, args };
}

export function standInZip(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(standInProgram(), 'electron', { mode: 0o100755 });
  zip.addBuffer(Buffer.from(electronVersion), 'version', { mode: 0o100644 });
  zip.addBuffer(Buffer.from('stand-in\n'), 'LICENSE', { mode: 0o100644 });
  zip.addBuffer(Buffer.from('<p>stand-in</p>\n'), 'LICENSES.chromium.html', { mode: 0o100644 });
  zip.addBuffer(Buffer.from('stand-in\n'), 'resources/default_app.asar', { mode: 0o100644 });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

export interface Mirror {
  /** Ends with a slash, as ELECTRON_MIRROR wants. */
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves the stand-in in the layout of Electron's mirror: `v<version>/<zip>` and its checksums. */
export async function serveMirror(options: { refuse?: boolean } = {}): Promise<Mirror> {
  const zip = await standInZip();
  const sums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`;
  const files = new Map<string, Buffer>([
    [`/v${electronVersion}/${zipName}`, zip],
    [`/v${electronVersion}/SHASUMS256.txt`, Buffer.from(sums)],
  ]);
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    const body = options.refuse ? undefined : files.get(request.url ?? '');
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    response.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An unpacked stand-in Electron folder (for ELECTRON_OVERRIDE_DIST_PATH and electronDist). */
export function standInFolder(directory: string): string {
  fs.mkdirSync(path.join(directory, 'resources'), { recursive: true });
  fs.writeFileSync(path.join(directory, 'electron'), standInProgram(), { mode: 0o755 });
  fs.writeFileSync(path.join(directory, 'version'), electronVersion);
  fs.writeFileSync(path.join(directory, 'LICENSE'), 'stand-in\n');
  fs.writeFileSync(path.join(directory, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
  fs.writeFileSync(path.join(directory, 'resources', 'default_app.asar'), 'stand-in\n');
  return directory;
}

/**
 * A scratch copy of the project to start: its package.json and scripts, the build (out/)
 * linked in, and a node_modules whose `electron` is a fresh copy of the installed package (no
 * binary, no path.txt) while every other package is linked to the real one. The real
 * node_modules/electron is never touched.
 */
export function scratchProject(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-start-'));
  fs.copyFileSync(path.join(projectRoot, 'package.json'), path.join(directory, 'package.json'));
  fs.cpSync(path.join(projectRoot, 'scripts'), path.join(directory, 'scripts'), {
    recursive: true,
  });
  fs.symlinkSync(path.join(projectRoot, 'out'), path.join(directory, 'out'), 'dir');
  const modules = path.join(directory, 'node_modules');
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(path.join(projectRoot, 'node_modules'))) {
    if (entry === 'electron') continue;
    fs.symlinkSync(path.join(projectRoot, 'node_modules', entry), path.join(modules, entry));
  }
  const electron = path.join(projectRoot, 'node_modules/electron');
  fs.cpSync(electron, path.join(modules, 'electron'), {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(electron, source);
      return (
        relative !== 'dist' && !relative.startsWith(`dist${path.sep}`) && relative !== 'path.txt'
      );
    },
  });
  return directory;
}

/** The environment for a start: no Electron named, caches kept inside the scratch folder. */
export function cleanEnvironment(scratch: string, extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(ELECTRON_|electron_|npm_config_electron)/i.test(name)) delete env[name];
  }
  return {
    ...env,
    electron_config_cache: path.join(scratch, 'cache', 'electron'),
    ELECTRON_BUILDER_CACHE: path.join(scratch, 'cache', 'electron-builder'),
    ...extra,
  };
}
