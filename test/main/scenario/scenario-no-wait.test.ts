/**
 * `wait: false` on a phone step: the step acts the keys out and goes on without the phone's
 * answer, the request it left waiting on lab time stays held while other steps run, and a later
 * step on that phone waits for it as usual. This is what lets a scenario put two requests on one
 * EM service at once (Maximum Concurrent Requests, code 26). Lab time is the paused clock the
 * runner moves; nothing here sleeps.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sayText } from '../../../shared/i18n/scenario-translator';
import { Scenario, type ScenarioInput } from '../../../shared/scenario';
import { parseScenario, readScenarioFile } from '../../../main/scenario/scenario-file';
import { stepText } from '../../../main/scenario/step-text';
import { openRun, play, scenarioText, stepLines } from '../../helpers/scenario-fixture';

const VISITING_PHONE = 'SEP00AA11BB22CC';
const VISITING_PHONE_ZH = 'SEP00AA11BB33DD';
const LIBRARY_26 = path.resolve('resources/scenarios/error-026-max-concurrent-requests.emccscenario');

/** Maximum Concurrent Requests 1 on the visiting cluster and 2 s of WAN latency: an EMCC login holds the only slot for 2 s of lab time. */
const ONE_SLOT_SLOW_WAN: ScenarioInput['steps'] = [
  { do: 'form', cluster: 'visiting', page: 'serviceParameters', set: { maxConcurrentRequests: 1 } },
  { do: 'fault', fault: 'wanLatency', target: 'home|visiting', on: true, value: 2000 },
];

describe('a phone step that does not wait for its answer (wait: false)', () => {
  it('the library scenario for 26 passes: the second phone is refused with 26, then the first login completes', async () => {
    const opened = await openRun(readScenarioFile(LIBRARY_26));
    try {
      const state = await opened.run.playAll();
      expect(stepLines(state).filter((l) => !l.startsWith('✓'))).toEqual([]);
      expect(state.passed).toBe(true);
      expect(state.codes).toEqual([26]);
      expect(state.reproduces).toEqual([26]);
    } finally {
      await opened.close();
    }
  });

  it('holds the first login in lab time: the second phone gets 26 with the clock where it was, and a check on the first phone lets it through', async () => {
    const opened = await openRun(parseScenario(scenarioText({
      steps: [
        ...ONE_SLOT_SLOW_WAN,
        { do: 'login', device: VISITING_PHONE, user: 'alice', pin: '12345', wait: false },
        { do: 'login', device: VISITING_PHONE_ZH, user: 'alice', pin: '12345' },
        { do: 'expect', device: VISITING_PHONE, registeredTo: 'HOME', loggedIn: 'alice' },
      ],
    })));
    try {
      const { lab, run } = opened;
      await run.step();
      await run.step();
      const unwaited = await run.step();
      expect(sayText(unwaited.message!)).toBe(`${VISITING_PHONE} sent its request; its answer is still on its way (not waited for)`);
      expect(sayText(unwaited.message!, 'zh-CN')).toBe(`${VISITING_PHONE} 已发送请求；响应仍在途中（未等待）`);
      const heldAt = lab.clock.now();
      // The first phone still shows its login form: its request waits on the WAN, holding the slot.
      expect(lab.phone(VISITING_PHONE)!.screen().view.kind).toBe('input');

      const second = await run.step();
      expect(second.status).toBe('passed');
      expect(lab.phone(VISITING_PHONE_ZH)!.screen().view).toMatchObject({ kind: 'text', text: '无法登录 (26)' });
      // Refused at once: no lab time passed, and the first login is still on its way.
      expect(lab.clock.now()).toBe(heldAt);
      expect(lab.phone(VISITING_PHONE)!.screen()).toMatchObject({ loggedInUser: null, view: { kind: 'input' } });

      const check = await run.step();
      expect(check.status).toBe('passed');
      // Two requests cross the WAN (checkUser, then login), 2 s each, then the phone resets.
      expect(lab.clock.now()).toBeGreaterThanOrEqual(heldAt + 4000);
      expect(run.state()).toMatchObject({ passed: true, codes: [26] });
    } finally {
      await opened.close();
    }
  });

  it('the same steps waiting for each answer give no 26: the second login starts after the first ended', async () => {
    const state = await play({
      text: scenarioText({
        steps: [
          ...ONE_SLOT_SLOW_WAN,
          { do: 'login', device: VISITING_PHONE, user: 'alice', pin: '12345' },
          { do: 'login', device: VISITING_PHONE_ZH, user: 'bob', pin: '54321' },
          { do: 'expect', device: VISITING_PHONE_ZH, code: null, loggedIn: 'bob' },
        ],
      }),
    });
    expect(stepLines(state).filter((l) => !l.startsWith('✓'))).toEqual([]);
    expect(state.codes).toEqual([]);
  });

  it('on a press, the last key is not waited for: a login keyed in by hand holds the slot, and an EM API application is answered 26', async () => {
    const state = await play({
      text: scenarioText({
        steps: [
          ...ONE_SLOT_SLOW_WAN,
          { do: 'press', device: VISITING_PHONE, keys: ['services', 'select'] },
          { do: 'press', device: VISITING_PHONE, type: 'alice', keys: ['navDown', '1', '2', '3', '4', '5', 'soft1'], wait: false },
          { do: 'emApi', host: 'visit-pub', xml: `<query><appInfo><appID>emproxy</appID><appCertificate>proxy-pass</appCertificate></appInfo><deviceUserQuery><deviceName>${VISITING_PHONE}</deviceName></deviceUserQuery></query>` },
          { do: 'expect', apiCode: 26, apiAnswer: 'code="26"' },
          { do: 'expect', device: VISITING_PHONE, registeredTo: 'HOME', loggedIn: 'alice' },
        ],
      }),
    });
    expect(stepLines(state).filter((l) => !l.startsWith('✓'))).toEqual([]);
    expect(state.codes).toEqual([26]);
  });

  it('a press that does not wait must press a key: without keys the file is refused, naming the field', () => {
    const read = parseScenario(scenarioText({ steps: [{ do: 'press', device: VISITING_PHONE, type: 'alice', wait: false }] }));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors).toEqual([{ field: 'steps.0.wait', message: 'false applies to the last key pressed: give the keys' }]);
  });

  it('says that a step goes on without its answer, in both languages; a file without "wait" reads as before', () => {
    const parsed = Scenario.parse(JSON.parse(scenarioText({
      steps: [
        { do: 'login', device: 'SEP1', user: 'alice', pin: '12345', wait: false },
        { do: 'press', device: 'SEP1', keys: ['soft1'], wait: false },
        { do: 'press', device: 'SEP1', type: 'ab', keys: ['soft1'], wait: false },
        { do: 'login', device: 'SEP1', user: 'alice', pin: '12345' },
      ],
    })));
    expect(parsed.steps.map((s) => sayText(stepText(s)))).toEqual([
      'alice logs in on SEP1 with PIN 12345, without waiting for the answer',
      'Press soft1 on SEP1, without waiting for the answer',
      'Type “ab” and press soft1 on SEP1, without waiting for the answer',
      'alice logs in on SEP1 with PIN 12345',
    ]);
    expect(sayText(stepText(parsed.steps[0]!), 'zh-CN')).toBe('alice 在 SEP1 上用 PIN 12345 登录，不等待响应');
    expect(parsed.steps[3]).not.toHaveProperty('wait');
  });
});
