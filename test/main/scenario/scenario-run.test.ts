import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_LAB } from '../../../main/lab/demo-lab';
import type { ScenarioState } from '../../../shared/api/file-contract';
import { sayText } from '../../../shared/i18n/scenario-translator';
import { parseScenario, readScenarioFile } from '../../../main/scenario/scenario-file';
import { fixture, openRun, play, scenarioText, stepLines, type OpenedRun } from '../../helpers/scenario-fixture';

const VISITING_PHONE = 'SEP00AA11BB22CC';
const VISITING_PHONE_ZH = 'SEP00AA11BB33DD';

describe('playing a scenario', () => {
  it('a scenario whose expectations all hold passes, each step in words with what came of it', async () => {
    const state = await play({ file: 'emcc-login.emccscenario' });
    expect(stepLines(state).filter((l) => !l.startsWith('✓'))).toEqual([]);
    expect(state).toMatchObject({ id: 'test', passed: true, next: 12, steps: 12, reproduces: [2, 3] });
    const lines = stepLines(state);
    expect(lines[1]).toBe(`✓ alice logs in on ${VISITING_PHONE} with PIN 99999 — ${VISITING_PHONE} shows “Extension Mobility / Login is unavailable (2)”`);
    expect(lines[3]).toBe(`✓ alice logs in on ${VISITING_PHONE} with PIN 12345 — ${VISITING_PHONE} is registered to HOME`);
    expect(lines[6]).toBe('✓ EM API query request to visit-pub — visit-pub answered code 3: Invalid App User');
    expect(state.stepStates[1]!.note).toBe('a wrong PIN');
  });

  it('records every error code a phone showed and an EM API application was answered', async () => {
    const state = await play({ file: 'emcc-login.emccscenario' });
    // 2: the wrong PIN on the phone; 3: the application's wrong password.
    expect(state.codes).toEqual([2, 3]);
  });

  it('a failing expectation fails its step with the reason, later steps still play, and the run fails', async () => {
    const state = await play({
      text: scenarioText({
        steps: [
          { do: 'login', device: VISITING_PHONE, user: 'carol', pin: '24680' },
          { do: 'expect', device: VISITING_PHONE, registeredTo: 'HOME' },
          { do: 'expect', device: VISITING_PHONE, code: 31, shows: 'Login is unavailable (31)' },
        ],
      }),
    });
    expect(state.passed).toBe(false);
    expect(state.stepStates.map((s) => s.status)).toEqual(['passed', 'failed', 'passed']);
    expect(sayText(state.stepStates[1]!.message!)).toBe(`${VISITING_PHONE} is registered to VISIT, expected HOME`);
    expect(sayText(state.stepStates[1]!.message!, 'zh-CN')).toBe(`${VISITING_PHONE} 注册到 VISIT，预期为 HOME`);
    expect(state.codes).toEqual([31]);
  });

  it('the failing fixture fails on its last step only, naming what the phone really shows', async () => {
    const state = await play({ file: 'expectation-fails.emccscenario' });
    expect(state.passed).toBe(false);
    expect(stepLines(state)).toEqual([
      `✓ carol logs in on ${VISITING_PHONE} with PIN 24680 — ${VISITING_PHONE} shows “Extension Mobility / Login is unavailable (31)”`,
      `✓ Expect ${VISITING_PHONE}: error code 31 — As expected`,
      `✗ Expect ${VISITING_PHONE}: registered to HOME — ${VISITING_PHONE} is registered to VISIT, expected HOME`,
    ]);
  });

  it('a zh-CN phone acts out the login in its own language and its code is recorded', async () => {
    const state = await play({
      text: scenarioText({
        steps: [
          { do: 'login', device: VISITING_PHONE_ZH, user: 'alice', pin: '11111' },
          { do: 'expect', device: VISITING_PHONE_ZH, shows: '无法登录 (2)', code: 2 },
        ],
      }),
    });
    expect(stepLines(state).filter((l) => !l.startsWith('✓'))).toEqual([]);
    expect(state.codes).toEqual([2]);
  });

  it('administration, faults and the clock act on the lab: a WAN down gives 208, cleared it logs in', async () => {
    const state = await play({
      text: scenarioText({
        steps: [
          { do: 'fault', fault: 'wanDown', target: 'home|visiting', on: true },
          { do: 'login', device: VISITING_PHONE, user: 'alice', pin: '12345' },
          { do: 'expect', device: VISITING_PHONE, code: 208, registeredTo: 'VISIT' },
          { do: 'fault', fault: 'wanDown', target: 'home|visiting', on: false },
          { do: 'clock', advance: '31 min' },
          { do: 'login', device: VISITING_PHONE, user: 'alice', pin: '12345' },
          { do: 'expect', device: VISITING_PHONE, registeredTo: 'HOME', loggedIn: 'alice' },
          { do: 'adminLogOut', cluster: 'VISIT', device: VISITING_PHONE },
          { do: 'save', cluster: 'home', kind: 'endUser', key: 'carol', set: { emccEnabled: true } },
        ],
      }),
    });
    expect(stepLines(state).filter((l) => !l.startsWith('✓'))).toEqual([]);
    expect(state.codes).toContain(208);
  });

  it('a step the lab refuses fails with the administration\'s reason', async () => {
    const state = await play({
      text: scenarioText({
        steps: [
          { do: 'save', cluster: 'home', kind: 'endUser', key: 'alice', set: { profiles: ['no-such-profile'] } },
          { do: 'adminLogOut', cluster: 'visiting', device: VISITING_PHONE },
        ],
      }),
    });
    expect(state.passed).toBe(false);
    expect(state.stepStates.map((s) => s.status)).toEqual(['failed', 'failed']);
    expect(sayText(state.stepStates[1]!.message!)).toBe(`Refused: device: nobody is logged in on ${VISITING_PHONE}`);
    expect(sayText(state.stepStates[0]!.message!)).toMatch(/^Refused: profiles/);
  });

  it('tells every step as it is played, and step() plays one at a time', async () => {
    const read = readScenarioFile(fixture('expectation-fails.emccscenario'));
    const opened = await openRun(read);
    try {
      const told: ScenarioState[] = [];
      opened.run.onProgress((s) => told.push(s));
      expect(opened.run.state()).toMatchObject({ next: 0, passed: null, codes: [] });
      const first = await opened.run.step();
      expect(first).toMatchObject({ index: 0, kind: 'login', status: 'passed' });
      expect(opened.run.state().stepStates.map((s) => s.status)).toEqual(['passed', 'pending', 'pending']);
      await opened.run.playAll();
      expect(told.map((s) => s.next)).toEqual([1, 2, 3]);
      expect(told.map((s) => s.passed)).toEqual([null, null, false]);
    } finally {
      await opened.close();
    }
  });

  it('a login acts out every key on the phone: Services, the menu, the user ID, the PIN digits, Submit', async () => {
    const views: string[] = [];
    // The lab window paces the keys; here each pause notes what the phone shows.
    const pace = async (device: string) => {
      const v = opened.lab.phone(device)!.screen().view;
      views.push(v.kind === 'input' ? `input ${v.focused}: ${v.fields.map((f) => f.value).join('|')}` : v.kind);
    };
    const opened: OpenedRun = await openRun(parseScenario(scenarioText({ steps: [{ do: 'login', device: VISITING_PHONE, user: 'bob', pin: '543' }] })), { pace });
    try {
      await opened.run.playAll();
      expect(views).toEqual([
        'menu', 'input 0: |', 'input 0: b|', 'input 0: bo|', 'input 0: bob|', 'input 1: bob|',
        'input 1: bob|*', 'input 1: bob|**', 'input 1: bob|***', 'text',
      ]);
    } finally {
      await opened.close();
    }
  });
});

describe('a scenario whose lab is a lab file', () => {
  it('opens the lab file beside it, paused, and plays on it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'emcc-scenario-lab-'));
    try {
      writeFileSync(path.join(dir, 'two.emcclab'), JSON.stringify({ format: 'emcc-lab', version: 1, name: 'Two', clusters: DEMO_LAB }));
      const file = path.join(dir, 'on-two.emccscenario');
      writeFileSync(file, scenarioText({
        lab: { file: 'two.emcclab' },
        steps: [
          { do: 'login', device: VISITING_PHONE, user: 'alice', pin: '12345' },
          { do: 'expect', device: VISITING_PHONE, registeredTo: 'HOME', loggedIn: 'alice' },
        ],
      }));
      const opened = await openRun(readScenarioFile(file));
      try {
        expect(opened.lab.clock.paused).toBe(true);
        const state = await opened.run.playAll();
        expect(stepLines(state).filter((l) => !l.startsWith('✓'))).toEqual([]);
      } finally {
        await opened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the settle bound', () => {
  it('a phone whose answer never comes in time fails its step with a message, and the run stops there', async () => {
    // A running clock at real speed: the visiting cluster waits 5 s of lab time for a home cluster
    // that never answers; the bound (300 ms of real time) ends the wait first.
    const read = parseScenario(scenarioText({
      steps: [
        { do: 'fault', fault: 'noResponse', target: 'home', on: true },
        { do: 'login', device: VISITING_PHONE, user: 'alice', pin: '12345' },
        { do: 'expect', device: VISITING_PHONE, registeredTo: 'HOME' },
      ],
    }));
    const opened = await openRun(read, { clock: 'file', settleBoundMs: 300 });
    try {
      const state = await opened.run.playAll();
      expect(state.passed).toBe(false);
      expect(state.next).toBe(3);
      expect(state.stepStates.map((s) => s.status)).toEqual(['passed', 'failed', 'failed']);
      expect(sayText(state.stepStates[1]!.message!)).toBe(`The lab did not settle within 0.3 s: ${VISITING_PHONE} got no answer after soft1`);
      expect(sayText(state.stepStates[2]!.message!)).toBe('Not played: an earlier step left the lab unsettled');
    } finally {
      await opened.close();
    }
  });

  it('with the clock paused the runner moves lab time itself: a silent home cluster ends in 23 at once', async () => {
    const state = await play({
      text: scenarioText({
        steps: [
          { do: 'fault', fault: 'noResponse', target: 'home', on: true },
          { do: 'login', device: VISITING_PHONE, user: 'alice', pin: '12345' },
          { do: 'expect', device: VISITING_PHONE, code: 23, registeredTo: 'VISIT' },
        ],
      }),
    });
    expect(stepLines(state).filter((l) => !l.startsWith('✓'))).toEqual([]);
    expect(state.codes).toEqual([23]);
  });
});
