/**
 * The `expect` checks beyond the screen: how an EMCC login was recorded (secure or non-secure
 * EMCC, tables 6-8), a phone that is not registered (`registeredTo: null`) and the body of the
 * last EM API answer (`apiAnswer`). Each holds when it should and, when it does not, fails its
 * step with a message that says what the lab has instead, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { sayText } from '../../../shared/i18n/scenario-translator';
import { Scenario } from '../../../shared/scenario';
import { parseScenario } from '../../../main/scenario/scenario-file';
import { stepText } from '../../../main/scenario/step-text';
import { play, scenarioText, stepLines } from '../../helpers/scenario-fixture';

const VISITING_PHONE = 'SEP00AA11BB22CC';
const HOME_PHONE = 'SEP001122334455';
const QUERY = `<query><appInfo><appID>emproxy</appID><appCertificate>proxy-pass</appCertificate></appInfo><deviceUserQuery><deviceName>${HOME_PHONE}</deviceName></deviceUserQuery></query>`;

describe('expect: emccSecurity', () => {
  it('an EMCC login of the non-secure demo lab checked as secure EMCC fails with the recorded state; as non-secure EMCC it holds', async () => {
    const state = await play({
      text: scenarioText({
        steps: [
          { do: 'login', device: VISITING_PHONE, user: 'alice', pin: '12345' },
          { do: 'expect', device: VISITING_PHONE, registeredTo: 'HOME', emccSecurity: 'secure' },
          { do: 'expect', device: VISITING_PHONE, emccSecurity: 'non-secure' },
        ],
      }),
    });
    expect(state.passed).toBe(false);
    expect(state.stepStates.map((s) => s.status)).toEqual(['passed', 'failed', 'passed']);
    const why = state.stepStates[1]!.message!;
    expect(sayText(why)).toBe(`The EMCC login on ${VISITING_PHONE} is recorded as non-secure EMCC, expected secure EMCC`);
    expect(sayText(why, 'zh-CN')).toBe(`${VISITING_PHONE} 上的 EMCC 登录记录为非安全 EMCC，预期为安全 EMCC`);
  });

  it('a secure phone between two mixed-mode 12.0 clusters is recorded as secure EMCC (table 6 row 1)', async () => {
    const state = await play({
      text: scenarioText({
        steps: [
          { do: 'form', cluster: 'home', page: 'enterprise', set: { securityMode: 'mixed' } },
          { do: 'form', cluster: 'visiting', page: 'enterprise', set: { securityMode: 'mixed' } },
          { do: 'save', cluster: 'visiting', kind: 'phone', key: VISITING_PHONE, set: { securityProfile: 'secure' } },
          { do: 'login', device: VISITING_PHONE, user: 'alice', pin: '12345' },
          { do: 'expect', device: VISITING_PHONE, loggedIn: 'alice', emccSecurity: 'secure' },
        ],
      }),
    });
    expect(stepLines(state).filter((l) => !l.startsWith('✓'))).toEqual([]);
  });

  it('a phone with no EMCC login (nobody, or a local login) fails the check, saying so', async () => {
    const state = await play({
      text: scenarioText({
        steps: [
          { do: 'expect', device: VISITING_PHONE, emccSecurity: 'non-secure' },
          { do: 'login', device: VISITING_PHONE, user: 'bob', pin: '54321' },
          { do: 'expect', device: VISITING_PHONE, loggedIn: 'bob', emccSecurity: 'non-secure' },
        ],
      }),
    });
    expect(state.stepStates.map((s) => s.status)).toEqual(['failed', 'passed', 'failed']);
    expect(sayText(state.stepStates[2]!.message!)).toBe(`No EMCC login is recorded for ${VISITING_PHONE}`);
    expect(sayText(state.stepStates[2]!.message!, 'zh-CN')).toBe(`${VISITING_PHONE} 没有 EMCC 登录记录`);
  });
});

describe('expect: registeredTo null', () => {
  it('holds for a phone that could not register (its TFTP stopped) and fails for a registered one, naming its cluster', async () => {
    const added = 'SEP00AA11BB55FF';
    const state = await play({
      text: scenarioText({
        steps: [
          { do: 'fault', fault: 'tftpDown', target: 'visit-pub', on: true },
          { do: 'save', cluster: 'visiting', kind: 'phone', key: null, set: { name: added, model: '8845', devicePool: 'Default', emEnabled: true, services: ['Extension Mobility'] } },
          { do: 'expect', device: added, registeredTo: null, loggedIn: null },
          { do: 'expect', device: VISITING_PHONE, registeredTo: null },
        ],
      }),
    });
    expect(state.stepStates.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'failed']);
    expect(sayText(state.stepStates[3]!.message!)).toBe(`${VISITING_PHONE} is registered to VISIT, expected not registered`);
    expect(sayText(state.stepStates[3]!.message!, 'zh-CN')).toBe(`${VISITING_PHONE} 注册到 VISIT，预期未注册`);
  });
});

describe('expect: apiAnswer', () => {
  it('holds when the last EM API answer contains the text and fails showing the answer when it does not', async () => {
    const state = await play({
      text: scenarioText({
        steps: [
          { do: 'save', cluster: 'home', kind: 'applicationUser', key: null, set: { userId: 'emproxy', password: 'proxy-pass', emProxyRights: true } },
          { do: 'emApi', host: 'home-pub', xml: QUERY },
          { do: 'expect', apiCode: null, apiAnswer: `<device name="${HOME_PHONE}">` },
          { do: 'expect', apiAnswer: '<userID>alice</userID>' },
        ],
      }),
    });
    expect(state.stepStates.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'failed']);
    // Nobody is logged in on the home phone: the answer says <none/> for it, not alice.
    const why = sayText(state.stepStates[3]!.message!);
    expect(why.startsWith('The last EM API answer does not contain “<userID>alice</userID>”: “')).toBe(true);
    expect(why).toContain(`<device name="${HOME_PHONE}"><none`);
  });

  it('before any EM API request it fails, saying none was sent', async () => {
    const state = await play({ text: scenarioText({ steps: [{ do: 'expect', apiAnswer: 'success' }] }) });
    expect(sayText(state.stepStates[0]!.message!)).toBe('No EM API request was sent before this check');
  });
});

describe('the new checks in words and in the file checks', () => {
  it('says each new check in both languages', () => {
    const parsed = Scenario.parse(JSON.parse(scenarioText({
      steps: [
        { do: 'expect', device: 'SEP1', registeredTo: null, loggedIn: 'alice', emccSecurity: 'secure' },
        { do: 'expect', device: 'SEP1', emccSecurity: 'non-secure' },
        { do: 'expect', apiCode: 26, apiAnswer: 'code="26"' },
      ],
    })));
    expect(parsed.steps.map((s) => sayText(stepText(s)))).toEqual([
      'Expect SEP1: not registered, alice logged in, its EMCC login recorded as secure EMCC',
      'Expect SEP1: its EMCC login recorded as non-secure EMCC',
      'Expect: the EM API answered code 26, the EM API answer contains “code="26"”',
    ]);
    expect(parsed.steps.map((s) => sayText(stepText(s), 'zh-CN'))).toEqual([
      '预期 SEP1：未注册，alice 已登录，其 EMCC 登录记录为安全 EMCC',
      '预期 SEP1：其 EMCC 登录记录为非安全 EMCC',
      '预期：EM API 返回代码 26，EM API 响应包含“code="26"”',
    ]);
  });

  it('emccSecurity looks at a phone: without a device the file is refused; a value other than secure or non-secure too', () => {
    const noDevice = parseScenario(scenarioText({ steps: [{ do: 'expect', emccSecurity: 'secure' }] }));
    expect(!noDevice.ok && noDevice.errors).toEqual([{ field: 'steps.0.device', message: 'is missing: shows, code, registeredTo, loggedIn and emccSecurity look at a phone' }]);
    const wrong = parseScenario(JSON.stringify({ format: 'emcc-lab-scenario', version: 1, title: 't', lab: 'demo', steps: [{ do: 'expect', device: VISITING_PHONE, emccSecurity: 'encrypted' }] }));
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.errors[0]!.field).toBe('steps.0.emccSecurity');
  });
});
