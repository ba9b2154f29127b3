/**
 * The package: electron-builder gets the stand-in Electron from the local mirror (as it would
 * get the real one from Electron's), builds the unpacked Linux app (`--dir`), and flips the
 * fuses in the stand-in's fuse wire. Then the package is opened and checked.
 *
 * The deb, AppImage and NSIS targets need electron-builder's own tool downloads, which these
 * machines cannot reach; they are not built here (README, docs/DEPLOY.md).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanEnvironment,
  projectRoot,
  serveMirror,
  type Mirror,
} from '../support/standInElectron';

let scratch: string;
let mirror: Mirror;
let build: { code: number | null; output: string };
const unpacked = () => path.join(scratch, 'dist', 'linux-unpacked');

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-package-'));
  mirror = await serveMirror();
  build = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        path.join(projectRoot, 'node_modules/electron-builder/cli.js'),
        '--dir',
        '--linux',
        `--${process.arch}`,
        '--config',
        'electron-builder.yml',
        `-c.directories.output=${path.join(scratch, 'dist')}`,
      ],
      { cwd: projectRoot, env: cleanEnvironment(scratch, { ELECTRON_MIRROR: mirror.url }) },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}, 300_000);

afterAll(async () => {
  await mirror?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('the package electron-builder makes', () => {
  it('builds with the Electron it fetched from the mirror', () => {
    expect(build.code, build.output).toBe(0);
    expect(
      mirror.requests.some(
        (request) => request.endsWith('-linux-x64.zip') || request.endsWith('.zip'),
      ),
    ).toBe(true);
    expect(fs.existsSync(path.join(unpacked(), 'clinic-kiosk'))).toBe(true);
  });

  it('holds the app’s own build and nothing else: no node_modules, devDependencies, tests or scripts', () => {
    const entries = listPackage(path.join(unpacked(), 'resources', 'app.asar'), {
      isPack: false,
    }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''));
    const files = entries.filter((entry) => /\.[a-z0-9]+$/i.test(entry));
    // Main, preload and the renderer, with the deck inside the bundles and the assets beside.
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'out/main/index.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
      ]),
    );
    expect(files.some((file) => /^out\/renderer\/assets\/index-.*\.js$/.test(file))).toBe(true);
    expect(files.some((file) => /^out\/renderer\/assets\/.*\.woff2$/.test(file))).toBe(true);
    // The illustrations travel in the bundle; the deck's text with them (main and renderer).
    // (in whichever of the renderer's chunks the bundler put them).
    const assets = path.join(projectRoot, 'out/renderer/assets');
    const renderer = fs
      .readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => fs.readFileSync(path.join(assets, name), 'utf8'))
      .join('\n');
    expect(renderer).toContain('<svg');
    expect(renderer).toContain('how-ketamine-works');
    // Nothing but the build: every file is package.json or under out/.
    expect(files.filter((file) => file !== 'package.json' && !file.startsWith('out/'))).toEqual([]);
    expect(entries.some((entry) => entry.startsWith('node_modules'))).toBe(false);
    // Exactly what the build left in out/ (nothing bundled twice, nothing stale).
    const built = (directory: string): string[] =>
      fs
        .readdirSync(directory, { withFileTypes: true })
        .flatMap((entry) =>
          entry.isDirectory()
            ? built(path.join(directory, entry.name))
            : [path.relative(projectRoot, path.join(directory, entry.name))],
        );
    expect(files.filter((file) => file.startsWith('out/')).sort()).toEqual(
      built(path.join(projectRoot, 'out')).sort(),
    );
  });

  it('the packaged package.json names no dependency to install', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'),
    ) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies ?? {})).toEqual([]);
  });

  it('every fuse in the packaged program is as electron-builder.yml sets it', async () => {
    const config = yaml.load(
      fs.readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8'),
    ) as { electronFuses: Record<string, boolean> };
    const wire = await getCurrentFuseWire(path.join(unpacked(), 'clinic-kiosk'));
    const byName: Record<string, FuseV1Options> = {
      runAsNode: FuseV1Options.RunAsNode,
      enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
      enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
      enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
      enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
      onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
      loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
      grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
    };
    expect(Object.keys(config.electronFuses).sort()).toEqual(Object.keys(byName).sort());
    for (const [name, enabled] of Object.entries(config.electronFuses)) {
      const state = (wire as unknown as Record<number, number>)[byName[name]!];
      // A fuse is the byte '1' when on and '0' when off (@electron/fuses' FuseState).
      expect(String.fromCharCode(state!), name).toBe(enabled ? '1' : '0');
    }
  });
});
