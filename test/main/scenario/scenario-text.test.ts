import { describe, expect, it } from 'vitest';
import type { PhoneScreen } from '../../../shared/api/contract';
import { SCENARIO_TEXT } from '../../../shared/i18n/scenario-text';
import { sayText } from '../../../shared/i18n/scenario-translator';
import { Scenario, type ScenarioInput } from '../../../shared/scenario';
import { screenCodes } from '../../../main/scenario/screen-text';
import { stepText } from '../../../main/scenario/step-text';
import resource from '../../../renderer/src/i18n/resources/scenario';

/** Every key of a nested message object, dotted. */
function keys(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as Record<string, unknown>, `${prefix}${k}.`)));
}

const textScreen = (text: string): PhoneScreen => ({
  deviceName: 'SEP00AA11BB22CC', model: '8845', modelName: 'Cisco 8845', locale: 'en-US', status: 'registered',
  registration: null, emcc: false, loggedInUser: null, lines: [], view: { kind: 'text', title: 'Extension Mobility', text }, softkeys: [], servicesKeyLabel: 'Services',
});

describe('what a scenario run says', () => {
  it('has every text in en-US and zh-CN, and the renderer gets the same strings under "scenario"', () => {
    expect(keys(SCENARIO_TEXT['zh-CN'])).toEqual(keys(SCENARIO_TEXT['en-US']));
    expect(resource).toEqual({ namespace: 'scenario', 'en-US': SCENARIO_TEXT['en-US'], 'zh-CN': SCENARIO_TEXT['zh-CN'] });
  });

  it('says every kind of step in words in both languages, with no key left untranslated', () => {
    const steps: ScenarioInput['steps'] = [
      { do: 'login', device: 'SEP1', user: 'alice', pin: '12345' },
      { do: 'logout', device: 'SEP1' },
      { do: 'press', device: 'SEP1', keys: ['services', 'select'], type: 'ab' },
      { do: 'save', cluster: 'home', kind: 'endUser', key: null, set: { userId: 'dave' } },
      { do: 'delete', cluster: 'home', kind: 'endUser', key: 'dave' },
      { do: 'form', cluster: 'home', page: 'isp', set: { emccActive: false } },
      { do: 'services', cluster: 'home', host: 'home-pub', set: { 'Cisco Tftp': false } },
      { do: 'fault', fault: 'wanLatency', target: 'home|visiting', on: true, value: 300 },
      { do: 'clock', advance: 5_400_000 },
      { do: 'updateRemoteClusters', cluster: 'home' },
      { do: 'untrust', cluster: 'home', store: 'tomcat-trust', host: 'visit-pub', purpose: 'tomcat' },
      { do: 'regenerate', cluster: 'home', host: 'home-pub', purpose: 'tomcat' },
      { do: 'emApi', host: 'visit-pub', xml: '<request><logout/></request>' },
      { do: 'adminLogOut', cluster: 'visiting', device: 'SEP1' },
      { do: 'expect', device: 'SEP1', shows: 'x', code: null, registeredTo: 'HOME', loggedIn: null, apiCode: 3 },
      { do: 'expect', apiCode: null },
    ];
    const parsed = Scenario.parse({ format: 'emcc-lab-scenario', version: 1, title: 't', lab: 'demo', steps });
    const en = parsed.steps.map((s) => sayText(stepText(s)));
    const zh = parsed.steps.map((s) => sayText(stepText(s), 'zh-CN'));
    expect(en[7]).toBe('Switch on the fault “WAN latency” (300 ms) for home|visiting');
    expect(en[8]).toBe('Move the lab clock forward by 1 h 30 min');
    expect(en[12]).toBe('EM API logout request to visit-pub');
    expect(en[14]).toBe('Expect SEP1: shows “x”, no error code, registered to HOME, nobody logged in, the EM API answered code 3');
    expect(zh[14]).toBe('预期 SEP1：显示“x”，没有错误代码，注册到 HOME，无人登录，EM API 返回代码 3');
    for (const [i, s] of parsed.steps.entries()) {
      expect(en[i]).not.toContain(stepText(s).key);
      expect(zh[i]).not.toContain(stepText(s).key);
      expect(zh[i]).not.toBe(en[i]);
    }
  });
});

describe('reading an error code off a phone screen', () => {
  it('finds the code of an EM error text in either language, and nothing in other parentheses', () => {
    expect(screenCodes(textScreen('Login is unavailable (208)'))).toEqual([208]);
    expect(screenCodes(textScreen('无法注销 (25)'))).toEqual([25]);
    expect(screenCodes(textScreen('PIN change is required. Enter a new PIN'))).toEqual([41]);
    expect(screenCodes(textScreen('HTTP error (500)'))).toEqual([]);
    expect(screenCodes(textScreen('Login successful. The phone is restarting.'))).toEqual([]);
  });
});
