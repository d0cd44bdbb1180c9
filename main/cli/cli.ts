/**
 * The command line: the same lab without Electron. `serve --headless` runs the clusters and
 * phones with no UI; `serve` alone also serves the renderer in browser mode; `run` plays
 * scenarios headless and `validate` checks lab and scenario files.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { defaultDataDir, headlessBanner } from '../lab/lab-runtime';
import { LabSession } from '../lab/lab-session';
import { sessionApi } from '../lab/session-api';
import { ScenarioDesk } from '../lab/scenario-desk';
import { libraryDir } from '../scenario';
import { DEFAULT_LISTEN, isLoopback, startWebServer } from '../web/web-server';
import { runScenarioFiles, type CliOutput } from './run-command';
import { validateFiles } from './validate-command';

const here = path.dirname(fileURLToPath(import.meta.url));

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
}

function listenAddress(value: string): string {
  if (value !== 'localhost' && !isIP(value)) throw new InvalidArgumentError('an IP address of this computer (127.0.0.1, 0.0.0.0 for every interface, ::1, ...)');
  return value;
}

/** What `serve --listen` says when it opens the lab page beyond this computer. */
function openedWarning(address: string): string {
  return `emcc-lab: WARNING: browser mode listens on ${address}, not only on this computer: anyone who can reach it `
    + 'and has the token in the URL below can drive the lab. The clusters and phones stay on 127.0.0.1.';
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

const terminal: CliOutput = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

export function buildProgram(io: CliOutput = terminal): Command {
  const program = new Command('emcc-lab').description('EMCC Lab: emulated Unified CM clusters and IP phones for Extension Mobility Cross Cluster');
  program
    .command('serve')
    .description('run the lab; in browser mode unless --headless')
    .option('--headless', 'no UI: print the nodes as JSON on the first line and serve the clusters only')
    .option('--data <dir>', 'folder of the cluster databases', defaultDataDir())
    .option('--port <port>', 'browser-mode port (0 = any free port)', port, 0)
    .option('--listen <address>', 'address the browser-mode page listens on; only this computer can reach the default, any other address opens it to the network (the token is still required)', listenAddress, DEFAULT_LISTEN)
    .option('--empty', 'a fresh two-cluster lab (cluster-a, cluster-b) with nothing configured, to set up in the admin windows')
    .option('--lab <file>', 'open this lab file (.emcclab) instead of the demo lab')
    .action(async (opts: { headless?: boolean; data: string; port: number; listen: string; empty?: boolean; lab?: string }) => {
      if (opts.empty && opts.lab) throw new InvalidArgumentError('--empty and --lab cannot be used together');
      const session = await LabSession.open({
        dataDir: path.resolve(opts.data),
        initial: opts.lab ? { path: path.resolve(opts.lab) } : opts.empty ? 'empty' : 'demo',
      });
      if (opts.headless) {
        // Ready for a signal before saying so: a caller may stop the lab as soon as it reads the banner.
        untilSignal(() => session.close());
        io.out(headlessBanner(session.lab));
        return;
      }
      const desk = new ScenarioDesk(session, libraryDir(here));
      const web = await startWebServer(sessionApi(session, desk), { rendererDir: path.join(here, '..', 'renderer'), port: opts.port, host: opts.listen });
      untilSignal(async () => {
        desk.close();
        await web.close();
        await session.close();
      });
      if (!isLoopback(web.address)) io.err(openedWarning(web.address));
      io.out(`EMCC Lab is running in browser mode: open ${web.openUrl}`);
    });
  program
    .command('run')
    .description('play scenarios (.emccscenario), each in a fresh lab of its own; exit code 1 when an expectation fails or a file is invalid')
    .argument('<scenario...>', 'scenario files')
    .option('--json', 'print one JSON line per scenario ({"scenario","passed","codes","failures"}) and nothing else')
    .action(async (files: string[], opts: { json?: boolean }) => {
      process.exitCode = await runScenarioFiles(files, { json: !!opts.json, cleanUpOnSignal: true }, io);
    });
  program
    .command('validate')
    .description('check lab files (.emcclab) and scenarios (.emccscenario); exit code 1 when any is invalid')
    .argument('<file...>', 'files to check')
    .action((files: string[]) => {
      process.exitCode = validateFiles(files, io);
    });
  return program;
}

buildProgram().parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`emcc-lab: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
