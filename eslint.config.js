import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const FEATURES = ['patient', 'staff', 'admin', 'auth', 'display'];
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'url',
  'events',
  'stream',
  'util',
  'buffer',
  'worker_threads',
];

const sharedPatterns = [
  { group: nodeBuiltins, message: 'shared/ must stay free of Node APIs.' },
  {
    group: ['electron', 'react', 'react-dom', 'better-sqlite3', 'node-hid', 'ws'],
    message: 'shared/ is pure.',
  },
  { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import upward.' },
];

const rendererPatterns = [
  { group: nodeBuiltins, message: 'The renderer has no Node.' },
  {
    group: ['electron', 'better-sqlite3', 'node-hid', 'ws'],
    message: 'The renderer talks to the core only through src/api.',
  },
  { group: ['**/electron/**'], message: 'Dependency direction: renderer -> shared only.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'test-results/**', 'node_modules/**', 'resources/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'electron/**/*.ts', 'test/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // shared/ is the platform-neutral domain: no Node, DOM, Electron, React, nor anything from electron/ or renderer/.
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: sharedPatterns,
          paths: [
            {
              name: 'zod',
              message: "Import z from shared/zod.ts: configured without JIT, which the renderer's CSP requires.",
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'Buffer',
        'require',
        'localStorage',
        'navigator',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time is injected: take a clock or `today`.' },
      ],
    },
  },
  // The one place shared/ imports zod itself.
  {
    files: ['shared/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: sharedPatterns }] },
  },
  // The renderer reaches the core only through its API client.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: rendererPatterns,
          paths: [{ name: 'zod', message: 'Schemas live in shared/ (shared/zod.ts: no JIT under the CSP).' }],
        },
      ],
    },
  },
  // Renderer by feature: a feature imports shared code (api, i18n, components, stores, shared/) but never
  // another feature; shared code never imports a feature.
  ...FEATURES.map((feature) => ({
    files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            {
              regex: `(^|/)features/(?!${feature}/)|^\\.\\./(\\.\\./)*(${FEATURES.filter((f) => f !== feature).join('|')})(/|$)`,
              message: `renderer/src/features/${feature} must not import another feature: move what both need to renderer/src/components.`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['renderer/src/{api,components,i18n,stores}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            { regex: '(^|/)features(/|$)', message: 'Shared renderer code must not import a feature.' },
          ],
        },
      ],
    },
  },
  // Only the thin shell (electron/main, electron/preload) may import 'electron'.
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: "Only electron/main and electron/preload import 'electron'." },
            { group: ['**/renderer/**'], message: 'The core never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
