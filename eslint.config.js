// Lint rules, including the layering rules of docs/architecture: each layer imports only downward.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noElectron = { name: 'electron', message: 'Only main/shell may import electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [{ group: ['**/main/**', '**/renderer/**', 'node:*'], message: 'shared/ imports nothing of ours and runs anywhere.' }],
      }],
    },
  },
  {
    files: ['main/cluster/**/*.ts', 'main/phone/**/*.ts', 'main/net/**/*.ts', 'main/clock/**/*.ts', 'main/xml/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [{ group: ['**/lab/**', '**/web/**', '**/shell/**', '**/cli/**', '**/renderer/**'], message: 'The domain imports only downward (shared, net, clock, xml).' }],
      }],
    },
  },
  {
    files: ['main/lab/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [{ group: ['**/web/**', '**/shell/**', '**/cli/**', '**/renderer/**'], message: 'The lab composes the domain; shells sit above it.' }],
      }],
    },
  },
  {
    // Only ipc.ts touches ipcMain and only the preload touches ipcRenderer.
    files: ['main/shell/**/*.ts'],
    ignores: ['main/shell/ipc.ts', 'main/shell/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'ipcMain lives in main/shell/ipc.ts, ipcRenderer in the preload.' }],
      }],
    },
  },
  {
    files: ['main/shell/ipc.ts', 'main/shell/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [{ group: ['**/main/**', 'node:*'], message: 'The renderer talks to main only through shared/api.' }],
      }],
    },
  },
);
