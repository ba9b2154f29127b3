import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * contract/ says what may cross between main, preload and renderer (schemas, types, channels,
 * the CSP); domain/ holds the rules all of them run on it. The contract depends on nothing of
 * the domain (its index only re-exports it for the renderer's imports), and the domain imports
 * the contract's modules, never the index that re-exports it (that would be a cycle). Neither
 * may reach into main, the renderer or Node: the renderer and the sandboxed preload bundle them.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Every module a file names: static, side-effect only, dynamic `import()` and `require()`. */
export function importsOf(source: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) =>
    [...source.matchAll(pattern)].map((match) => match[1] ?? ''),
  );
}

const NODE_BUILTINS = new Set(builtinModules);

function filesIn(folder: string): { file: string; imports: string[] }[] {
  return readdirSync(join(root, folder))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({
      file: `${folder}/${name}`,
      imports: importsOf(readFileSync(join(root, folder, name), 'utf8')),
    }));
}

/** What is wrong with one file's imports, by the rules above. */
export function layerProblems(file: string, imports: readonly string[]): string[] {
  const [layer, name] = file.split('/');
  const problems: string[] = [];
  for (const target of imports) {
    const where = `${file} imports ${target}`;
    const nodeModule = target.startsWith('node:') || NODE_BUILTINS.has(target.split('/')[0]!);
    if (nodeModule || /(^|\/)(electron|renderer)(\/|$)/.test(target)) {
      problems.push(`${where}: contract and domain stay free of Node, main and the renderer`);
    }
    if (layer === 'contract' && name !== 'index.ts' && /(^|\/)domain(\/|$)/.test(target)) {
      problems.push(`${where}: the contract does not depend on the domain`);
    }
    if (layer === 'domain' && /^\.\.\/contract(\/index)?$/.test(target)) {
      problems.push(`${where}: name the contract module (the index re-exports the domain)`);
    }
  }
  return problems;
}

describe('contract/ and domain/', () => {
  it('keep to their layers', () => {
    const files = [...filesIn('contract'), ...filesIn('domain')];
    expect(files.length).toBeGreaterThan(15);
    expect(files.flatMap(({ file, imports }) => layerProblems(file, imports))).toEqual([]);
  });

  it('the rule catches each kind of wrong import', () => {
    expect(layerProblems('contract/settings.ts', ['../domain/schedule'])).toHaveLength(1);
    expect(layerProblems('contract/index.ts', ['../domain'])).toEqual([]);
    expect(layerProblems('domain/schedule.ts', ['../contract'])).toHaveLength(1);
    expect(layerProblems('domain/schedule.ts', ['../contract/schedule'])).toEqual([]);
    expect(layerProblems('domain/clockWatch.ts', ['node:timers'])).toHaveLength(1);
    expect(layerProblems('contract/ipc.ts', ['../electron/main/ipcHandlers'])).toHaveLength(1);
    expect(layerProblems('contract/media.ts', ['fs'])).toHaveLength(1);
    expect(layerProblems('contract/media.ts', ['path/posix'])).toHaveLength(1);
  });

  it('sees every way of naming a module', () => {
    const source = [
      "import { z } from './zod';",
      "import './side-effect';",
      "export * from './again';",
      "const later = await import('../electron/main/lazy');",
      "const old = require('fs');",
    ].join('\n');
    expect(importsOf(source).sort()).toEqual(
      ['../electron/main/lazy', './again', './side-effect', './zod', 'fs'].sort(),
    );
  });
});
