import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUILT_IN_SLIDE_IDS,
  DEFAULT_CLINIC,
  DEFAULT_PLAYLIST,
  DEFAULT_SETTINGS,
  EMPTY_SCHEDULE,
  type Settings,
} from '../../../../contract';
import {
  InvalidSettingsError,
  SettingsWriteError,
  fileTimestamp,
  openSettingsStore,
} from '../../../../electron/main/settingsStore';
import { faultyFileSystem, type FaultCode } from './fixtures/faultyFileSystem';
import {
  CURRENT_STORE_VERSION,
  GOOD_COPY_FILE_NAME,
  SETTINGS_FILE_NAME,
} from '../../../../electron/main/storeOptions';

const FIXED_NOW = new Date('2026-11-27T10:00:00.123Z');
const now = () => FIXED_NOW;
const KEPT_NAME = 'settings.corrupt-2026-11-27T10-00-00Z.json';

const tempDirs: string[] = [];
function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-settings-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const custom: Settings = {
  ...DEFAULT_SETTINGS,
  idleTimeoutSeconds: 120,
  defaultLanguage: 'es',
  transition: 'slide',
  nightlyRestartHour: 3,
  playLogRetentionDays: 30,
  clinic: { ...DEFAULT_CLINIC, name: 'Custom Clinic', phone: '555-0100' },
};

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** A folder holding a saved `custom` (so a good copy exists). */
function folderWithSavedSettings(): string {
  const dir = makeTempDir();
  openSettingsStore({ directory: dir, now }).save(custom);
  return dir;
}

describe('openSettingsStore: save and load', () => {
  it('starts with defaults on a first run, without a notice, and writes both files', () => {
    const dir = makeTempDir();
    const store = openSettingsStore({ directory: dir, now });
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
    expect(store.recovery).toBeNull();
    expect(store.migratedFrom).toBeNull();
    expect(readJson(path.join(dir, SETTINGS_FILE_NAME))).toEqual({
      version: CURRENT_STORE_VERSION,
      settings: DEFAULT_SETTINGS,
    });
    expect(readJson(path.join(dir, GOOD_COPY_FILE_NAME))).toEqual({
      version: CURRENT_STORE_VERSION,
      settings: DEFAULT_SETTINGS,
    });
  });

  it('saves, keeps a good copy, and reloads what was saved', () => {
    const dir = makeTempDir();
    const store = openSettingsStore({ directory: dir, now });
    store.save(custom);
    expect(store.settings).toEqual(custom);
    const live = fs.readFileSync(path.join(dir, SETTINGS_FILE_NAME), 'utf8');
    expect(JSON.parse(live)).toEqual({ version: CURRENT_STORE_VERSION, settings: custom });
    expect(fs.readFileSync(path.join(dir, GOOD_COPY_FILE_NAME), 'utf8')).toBe(live);
    expect(fs.readdirSync(dir).sort()).toEqual([GOOD_COPY_FILE_NAME, SETTINGS_FILE_NAME]);

    const reopened = openSettingsStore({ directory: dir, now });
    expect(reopened.settings).toEqual(custom);
    expect(reopened.recovery).toBeNull();
  });

  it('rejects invalid settings with a clear error and leaves both files untouched', () => {
    const dir = folderWithSavedSettings();
    const livePath = path.join(dir, SETTINGS_FILE_NAME);
    const goodPath = path.join(dir, GOOD_COPY_FILE_NAME);
    const liveBefore = fs.readFileSync(livePath);
    const goodBefore = fs.readFileSync(goodPath);
    const store = openSettingsStore({ directory: dir, now });

    const invalid = { ...custom, idleTimeoutSeconds: 1, transition: 'spin' } as unknown as Settings;
    expect(() => store.save(invalid)).toThrow(InvalidSettingsError);
    expect(() => store.save(invalid)).toThrow(/idleTimeoutSeconds/);
    expect(() => store.save({ ...custom, extra: true } as unknown as Settings)).toThrow(
      InvalidSettingsError,
    );
    expect(fs.readFileSync(livePath)).toEqual(liveBefore);
    expect(fs.readFileSync(goodPath)).toEqual(goodBefore);
    expect(store.settings).toEqual(custom);
  });

  it('removes temporary files left by a write that was interrupted', () => {
    const dir = folderWithSavedSettings();
    fs.writeFileSync(path.join(dir, `${SETTINGS_FILE_NAME}.tmp-1234567890abcdef`), '{"vers');
    fs.writeFileSync(path.join(dir, `${GOOD_COPY_FILE_NAME}.tmp-1234567890abcdef`), '');
    const store = openSettingsStore({ directory: dir, now });
    expect(store.settings).toEqual(custom);
    expect(fs.readdirSync(dir).sort()).toEqual([GOOD_COPY_FILE_NAME, SETTINGS_FILE_NAME]);
  });
});

describe('openSettingsStore: a file with a UTF-8 byte order mark', () => {
  it('loads it as it is (PowerShell `Out-File -Encoding utf8` writes one), without a notice', () => {
    const dir = folderWithSavedSettings();
    const livePath = path.join(dir, SETTINGS_FILE_NAME);
    const text = fs.readFileSync(livePath, 'utf8');
    fs.writeFileSync(livePath, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const store = openSettingsStore({ directory: dir, now });
    expect(store.settings).toEqual(custom);
    expect(store.recovery).toBeNull();
    expect(fs.readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
    // Written back without the mark at once.
    expect(fs.readFileSync(livePath, 'utf8')).toBe(text);
  });

  it('loads a good copy with a byte order mark when settings.json is gone', () => {
    const dir = folderWithSavedSettings();
    const goodPath = path.join(dir, GOOD_COPY_FILE_NAME);
    fs.writeFileSync(goodPath, `\uFEFF${fs.readFileSync(goodPath, 'utf8')}`);
    fs.rmSync(path.join(dir, SETTINGS_FILE_NAME));
    const store = openSettingsStore({ directory: dir, now });
    expect(store.settings).toEqual(custom);
    expect(store.recovery).toMatchObject({ problem: 'missing', restoredFrom: 'good-copy' });
  });
});

describe('openSettingsStore: writes that fail (file-system seam)', () => {
  const bytesOf = (dir: string) => ({
    live: fs.readFileSync(path.join(dir, SETTINGS_FILE_NAME)),
    good: fs.readFileSync(path.join(dir, GOOD_COPY_FILE_NAME)),
  });
  const changed = { ...custom, idleTimeoutSeconds: 300 };

  it('continues short writes until every byte is written', () => {
    const dir = folderWithSavedSettings();
    let calls = 0;
    // At most 1000 bytes per call, like a disk that takes a little at a time.
    const writeSync = (fd: number, buffer: Uint8Array, offset = 0, length?: number) => {
      calls += 1;
      return fs.writeSync(fd, buffer, offset, Math.min(1000, length ?? buffer.length - offset));
    };
    const store = openSettingsStore({
      directory: dir,
      now,
      fileSystem: new Proxy(fs, {
        get: (target, property) =>
          property === 'writeSync' ? writeSync : Reflect.get(target, property, target),
      }),
    });
    store.save(changed);
    expect(calls).toBeGreaterThan(2);
    expect(openSettingsStore({ directory: dir, now }).settings).toEqual(changed);
    expect(bytesOf(dir).live).toEqual(bytesOf(dir).good);
  });

  it('refuses a save when the disk takes no more bytes, leaving both files as they were', () => {
    const dir = folderWithSavedSettings();
    const before = bytesOf(dir);
    const store = openSettingsStore({
      directory: dir,
      now,
      fileSystem: new Proxy(fs, {
        get: (target, property) =>
          property === 'writeSync'
            ? (_fd: number, _buffer: Uint8Array, offset?: number) => (offset ? 0 : 100)
            : Reflect.get(target, property, target),
      }),
    });
    let thrown: unknown;
    try {
      store.save(changed);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SettingsWriteError);
    expect((thrown as SettingsWriteError).writeCause).toBe('disk-full');
    expect(bytesOf(dir)).toEqual(before);
    expect(store.settings).toEqual(custom);
    expect(fs.readdirSync(dir).sort()).toEqual([GOOD_COPY_FILE_NAME, SETTINGS_FILE_NAME]);
  });

  it.each([
    ['settings.json', SETTINGS_FILE_NAME, 'write', 'ENOSPC', 'disk-full'],
    ['the good copy', GOOD_COPY_FILE_NAME, 'write', 'ENOSPC', 'disk-full'],
    ['settings.json', SETTINGS_FILE_NAME, 'fsync', 'EIO', 'disk-error'],
    ['the good copy', GOOD_COPY_FILE_NAME, 'create', 'EACCES', 'no-permission'],
    ['settings.json', SETTINGS_FILE_NAME, 'rename', 'EROFS', 'read-only'],
  ] as const)(
    'all or nothing: when %s fails (%s, %s) neither file changes',
    (_label, name, call, code: FaultCode, cause) => {
      const dir = folderWithSavedSettings();
      const before = bytesOf(dir);
      const faults = faultyFileSystem([
        { calls: [call], path: (file) => file.startsWith(path.join(dir, `${name}.tmp-`)), code },
      ]);
      const store = openSettingsStore({ directory: dir, now, fileSystem: faults.fileSystem });
      expect(() => store.save(changed)).toThrow(SettingsWriteError);
      expect(faults.injected).not.toEqual([]);
      try {
        store.save(changed);
      } catch (error) {
        expect((error as SettingsWriteError).writeCause).toBe(cause);
        expect((error as Error).message).toMatch(/nothing was changed/);
      }
      expect(bytesOf(dir)).toEqual(before);
      expect(store.settings).toEqual(custom);
      expect(fs.readdirSync(dir).sort()).toEqual([GOOD_COPY_FILE_NAME, SETTINGS_FILE_NAME]);
      expect(openSettingsStore({ directory: dir, now }).settings).toEqual(custom);
    },
  );

  it('keeps a save whose settings.json is in place when only the good copy rename fails', () => {
    const dir = folderWithSavedSettings();
    const before = bytesOf(dir);
    const faults = faultyFileSystem([
      {
        calls: ['rename'],
        path: (file) => file === path.join(dir, GOOD_COPY_FILE_NAME),
        code: 'EIO',
      },
    ]);
    const warnings: string[] = [];
    const store = openSettingsStore({
      directory: dir,
      now,
      fileSystem: faults.fileSystem,
      warn: (message) => warnings.push(message),
    });
    store.save(changed);
    // What a restart loads is what the save reported: the new settings.
    expect(store.settings).toEqual(changed);
    expect(bytesOf(dir).good).toEqual(before.good);
    expect(warnings.join('\n')).toMatch(/good\.json keeps the previous settings/);
    expect(openSettingsStore({ directory: dir, now }).settings).toEqual(changed);
    // …and that start brings the good copy up to date.
    expect(bytesOf(dir).good).toEqual(bytesOf(dir).live);
  });

  it('starts on the good copy in a read-only data folder with a damaged settings.json', () => {
    const dir = folderWithSavedSettings();
    const livePath = path.join(dir, SETTINGS_FILE_NAME);
    fs.writeFileSync(livePath, '{"version": 3, "sett');
    const before = fs.readdirSync(dir).sort();
    const faults = faultyFileSystem([
      {
        calls: ['create', 'write', 'rename', 'remove'],
        path: (file) => file.startsWith(dir),
        code: 'EROFS',
      },
    ]);
    const store = openSettingsStore({
      directory: dir,
      now,
      fileSystem: faults.fileSystem,
      warn: () => undefined,
    });
    expect(store.settings).toEqual(custom);
    expect(store.recovery).toMatchObject({
      problem: 'invalid-json',
      restoredFrom: 'good-copy',
      keptAs: null,
      notWritten: {
        cause: 'read-only',
        detail: expect.stringMatching(/could not be moved aside: EROFS/),
      },
    });
    // The damaged file stays where it was, untouched.
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(fs.readFileSync(livePath, 'utf8')).toBe('{"version": 3, "sett');
    expect(() => store.save({ ...custom, idleTimeoutSeconds: 300 })).toThrow(
      /could not be moved aside, so nothing was saved: EROFS/,
    );

    // Writable again: the first save keeps the damaged file aside, then saves.
    faults.rules.length = 0;
    store.save({ ...custom, idleTimeoutSeconds: 300 });
    expect(fs.readFileSync(path.join(dir, KEPT_NAME), 'utf8')).toBe('{"version": 3, "sett');
    expect(openSettingsStore({ directory: dir, now }).settings.idleTimeoutSeconds).toBe(300);
  });
});

describe('openSettingsStore: migrations', () => {
  const v0Settings = {
    idleTimeout: 90_000,
    defaultLanguage: 'es',
    transition: 'cut',
    showProgressBar: false,
    clinic: DEFAULT_CLINIC,
  };

  it.each([
    ['with version 0', { version: 0, settings: v0Settings }],
    ['without a version field', { settings: v0Settings }],
  ])('migrates a version 0 document %s', (_label, document) => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, SETTINGS_FILE_NAME), JSON.stringify(document));
    const store = openSettingsStore({ directory: dir, now });
    const expected: Settings = {
      idleTimeoutSeconds: 90,
      defaultLanguage: 'es',
      transition: 'cut',
      showProgressBar: false,
      readingWordsPerMinute: 150,
      mode: 'loop',
      audienceDisplayId: null,
      presenterDisplayId: null,
      nightlyRestartHour: null,
      playLogRetentionDays: 90,
      clinic: DEFAULT_CLINIC,
      contentReviews: [],
      playlists: [DEFAULT_PLAYLIST],
      defaultPlaylistId: DEFAULT_PLAYLIST.id,
      customSlides: [],
      schedule: EMPTY_SCHEDULE,
    };
    expect(store.settings).toEqual(expected);
    expect(store.migratedFrom).toBe(0);
    expect(store.recovery).toBeNull();
    expect(readJson(path.join(dir, SETTINGS_FILE_NAME))).toEqual({
      version: CURRENT_STORE_VERSION,
      settings: expected,
    });
    expect(readJson(path.join(dir, GOOD_COPY_FILE_NAME))).toEqual({
      version: CURRENT_STORE_VERSION,
      settings: expected,
    });
    expect(openSettingsStore({ directory: dir, now }).migratedFrom).toBeNull();
  });

  it('migrates a version 1 document: adds an empty clinical review record', () => {
    const dir = makeTempDir();
    const {
      contentReviews: _none,
      playlists: _p,
      defaultPlaylistId: _d,
      customSlides: _c,
      schedule: _s,
      ...v1Settings
    } = { ...DEFAULT_SETTINGS, transition: 'slide' };
    fs.writeFileSync(
      path.join(dir, SETTINGS_FILE_NAME),
      JSON.stringify({ version: 1, settings: v1Settings }),
    );
    const store = openSettingsStore({ directory: dir, now });
    expect(store.migratedFrom).toBe(1);
    expect(store.recovery).toBeNull();
    expect(store.settings).toEqual({
      ...DEFAULT_SETTINGS,
      transition: 'slide',
      contentReviews: [],
    });
    expect(readJson(path.join(dir, SETTINGS_FILE_NAME))).toMatchObject({
      version: CURRENT_STORE_VERSION,
    });
  });

  it('migrates a version 2 document: one "Waiting room" playlist with every built-in slide', () => {
    const dir = makeTempDir();
    const {
      playlists: _p,
      defaultPlaylistId: _d,
      customSlides: _c,
      schedule: _s,
      ...v2Settings
    } = { ...DEFAULT_SETTINGS, idleTimeoutSeconds: 45 };
    fs.writeFileSync(
      path.join(dir, SETTINGS_FILE_NAME),
      JSON.stringify({ version: 2, settings: v2Settings }),
    );
    const store = openSettingsStore({ directory: dir, now });
    expect(store.migratedFrom).toBe(2);
    expect(store.recovery).toBeNull();
    expect(store.settings.playlists).toEqual([DEFAULT_PLAYLIST]);
    expect(store.settings.playlists[0]?.entries.map((entry) => entry.slideId)).toEqual(
      BUILT_IN_SLIDE_IDS,
    );
    expect(store.settings.idleTimeoutSeconds).toBe(45);
  });

  it('clamps a version 0 idle timeout into the allowed range', () => {
    const dir = makeTempDir();
    fs.writeFileSync(
      path.join(dir, SETTINGS_FILE_NAME),
      JSON.stringify({ version: 0, settings: { ...v0Settings, idleTimeout: 500 } }),
    );
    expect(openSettingsStore({ directory: dir, now }).settings.idleTimeoutSeconds).toBe(10);
  });

  it('treats an unmigratable version 0 document as a schema violation', () => {
    const dir = folderWithSavedSettings();
    fs.writeFileSync(
      path.join(dir, SETTINGS_FILE_NAME),
      JSON.stringify({ version: 0, settings: {} }),
    );
    const store = openSettingsStore({ directory: dir, now });
    expect(store.recovery?.problem).toBe('schema-violation');
    expect(store.recovery?.detail).toMatch(/could not migrate from version 0/);
    expect(store.settings).toEqual(custom);
  });
});

describe('openSettingsStore: recovery from a bad file', () => {
  const validText = `${JSON.stringify({ version: CURRENT_STORE_VERSION, settings: custom }, null, 2)}\n`;
  const cases: [string, Buffer, string, RegExp][] = [
    ['empty', Buffer.alloc(0), 'empty', /empty/],
    ['whitespace only', Buffer.from('  \n'), 'empty', /empty/],
    [
      'truncated',
      Buffer.from(validText.slice(0, validText.length / 2)),
      'invalid-json',
      /not valid JSON/,
    ],
    ['garbage bytes', Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x80, 0x7b]), 'not-text', /not text/],
    ['zero-filled', Buffer.alloc(512), 'invalid-json', /not valid JSON/],
    ['invalid JSON', Buffer.from('{"version": 1, settings: }'), 'invalid-json', /not valid JSON/],
    ['not an object', Buffer.from('[1,2,3]'), 'schema-violation', /expected an object/],
    [
      'schema violation',
      Buffer.from(
        JSON.stringify({
          version: CURRENT_STORE_VERSION,
          settings: { ...custom, idleTimeoutSeconds: 5 },
        }),
      ),
      'schema-violation',
      /idleTimeoutSeconds/,
    ],
    [
      'unknown key',
      Buffer.from(
        JSON.stringify({ version: CURRENT_STORE_VERSION, settings: custom, __internal__: {} }),
      ),
      'schema-violation',
      /schema/,
    ],
    [
      'newer version',
      Buffer.from(
        JSON.stringify({
          version: CURRENT_STORE_VERSION + 1,
          settings: { ...custom, brandNew: 1 },
        }),
      ),
      'newer-version',
      new RegExp(
        `newer version of the app \\(settings version ${CURRENT_STORE_VERSION + 1}; this app understands up to ${CURRENT_STORE_VERSION}\\)`,
      ),
    ],
  ];

  it.each(cases)(
    '%s: keeps the bad file aside, restores the good copy, reports it',
    (_label, bytes, problem, detail) => {
      const dir = folderWithSavedSettings();
      const livePath = path.join(dir, SETTINGS_FILE_NAME);
      fs.writeFileSync(livePath, bytes);

      const store = openSettingsStore({ directory: dir, now });

      expect(store.settings).toEqual(custom);
      expect(store.recovery).toEqual({
        at: FIXED_NOW.toISOString(),
        file: livePath,
        problem,
        detail: expect.stringMatching(detail),
        keptAs: path.join(dir, KEPT_NAME),
        restoredFrom: 'good-copy',
        goodCopyProblem: null,
        notWritten: null,
      });
      expect(fs.readFileSync(path.join(dir, KEPT_NAME))).toEqual(bytes);
      expect(readJson(livePath)).toEqual({ version: CURRENT_STORE_VERSION, settings: custom });
      expect(readJson(path.join(dir, GOOD_COPY_FILE_NAME))).toEqual({
        version: CURRENT_STORE_VERSION,
        settings: custom,
      });
      // The next start is clean.
      expect(openSettingsStore({ directory: dir, now }).recovery).toBeNull();
    },
  );

  it('falls back to defaults, with a notice, when there is no good copy', () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, SETTINGS_FILE_NAME), '{"version":1,"sett');
    const store = openSettingsStore({ directory: dir, now });
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
    expect(store.recovery).toMatchObject({
      problem: 'invalid-json',
      keptAs: path.join(dir, KEPT_NAME),
      restoredFrom: 'defaults',
      goodCopyProblem: null,
    });
    expect(fs.readFileSync(path.join(dir, KEPT_NAME), 'utf8')).toBe('{"version":1,"sett');
    expect(readJson(path.join(dir, SETTINGS_FILE_NAME))).toEqual({
      version: CURRENT_STORE_VERSION,
      settings: DEFAULT_SETTINGS,
    });
  });

  it('keeps a bad good copy aside too and falls back to defaults', () => {
    const dir = folderWithSavedSettings();
    fs.writeFileSync(path.join(dir, SETTINGS_FILE_NAME), '');
    fs.writeFileSync(path.join(dir, GOOD_COPY_FILE_NAME), 'garbage');
    const store = openSettingsStore({ directory: dir, now });
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
    expect(store.recovery).toMatchObject({
      problem: 'empty',
      restoredFrom: 'defaults',
      goodCopyProblem: {
        problem: 'invalid-json',
        keptAs: path.join(dir, 'settings.good.corrupt-2026-11-27T10-00-00Z.json'),
      },
    });
    expect(
      fs.readFileSync(path.join(dir, 'settings.good.corrupt-2026-11-27T10-00-00Z.json'), 'utf8'),
    ).toBe('garbage');
  });

  it('restores the good copy when the settings file is missing', () => {
    const dir = folderWithSavedSettings();
    fs.rmSync(path.join(dir, SETTINGS_FILE_NAME));
    const store = openSettingsStore({ directory: dir, now });
    expect(store.settings).toEqual(custom);
    expect(store.recovery).toMatchObject({
      problem: 'missing',
      keptAs: null,
      restoredFrom: 'good-copy',
    });
  });

  it('never overwrites a file kept earlier in the same second', () => {
    const dir = folderWithSavedSettings();
    fs.writeFileSync(path.join(dir, SETTINGS_FILE_NAME), 'first');
    openSettingsStore({ directory: dir, now });
    fs.writeFileSync(path.join(dir, SETTINGS_FILE_NAME), 'second');
    const store = openSettingsStore({ directory: dir, now });
    const second = path.join(dir, 'settings.corrupt-2026-11-27T10-00-00Z-1.json');
    expect(store.recovery?.keptAs).toBe(second);
    expect(fs.readFileSync(path.join(dir, KEPT_NAME), 'utf8')).toBe('first');
    expect(fs.readFileSync(second, 'utf8')).toBe('second');
  });

  it('formats timestamps for file names', () => {
    expect(fileTimestamp(FIXED_NOW)).toBe('2026-11-27T10-00-00Z');
  });
});
