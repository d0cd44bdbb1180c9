import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstStdoutLine } from '../../helpers/cli-process';

// Runs the built command (npm test builds before the unit tests).
describe('emcc-lab serve --headless', () => {
  it('prints the nodes as one JSON line first, answers on them, and exits cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'emcc-cli-'));
    const proc = spawn(process.execPath, ['bin/emcc-lab.mjs', 'serve', '--headless', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const firstLine = await firstStdoutLine(proc);
      const banner = JSON.parse(firstLine) as { clusters: { id: string; clusterId: string; nodes: { name: string; emapp: string; emservice: string }[] }[] };
      expect(banner.clusters.map((c) => [c.id, c.clusterId])).toEqual([['home', 'HOME'], ['visiting', 'VISIT']]);
      const node = banner.clusters[1]!.nodes[0]!;
      expect(node.emapp).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/emapp\/EMAppServlet$/);
      expect(node.emservice).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/emservice\/EMServiceServlet$/);
      expect(await (await fetch(`${node.emapp}?device=SEP00AA11BB22CC&EMCC=false`)).text()).toContain('<CiscoIPPhoneInput>');

      const code = await new Promise<number | null>((resolve) => {
        proc.once('exit', resolve);
        proc.kill('SIGTERM');
      });
      expect(code).toBe(0);
    } finally {
      proc.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a bad port with a clear message', async () => {
    const proc = spawn(process.execPath, ['bin/emcc-lab.mjs', 'serve', '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(err).toMatch(/port number from 0 to 65535/);
  });
});
