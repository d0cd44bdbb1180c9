import { describe, expect, it } from 'vitest';
import { bridgeShape, eventMethodName } from '../../shared/api/bridge';
import { EVENT_NAMES, REQUEST_NAMES } from '../../shared/api/names';

describe('the desktop preload bridge', () => {
  it('names event subscriptions after the event: phone.screen -> onPhoneScreen', () => {
    expect(eventMethodName('phone.screen')).toBe('onPhoneScreen');
    expect(eventMethodName('lab.changed')).toBe('onLabChanged');
  });

  it('exposes one named method per request and routes it to its own channel, never a generic invoke', async () => {
    const calls: [string, unknown][] = [];
    const bridge = bridgeShape([...REQUEST_NAMES], [...EVENT_NAMES], async (name, payload) => {
      calls.push([name, payload]);
      return { ok: true, result: null };
    }, () => () => undefined);
    expect(Object.keys(bridge).sort()).toEqual(['admin', 'events', 'file', 'lab', 'phone', 'pki', 'scenario', 'shell']);
    expect(Object.keys(bridge.phone!).sort()).toEqual(['pressKey', 'screen', 'typeText']);
    expect(Object.keys(bridge.events).sort()).toEqual([
      'onAdminChanged', 'onLabAttempt', 'onLabChanged', 'onLabReplaced', 'onLabScheduler', 'onLabTrace', 'onPhoneScreen', 'onScenarioProgress', 'onShellMenuCommand', 'onShellPhoneWindows',
    ]);
    // The lab window's requests about phone windows: named, nothing that could open any window or URL.
    expect(Object.keys(bridge.shell!).sort()).toEqual(['phoneWindows', 'showAllPhones', 'showPhone', 'tilePhones']);
    expect(Object.keys(bridge.file!).sort()).toEqual(['current', 'new', 'open', 'save', 'validate']);
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
    for (const group of Object.values(bridge)) for (const method of Object.values(group)) expect(typeof method).toBe('function');
    await bridge.phone!.pressKey!({ deviceName: 'SEP1', key: '1' });
    expect(calls).toEqual([['phone.pressKey', { deviceName: 'SEP1', key: '1' }]]);
  });
});
