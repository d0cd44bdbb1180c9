import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './shared/content-security-policy.ts';

// Help > About shows the version of package.json, built into the page.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The renderer: one page that shows either the lab (all phones as panels) or a single phone.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1024 },
  oxc: { jsx: { runtime: 'automatic' } },
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [
    {
      name: 'content-security-policy',
      transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' }],
    },
  ],
});
