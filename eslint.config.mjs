// @ts-check
// The shared lint rules (npm run lint; test/architecture/lint.test.ts runs it in npm test).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'web/**', '**/*.cjs', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Logs go through the injected pino logger (CONTRIBUTING.md): never console.* in product code.
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // `import x = require(...)` types CommonJS modules without their own typings (natural's stemmers).
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      // A variable declared first and assigned later, because closures made in between refer to it.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Test doubles read untyped JSON (HTTP answers, stored documents) and stand in for framework types.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Command-line tools print to the terminal: the scripts, the storage bench (test/bench), and the entry point's one-line start-up error.
    files: ['scripts/**/*.ts', 'test/bench/**/*.ts', 'bot/index.ts'],
    rules: { 'no-console': 'off' },
  },
);
