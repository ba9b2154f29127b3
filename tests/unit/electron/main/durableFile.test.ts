import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  readJsonFile,
  removeLeftoverTemporaryFiles,
  temporaryPathOf,
  writeCauseOf,
  writeFileDurably,
  type FileSystem,
} from '../../../../electron/main/durableFile';
import { createPinFileStore } from '../../../../electron/main/pinFile';
import { faultyFileSystem } from './fixtures/faultyFileSystem';

const tempDirs: string[] = [];
function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-durable-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** node:fs whose writeSync answers as `write` says. */
function withWriteSync(
  write: (fd: number, buffer: Uint8Array, offset: number, length: number) => number,
): FileSystem {
  return new Proxy(fs, {
    get: (target, property) =>
      property === 'writeSync'
        ? (fd: number, buffer: Uint8Array, offset = 0, length = buffer.length - offset) =>
            write(fd, buffer, offset, length)
        : Reflect.get(target, property, target),
  });
}

describe('writeFileDurably', () => {
  it('writes every byte through short writes', () => {
    const file = path.join(makeTempDir(), 'record.json');
    const text = 'x'.repeat(10_000);
    let calls = 0;
    writeFileDurably(
      file,
      text,
      withWriteSync((fd, buffer, offset, length) => {
        calls += 1;
        return fs.writeSync(fd, buffer, offset, Math.min(length, 777));
      }),
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(calls).toBe(Math.ceil(10_000 / 777));
  });

  it('fails with ENOSPC when the disk takes no more, leaving the old file and no temporary', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'record.json');
    fs.writeFileSync(file, 'old');
    const stuck = withWriteSync((fd, buffer, offset, length) =>
      offset === 0 ? fs.writeSync(fd, buffer, 0, Math.min(length, 10)) : 0,
    );
    let thrown: unknown;
    try {
      writeFileDurably(file, 'new text that is longer than ten bytes', stuck);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'ENOSPC' });
    expect(writeCauseOf(thrown)).toBe('disk-full');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['record.json']);
  });

  it('fails when the size on disk is not what was written', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'record.json');
    fs.writeFileSync(file, 'old');
    // A write that claims more than it wrote (a lying driver, a FUSE bug).
    const liar = withWriteSync((fd, buffer, offset, length) => {
      fs.writeSync(fd, buffer, offset, Math.max(0, length - 1));
      return length;
    });
    expect(() => writeFileDurably(file, 'new', liar)).toThrow(/holds 2 bytes, 3 were written/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['record.json']);
  });

  it.each(['write', 'fsync', 'rename'] as const)(
    'leaves the old file when %s fails with EIO, and removes its temporary file',
    (call) => {
      const dir = makeTempDir();
      const file = path.join(dir, 'record.json');
      fs.writeFileSync(file, 'old');
      const faults = faultyFileSystem([
        { calls: [call], path: (name) => name === temporaryPathOf(file), code: 'EIO' },
      ]);
      expect(() => writeFileDurably(file, 'new', faults.fileSystem)).toThrow(/EIO/);
      expect(fs.readFileSync(file, 'utf8')).toBe('old');
      expect(fs.readdirSync(dir)).toEqual(['record.json']);
    },
  );
});

describe('leftovers and reading', () => {
  it('removes `<file>.tmp-*` a killed write left, and nothing else', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'staff-pin.json');
    for (const name of [
      'staff-pin.json',
      'staff-pin.json.tmp-4242',
      'staff-pin.json.tmp-7',
      'other.tmp-1',
    ]) {
      fs.writeFileSync(path.join(dir, name), '{');
    }
    expect(removeLeftoverTemporaryFiles(file).sort()).toEqual([
      'staff-pin.json.tmp-4242',
      'staff-pin.json.tmp-7',
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(['other.tmp-1', 'staff-pin.json']);
  });

  it('the PIN file store clears its leftovers when it is created', () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'staff-pin.json.tmp-99999'), '{"version":1,"pi');
    createPinFileStore(dir);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('never throws when the leftovers cannot be removed (read-only disk)', () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'record.json.tmp-1'), '');
    const faults = faultyFileSystem([{ calls: ['remove'], path: () => true, code: 'EROFS' }]);
    expect(removeLeftoverTemporaryFiles(path.join(dir, 'record.json'), faults.fileSystem)).toEqual(
      [],
    );
  });

  it('reads JSON written with a UTF-8 byte order mark', () => {
    const file = path.join(makeTempDir(), 'staff-pin.json');
    fs.writeFileSync(file, '\uFEFF{"version":1}');
    expect(readJsonFile(file)).toEqual({ version: 1 });
  });

  it.each([
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EROFS', 'read-only'],
    ['EACCES', 'no-permission'],
    ['EPERM', 'no-permission'],
    ['ENOTDIR', 'path-problem'],
    ['ENAMETOOLONG', 'path-problem'],
    ['EIO', 'disk-error'],
    [undefined, 'disk-error'],
  ])('sorts %s as %s', (code, cause) => {
    expect(writeCauseOf(Object.assign(new Error('x'), { code }))).toBe(cause);
  });
});
