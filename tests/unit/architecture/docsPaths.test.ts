import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * docs/ARCHITECTURE.md names files and folders of this repository in backticks. Each one must
 * exist, so a rename or a split that forgets the doc fails here instead of leaving a map that
 * sends newcomers to files that are gone.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const DOC = 'docs/ARCHITECTURE.md';

/**
 * Whether a backticked span is a path in this repository: one word with a '/', ending with a
 * file extension (`contract/ipc.ts`) or with '/' for a folder (`electron/main/media/`). URLs
 * (`app://kiosk/`), placeholders (`<kind>`, `*`), code and import specifiers (`../contract`)
 * are not.
 */
export function looksLikeRepoPath(span: string): boolean {
  if (!span.includes('/') || /\s/.test(span) || span.includes('://')) return false;
  if (/[<>*{}()[\]]/.test(span) || span.startsWith('.') || span.startsWith('/')) return false;
  return span.endsWith('/') || /\/[^/]*\.[A-Za-z0-9]+$/.test(span);
}

/** The repository paths a Markdown text names in inline code (fenced blocks are pictures). */
export function pathsNamedIn(markdown: string): string[] {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? '');
  return [...new Set(spans.filter(looksLikeRepoPath))];
}

/** The named paths that are not in the repository (a folder must be a folder). */
export function missingPaths(paths: readonly string[], base: string): string[] {
  return paths.filter((path) => {
    const where = join(base, path);
    if (!existsSync(where)) return true;
    return path.endsWith('/') && !statSync(where).isDirectory();
  });
}

describe(DOC, () => {
  it('names only files and folders that exist', () => {
    const paths = pathsNamedIn(readFileSync(join(root, DOC), 'utf8'));
    expect(paths.length).toBeGreaterThan(60);
    expect(missingPaths(paths, root)).toEqual([]);
  });

  it('the check picks out repository paths, and catches one that is gone', () => {
    const markdown = [
      'See `contract/ipc.ts`, `electron/main/media/` and `electron/main/gone.ts`.',
      'Not paths: `app://kiosk/`, `.slide-view--<kind>`, `../contract`, `zod/mini`, `npm test`.',
      '```',
      '`electron/main/inADiagram.ts`',
      '```',
      'And `contract/channels.ts/` is a file named as a folder.',
    ].join('\n');
    const paths = pathsNamedIn(markdown);
    expect(paths).toEqual([
      'contract/ipc.ts',
      'electron/main/media/',
      'electron/main/gone.ts',
      'contract/channels.ts/',
    ]);
    expect(missingPaths(paths, root)).toEqual(['electron/main/gone.ts', 'contract/channels.ts/']);
  });
});
