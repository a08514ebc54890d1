import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

// Builds the shell: main as one ES module, preload as one CommonJS file (a sandboxed
// preload cannot load other files). Dependencies stay external and ship in node_modules.
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/electron', import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: 'electron/main/index.ts',
    outDir,
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    rolldownOptions: {
      external: ['electron', 'better-sqlite3', ...nodeBuiltins],
      output: { format: 'es', entryFileNames: 'main.js' },
    },
  },
});

// The export worker runs on its own thread (run-in-worker.ts), from a file beside main.js.
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: 'electron/services/exports/export-worker.ts',
    outDir,
    emptyOutDir: false,
    target: 'node22',
    sourcemap: true,
    rolldownOptions: {
      external: ['electron', 'better-sqlite3', ...nodeBuiltins],
      output: { format: 'es', entryFileNames: 'export-worker.js' },
    },
  },
});

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: false,
    target: 'chrome140',
    minify: false,
    lib: { entry: 'electron/preload/index.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
    rolldownOptions: { external: ['electron'] },
  },
});
console.log('Built dist/electron/main.js, export-worker.js and preload.cjs');
