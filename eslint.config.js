// ESLint for raftviz: typescript-eslint's syntax-only `recommended` rules (the type-checked
// presets would double the cost of `tsc -b` for little gain here), React's rules of hooks,
// and the house rules that keep the engine deterministic. `npm run lint` runs it.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The engine is a pure function of its seed and script: time comes from the simulator's clock
 * and randomness from its seeded PRNG. A wall-clock read or `Math.random` anywhere in it would
 * make a replay, a share link or a checkpoint restore diverge from the original run.
 */
const NONDETERMINISM = [
  { object: 'Math', property: 'random', message: 'The engine draws from the seeded PRNG (engine/sim), never Math.random.' },
  { object: 'Date', property: 'now', message: 'The engine reads the simulated clock, never the wall clock.' },
  { object: 'performance', property: 'now', message: 'The engine reads the simulated clock, never the wall clock.' },
];

/** Hosts the engine must not reach: it runs unchanged in a Web Worker, in Node and under Vitest. */
const HOST_GLOBALS = [
  'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'performance',
  'requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'setInterval', 'clearTimeout',
  'clearInterval', 'queueMicrotask', 'fetch', 'XMLHttpRequest', 'postMessage', 'self', 'process',
  'crypto',
].map((name) => ({ name, message: `The engine is host-free and deterministic: no \`${name}\` (time, timers and randomness belong to engine/sim).` }));

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'test-results/', 'playwright-report/', '.vite/'] },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `==` coerces; every comparison here means `===`. `x == null` (null or undefined) is the
      // one coercion with a single, well-known meaning, so it stays allowed.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Output goes through the UI or the runner's report; a stray console call is debugging left behind.
      'no-console': 'error',
      // Underscore-prefixed names are deliberately unused (a parameter a signature needs, a
      // destructured field left out on purpose), as tsc's noUnusedParameters already allows.
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_',
      }],
    },
  },

  // The engine and its tests: deterministic (a test that reads the clock or rolls dice is a
  // flaky test; speed is measured by `npm run bench`, never in a test). The CLI (engine/cli)
  // is the Node-side shell around the engine and may time itself and print.
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/cli/**'],
    rules: {
      'no-restricted-properties': ['error', ...NONDETERMINISM],
      'no-restricted-syntax': ['error', {
        selector: "NewExpression[callee.name='Date']",
        message: 'The engine reads the simulated clock, never the wall clock.',
      }],
    },
  },
  // The engine proper is also host-free. Its tsconfig already has no DOM or Node types, but
  // tsc only says "cannot find name"; this says why, and holds when the worker's build (whose
  // lib defines `self`, timers and `performance`) is the one reading the file.
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/cli/**', 'engine/test/**', 'engine/**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', ...HOST_GLOBALS] },
  },

  // The command-line tools and the browser tests report on the terminal.
  {
    files: ['engine/cli/**/*.ts', 'e2e/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },

  // The UI: React's rules of hooks, with the React Compiler's checks that the preset adds
  // (purity of render, refs read during render, state set in effects).
  {
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/worker/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: reactHooks.configs['recommended-latest'].rules,
  },

  // This file and the other plain-JS configs (.dependency-cruiser.cjs) run in Node.
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: globals.node },
  },
);
