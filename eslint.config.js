// Lint rules, including the layout's import rules (docs: README "Layout").
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noUiOrRuntime = [
  {
    group: ['react', 'react-dom', 'react/*', 'rxdb', 'rxdb/*', 'electron', 'fastify', 'pg', '@electric-sql/*'],
    message: 'shared/ is pure: no UI, storage, Electron or server imports.',
  },
  { group: ['node:*'], message: 'shared/ runs in the renderer too: no Node built-ins.' },
  { group: ['**/renderer/**', '**/server/**', '**/electron/**'], message: 'shared/ imports only shared/.' },
];

const sandboxed = 'The renderer runs sandboxed: reach the shell through renderer/platform.';
const rendererPatterns = [
  { group: ['node:*'], message: sandboxed },
  { group: ['**/server/**', '**/electron/**'], message: 'The renderer never imports server or Electron code.' },
];
const rendererPaths = [{ name: 'electron', message: sandboxed }];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.tsbuild/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'data/**',
      'server/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noUiOrRuntime }] },
  },
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
          paths: rendererPaths,
        },
      ],
    },
  },
  {
    // Features reach local data only through renderer/data's repositories.
    files: ['renderer/features/**/*.{ts,tsx}', 'renderer/app/**/*.{ts,tsx}', 'renderer/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['rxdb', 'rxdb/*', 'dexie'], message: 'Features use renderer/data repositories, never RxDB.' },
            ...rendererPatterns,
          ],
          paths: rendererPaths,
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**', 'electron', 'react', 'rxdb', 'rxdb/*'],
              message: 'The server never imports renderer or Electron code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$)(?!\\.\\./\\.\\./shared/ipc(/channels)?$).*',
              message: 'The preload imports only electron and shared/ipc.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/server/**'],
              message: 'Electron main never imports renderer or server code.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
