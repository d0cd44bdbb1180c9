#!/usr/bin/env node
// The emcc-lab command: runs the built CLI (npm install builds it through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('emcc-lab: not built yet; run `npm run build` first');
  process.exit(1);
}
await import(cli);
