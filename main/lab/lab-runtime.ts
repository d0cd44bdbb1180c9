/**
 * Opening the lab the way the app and the CLI do: the demo lab's (or the fresh lab's) clusters in
 * the data folder.
 */
import os from 'node:os';
import path from 'node:path';
import { DEMO_LAB, FRESH_LAB } from './demo-lab';
import { Lab } from './lab';

/** Where the lab keeps its databases unless told otherwise. */
export function defaultDataDir(): string {
  return process.env.EMCC_LAB_DATA || path.join(os.homedir(), '.emcc-lab');
}

export function openDemoLab(dataDir: string): Promise<Lab> {
  return Lab.open({ dataDir, clusters: DEMO_LAB, exchangeCertificates: true });
}

/** Two clusters as just installed (cluster-a, cluster-b), to configure from scratch in the admin windows. */
export function openFreshLab(dataDir: string): Promise<Lab> {
  return Lab.open({ dataDir, clusters: FRESH_LAB });
}

/** The first stdout line of `serve --headless`: every node's EMApp and EM service URLs. */
export function headlessBanner(lab: Lab): string {
  return JSON.stringify({
    clusters: lab.clusters.map((c) => {
      const id = c.identity();
      return {
        id: id.name,
        clusterId: id.clusterId,
        nodes: c.nodes().map((n) => ({ name: n.name, emapp: `${n.url}/emapp/EMAppServlet`, emservice: `${n.url}/emservice/EMServiceServlet` })),
      };
    }),
  });
}
