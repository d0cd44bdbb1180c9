import { describe, expect, it } from 'vitest';
import { ENTITIES, fieldOf } from '../../../shared/admin/entities';
import type { FieldDef } from '../../../shared/admin/fields';
import { PAGES } from '../../../shared/admin/pages';
import { blankRecord, checkField, checkFields, checkRecord, recordRules, loginTypeWarning } from '../../../shared/admin/validate';
import { PHONE_MODELS } from '../../../shared/phone-models';

const pageField = (page: keyof typeof PAGES, key: string): FieldDef => PAGES[page].fields.find((f) => f.key === key)!;
const field = (kind: keyof typeof ENTITIES, key: string): FieldDef => fieldOf(kind, key)!;
const value = (r: ReturnType<typeof checkField>) => (r.ok ? r.value : `refused: ${r.message}`);
const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ dn: String(2000 + i), label: '' }));

describe('checkField: a field as the page checks it while the user types', () => {
  it('a whole number is taken from text or a number; the range shows in the message', () => {
    const f = pageField('serviceParameters', 'maxConcurrentRequests');
    expect(value(checkField(f, '1'))).toBe(1);
    expect(value(checkField(f, ' 100 '))).toBe(100);
    expect(value(checkField(f, 0))).toBe('refused: Maximum Concurrent Requests must be from 1 to 100');
    expect(value(checkField(f, 101))).toBe('refused: Maximum Concurrent Requests must be from 1 to 100');
    for (const bad of ['1e2', '5.5', 5.5, 'five', true, null]) expect(value(checkField(f, bad))).toMatch(/whole number/);
  });

  it('a left-out whole number takes its default (a fresh page)', () => {
    expect(value(checkField(pageField('featureParameters', 'remoteClusterUpdateInterval'), undefined))).toBe(30);
  });

  it('a duration is HHH:MM from 0:00 to 168:00', () => {
    const f = pageField('serviceParameters', 'interClusterMaxLoginTime');
    expect(f.label).toBe('Inter-cluster Maximum Login Time (HHH:MM)');
    for (const good of ['0:00', '168:00', '010:30', ' 8:00 ']) expect(checkField(f, good).ok, good).toBe(true);
    for (const bad of ['168:01', '169:00', '8:60', '12:5', '1000:00', ':30', '8h', 480, '']) {
      expect(value(checkField(f, bad))).toBe('refused: Inter-cluster Maximum Login Time (HHH:MM) must be HHH:MM from 0:00 to 168:00');
    }
  });

  it('text is trimmed before its length is counted; a required field of spaces is empty', () => {
    const f = field('deviceProfile', 'name');
    expect(value(checkField(f, `  ${'n'.repeat(50)}  `))).toBe('n'.repeat(50));
    expect(value(checkField(f, 'n'.repeat(51)))).toBe('refused: Device Profile Name must be at most 50 characters');
    expect(value(checkField(f, '   '))).toBe('refused: Device Profile Name is required');
    expect(value(checkField(f, null))).toBe('refused: Device Profile Name is required');
    expect(value(checkField(f, 42))).toBe('refused: Device Profile Name must be text');
  });

  it('an optional text left empty is stored as nothing', () => {
    expect(value(checkField(field('deviceProfile', 'description'), ''))).toBeNull();
    expect(value(checkField(field('deviceProfile', 'description'), '  '))).toBeNull();
  });

  it('a password (PIN) is not trimmed: a leading space makes it invalid', () => {
    const f = field('endUser', 'pin');
    expect(value(checkField(f, '1234'))).toBe('1234');
    expect(value(checkField(f, ' 1234'))).toMatch(/refused: PIN must be at least 4 digits/);
    expect(value(checkField(f, '123'))).toMatch(/at least 4 digits/);
    expect(value(checkField(f, '1'.repeat(128)))).toBe('1'.repeat(128));
    expect(value(checkField(f, '1'.repeat(129)))).toMatch(/at most 128 characters/);
  });

  it('a select takes one of its choices, exactly as written; an optional select may be empty', () => {
    const f = field('deviceProfile', 'mlppIndication');
    expect(value(checkField(f, 'On'))).toBe('On');
    expect(value(checkField(f, 'on'))).toBe('refused: MLPP Indication must be one of: Default, Off, On');
    expect(value(checkField(field('deviceProfile', 'userLocale'), null))).toBeNull();
    expect(value(checkField(field('deviceProfile', 'userLocale'), 'de-DE'))).toMatch(/User Locale must be one of: en-US, zh-CN/);
  });

  it('a checkbox takes true or false only; left out, its default', () => {
    const f = field('phone', 'emEnabled');
    expect(value(checkField(f, true))).toBe(true);
    expect(value(checkField(f, undefined))).toBe(false);
    expect(value(checkField(f, 'true'))).toBe('refused: Enable Extension Mobility must be checked or unchecked');
    expect(value(checkField(f, 1))).toMatch(/refused/);
  });

  it('a multi-select keeps each name once, takes up to 200 names of up to 128 characters', () => {
    const f = field('deviceProfile', 'services');
    expect(value(checkField(f, ['EM', 'EM', 'Directory']))).toEqual(['EM', 'Directory']);
    expect(checkField(f, Array.from({ length: 200 }, (_, i) => `s${i}`)).ok).toBe(true);
    expect(value(checkField(f, Array.from({ length: 201 }, (_, i) => `s${i}`)))).toBe('refused: Subscribed Services takes at most 200 entries');
    expect(checkField(f, ['s'.repeat(128)]).ok).toBe(true);
    for (const bad of [['s'.repeat(129)], [''], [1], 'EM']) expect(value(checkField(f, bad))).toBe('refused: Subscribed Services must be a list of names');
  });

  it('lines: up to 64, each a directory number of up to 24 characters with a label of up to 30, no number twice', () => {
    const f = field('phone', 'lines');
    expect(checkField(f, lines(64)).ok).toBe(true);
    expect(value(checkField(f, lines(65)))).toBe('refused: Lines (Directory Numbers) must be a list of directory numbers');
    expect(value(checkField(f, [{ dn: ' 1001 ', label: ' Alice ' }]))).toEqual([{ dn: '1001', label: 'Alice' }]);
    expect(value(checkField(f, [{ dn: '1001' }]))).toEqual([{ dn: '1001', label: '' }]);
    expect(checkField(f, [{ dn: '9'.repeat(24), label: 'x'.repeat(30) }]).ok).toBe(true);
    expect(value(checkField(f, [{ dn: '1001', label: '' }, { dn: '9'.repeat(25), label: '' }]))).toMatch(/^refused: Line 2: "9{25}" is not a directory number/);
    expect(value(checkField(f, [{ dn: '1001', label: 'x'.repeat(31) }]))).toBe('refused: Line 1: the label must be at most 30 characters');
    expect(value(checkField(f, [{ dn: '1001', label: 'a' }, { dn: '1001', label: 'b' }]))).toBe('refused: Directory number 1001 is on two lines');
    for (const bad of [[{ dn: 1001 }], ['1001'], [{ dn: '1001', label: 5 }], '1001']) expect(checkField(f, bad).ok).toBe(false);
  });
});

describe('checkFields and checkRecord: a whole record or form', () => {
  it('a field the record does not have is refused by name', () => {
    const r = checkFields(PAGES.serviceParameters.fields, { cacheSize: 5000, maxLogins: 3 });
    expect(r).toEqual({ ok: false, errors: [{ field: 'maxLogins', message: 'unknown field "maxLogins"' }] });
  });

  it('a very long unknown field name is cut to 40 characters in the error', () => {
    const r = checkFields(PAGES.isp.fields, { ['x'.repeat(100)]: true });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['x'.repeat(40)]);
  });

  it('something that is not an object of fields is refused', () => {
    for (const bad of [null, 'record', [1, 2], 7]) expect(checkFields(PAGES.isp.fields, bad)).toEqual({ ok: false, errors: [{ field: '', message: 'the record must be an object of fields' }] });
  });

  it('fields left out take their defaults: an empty form is the page\'s defaults', () => {
    const r = checkFields(PAGES.featureParameters.fields, {});
    expect(r.ok && r.value).toMatchObject({ expiredDeviceMaintenanceInterval: 1440, regionMaxAudioBitRate: '8 kbps (G.729)', enableAllRemoteServices: false });
  });

  it('a read-only field (remote TFTP, Remote Activated) is dropped, never saved', () => {
    const r = checkRecord('remoteCluster', { clusterId: 'VISIT', fqdn: 'visit-pub', tftpEnabled: true, remoteEmccActivated: true });
    expect(r.ok).toBe(true);
    expect(r.ok && r.value).not.toHaveProperty('tftpEnabled');
    expect(r.ok && r.value).not.toHaveProperty('remoteEmccActivated');
  });

  it('every bad field is reported at once', () => {
    const r = checkRecord('phone', { name: 'SEP1', model: 'Cisco 1', devicePool: '' });
    expect(r.ok ? [] : r.errors.map((e) => e.field).sort()).toEqual(['devicePool', 'model', 'name']);
  });

  it('a one-record rule adds nothing to a field already in error', () => {
    const r = checkRecord('deviceProfile', { name: 'p', model: '7940', protocol: 'SCCP', dndOption: 'Sometimes' });
    expect(r.ok ? [] : r.errors).toEqual([{ field: 'dndOption', message: 'DND Option must be one of: Call Reject, Ringer Off, Use Common Phone Profile Setting' }]);
  });

  it('a one-record rule runs on top of valid fields', () => {
    const r = checkRecord('deviceProfile', { name: 'p', model: '8845', mlppIndication: 'Off', mlppPreemption: 'Forceful' });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['mlppPreemption']);
  });
});

describe('recordRules: the guide\'s rules on one record', () => {
  it('no model that supports Extension Mobility lacks user locales (so only this direct check reaches the rule)', () => {
    expect(PHONE_MODELS.filter((m) => m.supportsEm && !m.localization)).toEqual([]);
  });

  it('a User Locale on a device profile of a model without localisation (6901) is refused; on an 8845 it is fine', () => {
    expect(recordRules('deviceProfile', { model: '6901', userLocale: 'zh-CN' })).toEqual([{ field: 'userLocale', message: 'Cisco 6901 does not support user locales' }]);
    expect(recordRules('deviceProfile', { model: '6901', userLocale: null })).toEqual([]);
    expect(recordRules('deviceProfile', { model: '8845', userLocale: 'zh-CN' })).toEqual([]);
  });

  it('MLPP Preemption Forceful needs MLPP Indication On', () => {
    for (const mlppIndication of ['Off', 'Default', undefined]) {
      expect(recordRules('deviceProfile', { model: '8845', mlppIndication, mlppPreemption: 'Forceful' } as never).map((e) => e.field)).toEqual(['mlppPreemption']);
    }
    expect(recordRules('deviceProfile', { model: '8845', mlppIndication: 'On', mlppPreemption: 'Forceful' })).toEqual([]);
    expect(recordRules('deviceProfile', { model: '8845', mlppIndication: 'Off', mlppPreemption: 'Disabled' })).toEqual([]);
  });

  it('7940/7960 on SCCP: Ringer Off only; on SIP: anything', () => {
    for (const model of ['7940', '7960']) {
      expect(recordRules('phone', { model, protocol: 'SCCP', dndOption: 'Call Reject' })).toEqual([{ field: 'dndOption', message: `Cisco ${model} on SCCP supports only the DND Option "Ringer Off"` }]);
      expect(recordRules('phone', { model, protocol: 'SCCP', dndOption: 'Ringer Off' })).toEqual([]);
      expect(recordRules('deviceProfile', { model, protocol: 'SIP', dndOption: 'Call Reject' })).toEqual([]);
    }
  });

  it('a dual-mode phone takes only Call Reject, whatever its protocol', () => {
    for (const protocol of ['SIP', 'SCCP']) {
      expect(recordRules('phone', { model: 'BOT', protocol, dndOption: 'Ringer Off' })).toEqual([{ field: 'dndOption', message: 'Cisco Dual Mode for Android supports only the DND Option "Call Reject"' }]);
      expect(recordRules('phone', { model: 'BOT', protocol, dndOption: 'Call Reject' })).toEqual([]);
    }
  });

  it('more lines than line keys: the message says how many to remove', () => {
    expect(recordRules('phone', { model: '6901', lines: lines(1) })).toEqual([]);
    expect(recordRules('phone', { model: '6901', lines: lines(2) })).toEqual([{ field: 'lines', message: 'Cisco 6901 has 1 line key; remove 1 line' }]);
    expect(recordRules('deviceProfile', { model: '7942', lines: lines(4) })).toEqual([{ field: 'lines', message: 'Cisco 7942 has 2 line keys; remove 2 lines' }]);
  });

  it('Enable Extension Mobility only on models that support it', () => {
    expect(recordRules('phone', { model: '6901', emEnabled: true })).toEqual([{ field: 'emEnabled', message: 'Cisco 6901 does not support Extension Mobility' }]);
    expect(recordRules('phone', { model: 'BOT', dndOption: 'Call Reject', emEnabled: true }).map((e) => e.field)).toEqual(['emEnabled']);
    expect(recordRules('phone', { model: '6901', emEnabled: false })).toEqual([]);
    expect(recordRules('phone', { model: '7940', emEnabled: true })).toEqual([]);
  });

  it('a phone service URL whose loginType is not DN, SP or UID (any letter case) is warned about, as phones will show 215; none at all is fine', () => {
    const url = 'http://cucm/emapp/EMAppServlet?device=#DEVICENAME#';
    expect(loginTypeWarning(url)).toBeUndefined();
    for (const t of ['DN', 'sp', 'Uid']) expect(loginTypeWarning(`${url}&loginType=${t}`)).toBeUndefined();
    expect(loginTypeWarning(`${url}&loginType=`)).toMatch(/loginType must be DN, SP or UID \(found ""\).*215/);
    expect(loginTypeWarning(`${url}&LOGINTYPE=PIN`)).toMatch(/found "PIN"/);
    expect(recordRules('phoneService', { url: `${url}&loginType=PIN` })).toEqual([]);
  });

  it('a server without an IPv4 or IPv6 address is refused on ipv4', () => {
    expect(recordRules('node', { host: 'n', ipv4: null, ipv6: null })).toEqual([{ field: 'ipv4', message: 'A server needs an IPv4 or an IPv6 address' }]);
    expect(recordRules('node', { host: 'n', ipv4: null, ipv6: 'fd00::1' })).toEqual([]);
  });
});

describe('blankRecord: what Add New shows', () => {
  it('a new device profile starts with SIP, Default MLPP and privacy, the common DND option, no lines and no services', () => {
    expect(blankRecord(ENTITIES.deviceProfile.fields)).toMatchObject({
      model: null, protocol: 'SIP', name: null, privacy: 'Default', mlppIndication: 'Default', mlppPreemption: 'Default',
      dnd: false, dndOption: 'Use Common Phone Profile Setting', dndIncomingCallAlert: 'None', lines: [], services: [], phoneButtonTemplate: 'Standard',
    });
  });

  it('a new trunk is None(Default), a new server a subscriber, a new phone non-secure', () => {
    expect(blankRecord(ENTITIES.sipTrunk.fields).trunkServiceType).toBe('None(Default)');
    expect(blankRecord(ENTITIES.node.fields).role).toBe('subscriber');
    expect(blankRecord(ENTITIES.phone.fields).securityProfile).toBe('non-secure');
  });

  it('each blank record has its own lists', () => {
    const a = blankRecord(ENTITIES.phone.fields);
    const b = blankRecord(ENTITIES.phone.fields);
    (a.lines as unknown[]).push({ dn: '1', label: '' });
    expect(b.lines).toEqual([]);
  });

  it('the parameter pages start at the guide\'s defaults', () => {
    expect(blankRecord(PAGES.serviceParameters.fields)).toMatchObject({
      maxConcurrentRequests: 5, multipleLoginBehavior: 'Multiple Logins Not Allowed', emccAllowProxy: true, cacheSize: 10000, enforceIntraClusterMaxLoginTime: false,
    });
    expect(blankRecord(PAGES.featureParameters.fields)).toMatchObject({
      expiredDeviceMaintenanceInterval: 1440, enableAllRemoteServices: false, pstnTrunkCss: 'Use Trunk CSS', regionMaxAudioBitRate: '8 kbps (G.729)',
      regionMaxVideoBitRate: 384, regionLinkLossType: 'Low Loss', rsvpKeepAliveTimer: 15, remoteClusterUpdateInterval: 30,
    });
    expect(blankRecord(PAGES.isp.fields)).toEqual({ emccActive: false, pstnActive: false, pstnTrunk: null, rsvpActive: false, rsvpTrunk: null });
  });

  it('the blank parameter pages pass their own checks', () => {
    for (const page of ['serviceParameters', 'featureParameters', 'isp'] as const) {
      expect(checkFields(PAGES[page].fields, blankRecord(PAGES[page].fields)).ok, page).toBe(true);
    }
  });
});
