import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      // Type information (TypeScript's project service, from the tsconfig next to each file) for
      // the promise rules below.
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js', 'tests/unit/electron/main/fixtures/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits or catches fails silently; one passed where a plain callback
      // is expected (an event handler, a forEach) is never awaited either.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // A leading underscore marks a parameter kept for its position in a signature.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // One validation dialect: zod/mini (through contract/zod.ts), never classic zod, whose
      // chained API pulls all of zod into a bundle and leads to hand-written schema types.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^zod(?!/mini$)(?:/.*)?$',
              message: "Use zod/mini (import { z } from 'contract/zod'), not classic zod.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['scripts/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Benchmark probes run inside the measured pages as well as in Node.
    files: ['scripts/bench/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
