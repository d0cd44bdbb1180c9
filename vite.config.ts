import { defineConfig } from 'vite';

// The renderer: one page that shows either the lab (all phones as panels) or a single phone.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1024 },
  oxc: { jsx: { runtime: 'automatic' } },
});
