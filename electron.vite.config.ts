import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './contract/csp';
import { DeckSchema } from './contract/deck';
import { splitDeckExtras } from './domain/deckExtras';

const root = import.meta.dirname;

/** Writes the CSP into the built index.html (the dev server needs inline scripts for HMR). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'clinic-kiosk:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/**
 * The built-in deck goes into the renderer already parsed by DeckSchema, its defaults filled in,
 * and a deck that fails the schema fails the build: the player carries no schema code for its
 * own deck (issue 24). Main, which reads what staff enter, stays where run-time input is checked.
 *
 * What only the presenter view and the admin read (the speaker notes and the clinical review's
 * marks) is split off: the deck file itself gives the slides without them, and the same file
 * imported with `?extras` gives them by slide id (renderer/src/deck/deckExtras.ts, loaded with
 * those screens), so the waiting room does not load them at start.
 */
function deckCheckedAtBuild(): Plugin {
  const deckPath = resolve(root, 'assets/deck/how-ketamine-works.json');
  return {
    name: 'clinic-kiosk:deck-checked-at-build',
    enforce: 'pre',
    load(id) {
      const [path, query] = id.split('?');
      if (path !== deckPath) return null;
      const parsed = DeckSchema.safeParse(JSON.parse(readFileSync(deckPath, 'utf8')));
      if (!parsed.success) {
        throw new Error(
          `the built-in deck fails its schema: ${JSON.stringify(parsed.error.issues)}`,
        );
      }
      const { slides, extras } = splitDeckExtras(parsed.data.slides);
      // A `?extras` import is not a .json request to Vite's JSON plugin: it gets a module.
      return query === 'extras'
        ? `export default ${JSON.stringify(extras)};`
        : JSON.stringify({ ...parsed.data, slides });
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Main's few libraries (zod, file-type, yauzl, yazl) are bundled in, like the renderer's:
      // the package then carries the build and nothing else (no node_modules in app.asar).
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload must be a single CommonJS file with nothing to require but electron.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [deckCheckedAtBuild(), react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // Inlined assets would become data: URLs, which the CSP does not allow.
      assetsInlineLimit: 0,
      minify: true,
      // No <link rel="modulepreload"> in index.html: with them the entry's chunks arrived with
      // the entry, and the scripts ran before the prerendered slide's first paint (one run of
      // 30 loads each at 4x CPU slowdown: first contentful paint 264 ms with them, 240 without;
      // docs/PERFORMANCE.md). The chunks come a moment later from the entry's own imports;
      // lazy screens still preload what they need when opened.
      modulePreload: {
        resolveDependencies: (_file, dependencies, { hostType }) =>
          hostType === 'html' ? [] : dependencies,
      },
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
        treeshake: {
          // The player imports the contract for its types, defaults and rules, not its zod
          // schemas: building a schema does nothing but build it, so an unused one, and its
          // module, can go. Keeps zod out of the waiting room's script (issue 24); the admin,
          // which does check input, still gets them.
          manualPureFunctions: [
            'z',
            'z.array',
            'z.boolean',
            'z.discriminatedUnion',
            'z.enum',
            'z.int',
            'z.iso.date',
            'z.iso.datetime',
            'z.iso.time',
            'z.length',
            'z.literal',
            'z.maxLength',
            'z.maximum',
            'z.minLength',
            'z.minimum',
            'z.nonnegative',
            'z.nullable',
            'z.number',
            'z.object',
            'z.optional',
            'z.pick',
            'z.record',
            'z.refine',
            'z.regex',
            'z.strictObject',
            'z.string',
            'z.superRefine',
            'z.trim',
            'z.tuple',
            'z.union',
            'z.unknown',
            'z.url',
          ],
          moduleSideEffects: (id) => !/\/(contract|domain)\/[^/]+\.ts$/.test(id),
        },
      },
    },
  },
});
