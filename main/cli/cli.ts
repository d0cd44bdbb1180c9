/**
 * The command line: the same lab without Electron. `serve --headless` runs the clusters and
 * phones with no UI; `serve` alone also serves the renderer in browser mode.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { defaultDataDir, headlessBanner, openDemoLab, openFreshLab } from '../lab/lab-runtime';
import { startWebServer } from '../web/web-server';

const here = path.dirname(fileURLToPath(import.meta.url));

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
}

/** Run until SIGINT or SIGTERM, then close cleanly. */
function untilSignal(close: () => Promise<void>): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function buildProgram(): Command {
  const program = new Command('emcc-lab').description('EMCC Lab: emulated Unified CM clusters and IP phones for Extension Mobility Cross Cluster');
  program
    .command('serve')
    .description('run the lab; in browser mode unless --headless')
    .option('--headless', 'no UI: print the nodes as JSON on the first line and serve the clusters only')
    .option('--data <dir>', 'folder of the cluster databases', defaultDataDir())
    .option('--port <port>', 'browser-mode port (0 = any free port)', port, 0)
    .option('--empty', 'a fresh two-cluster lab (cluster-a, cluster-b) with nothing configured, to set up in the admin windows')
    .action(async (opts: { headless?: boolean; data: string; port: number; empty?: boolean }) => {
      const dataDir = path.resolve(opts.data);
      const lab = await (opts.empty ? openFreshLab(dataDir) : openDemoLab(dataDir));
      if (opts.headless) {
        process.stdout.write(`${headlessBanner(lab)}\n`);
        untilSignal(() => lab.close());
        return;
      }
      const web = await startWebServer(lab, { rendererDir: path.join(here, '..', 'renderer'), port: opts.port });
      process.stdout.write(`EMCC Lab is running in browser mode: open ${web.openUrl}\n`);
      untilSignal(async () => {
        await web.close();
        await lab.close();
      });
    });
  return program;
}

buildProgram().parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`emcc-lab: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
