/**
 * Opening a scenario's lab in a data folder of its own: the demo lab, the fresh lab, or a lab file
 * (openLabFile, as File > Open does). A scenario played headless starts with its clock paused, so
 * lab time only moves when a step moves it (a clock step, a reset, a request waiting on lab time)
 * and every run of a scenario sees the same lab.
 */
import { LabClock } from '../clock/lab-clock';
import type { KeySource } from '../cluster/pki/key-source';
import { DEMO_LAB, FRESH_LAB } from '../lab/demo-lab';
import { Lab } from '../lab/lab';
import { openLabFile } from '../lab/lab-file';
import type { ScenarioLabSource } from './scenario-file';

export interface ScenarioLabOptions {
  /** The folder the lab's databases go to (new or empty). */
  dataDir: string;
  /** Where certificate keys come from (a pool shared by the runs of one command saves the key generation). */
  keys?: KeySource;
  /**
   * 'paused' (the default): the clock stands still and the runner moves it. 'file': as the lab
   * file says (the demo and fresh labs run at real speed), for a lab window a person watches.
   */
  clock?: 'paused' | 'file';
}

export async function openScenarioLab(source: ScenarioLabSource, options: ScenarioLabOptions): Promise<Lab> {
  const paused = (options.clock ?? 'paused') === 'paused';
  if (source.kind === 'file') {
    const lab = await openLabFile(source.file, options.dataDir, options.keys ? { keys: options.keys } : {});
    if (paused && !lab.clock.paused) lab.clock.pause();
    return lab;
  }
  return Lab.open({
    dataDir: options.dataDir,
    clusters: source.kind === 'demo' ? DEMO_LAB : FRESH_LAB,
    exchangeCertificates: source.kind === 'demo',
    clock: new LabClock({ paused }),
    ...(options.keys ? { keys: options.keys } : {}),
  });
}
