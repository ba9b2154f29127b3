import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Files stay small enough to read in one sitting (issue 19): at most 500 lines for each source
 * and style file of the app. A file that grows past it is split by concern, not trimmed.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const MAX_LINES = 500;
const FOLDERS = ['electron', 'renderer', 'contract', 'domain'];

function sourcesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesIn(full);
    return /\.(ts|tsx|css)$/.test(entry.name) ? [full] : [];
  });
}

describe('source files', () => {
  it(`are at most ${MAX_LINES} lines each`, () => {
    const files = FOLDERS.flatMap((folder) => sourcesIn(join(root, folder)));
    expect(files.length).toBeGreaterThan(100);
    const long = files
      .map((file) => ({
        file: relative(root, file),
        lines: readFileSync(file, 'utf8').split('\n').length,
      }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
