// The import rules of raftviz, checked by `npm run deps` (dependency-cruiser). The layers:
// engine/ (pure, deterministic) <- app/worker/ (hosts the engine) <- app/ (the UI);
// engine/cli and e2e/ are Node-side tools around them; tests may import anything but each other.
const TEST = '(\\.test\\.tsx?$|^engine/test/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'Modules that import each other, directly or around a loop, cannot be understood, tested or loaded one at a time, ' +
        'and their evaluation order decides which of them sees the others half-initialised. Break the loop: move what both need into a third module. ' +
        "Type-only imports are erased before anything runs, so a loop closed only by them is allowed: that is zustand's slices pattern " +
        '(each slice names the whole store type, app/store/).',
      from: { path: '^(engine|app|e2e)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'engine-not-to-app',
      severity: 'error',
      comment: 'The engine knows nothing of its hosts: it runs unchanged in the worker, in Node and under Vitest.',
      from: { path: '^engine/' },
      to: { path: '^(app|e2e)/' },
    },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment:
        'The engine proper imports no package and no Node module: it must run in a Web Worker as it runs in Node. ' +
        'Its command-line tools (engine/cli) and tests are the Node side.',
      from: { path: '^engine/', pathNot: ['^engine/cli/', TEST] },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'worker-not-to-ui',
      severity: 'error',
      comment:
        'The worker hosts the engine and speaks to the page only through its message protocol (app/worker/protocol.ts): ' +
        'it imports the engine and its own folder, never React, the store or the DOM-side app.',
      from: { path: '^app/worker/', pathNot: TEST },
      to: { path: ['^app/(?!worker/)', '^node_modules/(react|react-dom|zustand|d3-[a-z-]+)/'] },
    },
    {
      name: 'app-not-to-e2e',
      severity: 'error',
      comment: 'The browser tests drive the app from outside; the app never depends on them.',
      from: { path: '^app/' },
      to: { path: '^e2e/' },
    },
    {
      name: 'not-to-tests',
      severity: 'error',
      comment: 'Shipped code never imports a test: it would pull Vitest into the bundle or the CLI.',
      from: { pathNot: TEST },
      to: { path: TEST },
    },
    {
      name: 'not-to-dev-dependencies',
      severity: 'error',
      comment: 'The engine and the app ship with the dependencies of package.json only; devDependencies are for tests and tools.',
      from: { path: '^(engine|app)/', pathNot: ['^engine/cli/', TEST, '^app/testing/'] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: '^node_modules/@types/' },
    },
  ],
  options: {
    // Type-only imports count for the layers: a wrong-way import of a type still ties the modules together.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test-results|playwright-report)/' },
    moduleSystems: ['es6'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    cache: false,
  },
};
