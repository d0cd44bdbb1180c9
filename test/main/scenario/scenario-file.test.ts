import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileProblem } from '../../../shared/api/file-contract';
import { DEMO_LAB } from '../../../main/lab/demo-lab';
import { parseScenario, readScenarioFile } from '../../../main/scenario/scenario-file';
import { checkFileText } from '../../../main/scenario/validate-file';
import { fixture, scenarioText } from '../../helpers/scenario-fixture';

const fields = (r: { ok: boolean; errors?: FileProblem[] }) => (r.ok ? [] : r.errors!.map((e) => e.field));
const refusal = (r: ReturnType<typeof parseScenario>) => (r.ok ? [] : r.errors);

const DEMO_LAB_FILE = { format: 'emcc-lab', version: 1, name: 'Beside', clusters: DEMO_LAB };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'emcc-scenario-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a scenario file', () => {
  it('the test fixtures are valid scenarios of the demo lab', () => {
    for (const name of ['emcc-login.emccscenario', 'expectation-fails.emccscenario']) {
      const r = readScenarioFile(fixture(name));
      expect(r.ok && r.lab).toEqual({ kind: 'demo' });
    }
  });

  it('a file that is not JSON is refused with the line and column', () => {
    expect(refusal(parseScenario('{ "format": "emcc-lab-scenario",\n  "version": 1 oops }'))).toEqual([
      { field: '', message: expect.stringMatching(/^not valid JSON at line 2, column \d+/) },
    ]);
  });

  it('another kind of file, or a newer format, is refused for that alone', () => {
    expect(refusal(parseScenario(JSON.stringify({ format: 'emcc-lab', version: 1 })))).toEqual([
      { field: 'format', message: 'not an EMCC Lab scenario (its format must be "emcc-lab-scenario")' },
    ]);
    expect(refusal(parseScenario(JSON.stringify({ format: 'emcc-lab-scenario', version: 7, stepz: 'anything' })))).toEqual([
      { field: 'version', message: 'a scenario of a newer EMCC Lab (this one reads format version 1)' },
    ]);
  });

  it('schema problems are named by the path of their field', () => {
    const r = parseScenario(scenarioText({
      steps: [
        { do: 'login', device: 'SEP00AA11BB22CC', user: 'alice', pin: '1', extra: true },
        { do: 'press', device: 'SEP00AA11BB22CC', keys: ['services', 'launch'] },
        { do: 'fly' },
        { do: 'clock', advance: 'soon' },
      ] as never,
    }));
    expect(fields(r)).toEqual(['steps.0.extra', 'steps.1.keys.1', 'steps.2.do', 'steps.3.advance']);
  });

  it('phones, clusters, servers and fault targets the lab does not have are refused, naming what it has', () => {
    const r = parseScenario(scenarioText({
      steps: [
        { do: 'login', device: 'SEP999999999999', user: 'alice', pin: '1' },
        { do: 'form', cluster: 'nowhere', page: 'isp', set: {} },
        { do: 'emApi', host: 'other-pub', xml: '<query/>' },
        { do: 'fault', fault: 'database', target: 'HOME', on: true },
        { do: 'fault', fault: 'wanDown', target: 'home|home', on: true },
        { do: 'untrust', cluster: 'HOME', store: 'tomcat-trust', host: 'visit-pub', purpose: 'tomcat' },
        { do: 'untrust', cluster: 'HOME', store: 'kitchen-trust', host: 'visit-pub', purpose: 'toaster' },
        { do: 'expect', device: 'SEP00AA11BB22CC', registeredTo: 'ELSEWHERE' },
        { do: 'expect', shows: 'Login' },
        { do: 'expect', note: 'checks nothing' },
      ],
    }));
    expect(refusal(r)).toEqual([
      { field: 'steps.0.device', message: 'no phone named "SEP999999999999" in this scenario\'s lab (phones: SEP001122334455, SEP00AA11BB22CC, SEP00AA11BB33DD)' },
      { field: 'steps.1.cluster', message: expect.stringContaining('no cluster named or with Cluster ID "nowhere"') },
      { field: 'steps.2.host', message: 'no server "other-pub" in this scenario\'s lab (servers: home-pub, visit-pub)' },
      { field: 'steps.3.target', message: 'Database exception is switched for a cluster by its lab name (clusters: home, visiting)' },
      { field: 'steps.4.target', message: 'a link is two different cluster names joined by "|" (clusters: home, visiting)' },
      { field: 'steps.6.store', message: expect.stringContaining('must be one of tomcat-trust') },
      { field: 'steps.6.purpose', message: expect.stringContaining('must be one of tomcat, tomcat-ecdsa') },
      { field: 'steps.7.registeredTo', message: expect.stringContaining('"ELSEWHERE"') },
      { field: 'steps.8.device', message: 'is missing: shows, code, registeredTo, loggedIn and emccSecurity look at a phone' },
      { field: 'steps.9.do', message: 'an expectation must check something: shows, code, registeredTo, loggedIn, emccSecurity, apiCode or apiAnswer' },
    ]);
  });

  it('a phone a step adds may be named by the steps after it, not before', () => {
    const add = { do: 'save', cluster: 'visiting', kind: 'phone', key: null, set: { name: 'SEP0000000000AA', model: '8845', devicePool: 'Default' } } as const;
    const use = { do: 'login', device: 'SEP0000000000AA', user: 'alice', pin: '12345' } as const;
    expect(parseScenario(scenarioText({ steps: [add, use] })).ok).toBe(true);
    expect(fields(parseScenario(scenarioText({ steps: [use, add] })))).toEqual(['steps.0.device']);
  });

  it('the fresh lab has its own names: cluster-a, cucm-a-pub and no phone', () => {
    const r = parseScenario(scenarioText({ lab: 'empty', steps: [{ do: 'form', cluster: 'cluster-a', page: 'enterprise', set: { clusterId: 'A' } }, { do: 'services', cluster: 'A', host: 'cucm-a-pub', set: { 'Cisco Tftp': true } }] }));
    expect(r.ok).toBe(true);
    expect(fields(parseScenario(scenarioText({ lab: 'empty', steps: [{ do: 'logout', device: 'SEP00AA11BB22CC' }] })))).toEqual(['steps.0.device']);
  });
});

describe('a scenario\'s lab', () => {
  it('a lab file beside the scenario is read relative to the scenario\'s folder, and its names are checked', () => {
    writeFileSync(path.join(dir, 'beside.emcclab'), JSON.stringify(DEMO_LAB_FILE));
    const file = path.join(dir, 'uses-beside.emccscenario');
    writeFileSync(file, scenarioText({ lab: { file: 'beside.emcclab' }, steps: [{ do: 'logout', device: 'SEP00AA11BB22CC' }] }));
    const r = readScenarioFile(file);
    expect(r.ok && r.lab.kind === 'file' && r.lab.name).toBe('beside');
    writeFileSync(file, scenarioText({ lab: { file: 'beside.emcclab' }, steps: [{ do: 'logout', device: 'SEP0000000000FF' }] }));
    expect(fields(readScenarioFile(file))).toEqual(['steps.0.device']);
  });

  it('a missing lab file, one that is not a lab file path, or one given without a folder is refused under lab.file', () => {
    const file = path.join(dir, 'missing.emccscenario');
    writeFileSync(file, scenarioText({ lab: { file: 'not-there.emcclab' }, steps: [{ do: 'clock', advance: 1 }] }));
    expect(refusal(readScenarioFile(file))).toEqual([{ field: 'lab.file', message: 'cannot read not-there.emcclab: no such file' }]);
    expect(refusal(parseScenario(scenarioText({ lab: { file: '/etc/passwd' }, steps: [{ do: 'clock', advance: 1 }] })))).toEqual([
      { field: 'lab.file', message: 'must be a path relative to the scenario\'s folder' },
    ]);
    expect(fields(parseScenario(scenarioText({ lab: { file: 'lab.emcclab' }, steps: [{ do: 'clock', advance: 1 }] })))).toEqual(['lab.file']);
  });

  it('a broken lab file beside the scenario is refused with the lab file\'s own field paths', () => {
    writeFileSync(path.join(dir, 'broken.emcclab'), JSON.stringify({ ...DEMO_LAB_FILE, clusters: [{ ...DEMO_LAB[0], name: 'Bad Name' }] }));
    const file = path.join(dir, 'uses-broken.emccscenario');
    writeFileSync(file, scenarioText({ lab: { file: 'broken.emcclab' }, steps: [{ do: 'clock', advance: 1 }] }));
    expect(fields(readScenarioFile(file))).toContain('lab.file(broken.emcclab).clusters.0.name');
  });

  it('an inline lab is checked as a lab file, its fields named under lab', () => {
    const r = parseScenario(scenarioText({ lab: { ...DEMO_LAB_FILE, clusters: [DEMO_LAB[0]!, DEMO_LAB[0]!] } as never, steps: [{ do: 'clock', advance: 1 }] }));
    expect(fields(r)).toContain('lab.clusters.1.name');
  });
});

describe('validating a file of either kind', () => {
  it('tells a lab file from a scenario by its format, and names each problem\'s field', () => {
    expect(checkFileText(JSON.stringify(DEMO_LAB_FILE))).toEqual({ kind: 'lab', errors: [] });
    expect(checkFileText(scenarioText({ steps: [{ do: 'clock', advance: '1 h' }] }))).toEqual({ kind: 'scenario', errors: [] });
    const bad = checkFileText(scenarioText({ steps: [{ do: 'logout', device: 'SEPNOPE' }] }));
    expect(bad).toEqual({ kind: 'scenario', errors: [{ field: 'steps.0.device', message: expect.stringContaining('no phone named "SEPNOPE"') }] });
    expect(checkFileText('{}', 'x.txt')).toEqual({ kind: null, errors: [{ field: 'format', message: expect.stringContaining('not an EMCC Lab file') }] });
    expect(checkFileText('{}', 'x.emcclab').kind).toBe('lab');
  });
});
