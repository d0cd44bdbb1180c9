import { describe, expect, it } from 'vitest';
import { EMCC_TRUNK_TYPE } from '../../../../shared/admin/entities';
import { PHONE_MODELS } from '../../../../shared/phone-models';
import { expectRefused, expectSaved, freshCluster, homeCluster, sep } from './kit';

const lines = (n: number, from = 1000) => Array.from({ length: n }, (_, i) => ({ dn: String(from + i), label: `Line ${i + 1}` }));
const profileModels = PHONE_MODELS.filter((m) => m.supportsEm);

describe('Device Profile', () => {
  const profile = (extra: Record<string, unknown> = {}) => ({ name: 'dave-udp', model: '8845', ...extra });

  it('a device profile name of 50 characters is saved; 51 is refused with a field error on name', () => {
    const { admin } = freshCluster();
    const name = 'p'.repeat(50);
    expectSaved(admin.save('deviceProfile', null, profile({ name })));
    expect(admin.get('deviceProfile', name)?.name).toBe(name);
    expectRefused(admin.save('deviceProfile', null, profile({ name: 'q'.repeat(51) })), 'name', /at most 50 characters/);
    expect(admin.list('deviceProfile')).toHaveLength(1);
  });

  it('a device profile name with " < > & % or \\ is refused', () => {
    const { admin } = freshCluster();
    for (const name of ['a<b', 'a>b', 'a"b', 'a&b', 'a%b', 'a\\b']) expectRefused(admin.save('deviceProfile', null, profile({ name })), 'name', /without/);
    expect(admin.list('deviceProfile')).toHaveLength(0);
  });

  it('a second device profile whose name differs only in letter case is refused as a duplicate', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('deviceProfile', null, profile({ name: 'Dave-UDP' })));
    expectRefused(admin.save('deviceProfile', null, profile({ name: 'dave-udp' })), 'name', /already exists/);
    expect(admin.list('deviceProfile').map((r) => r.name)).toEqual(['Dave-UDP']);
  });

  it('MLPP Preemption Forceful is refused with MLPP Indication Off or Default, and saved with On', () => {
    const { admin } = freshCluster();
    for (const mlppIndication of ['Off', 'Default']) {
      expectRefused(admin.save('deviceProfile', null, profile({ mlppIndication, mlppPreemption: 'Forceful' })), 'mlppPreemption', /Forceful/);
    }
    expect(admin.list('deviceProfile')).toHaveLength(0);
    expectSaved(admin.save('deviceProfile', null, profile({ mlppIndication: 'On', mlppPreemption: 'Forceful' })));
    expect(admin.get('deviceProfile', 'dave-udp')).toMatchObject({ mlppIndication: 'On', mlppPreemption: 'Forceful' });
  });

  it('MLPP Preemption Disabled or Default goes with any MLPP Indication', () => {
    const { admin } = freshCluster();
    let i = 0;
    for (const mlppIndication of ['Off', 'Default', 'On']) {
      for (const mlppPreemption of ['Disabled', 'Default']) expectSaved(admin.save('deviceProfile', null, profile({ name: `p${i++}`, mlppIndication, mlppPreemption })));
    }
  });

  it('an MLPP Domain of 6 hexadecimal digits is saved; 7, or a non-hex digit, is refused', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('deviceProfile', null, profile({ mlppDomain: '00FFaa' })));
    expectRefused(admin.save('deviceProfile', null, profile({ name: 'x', mlppDomain: '0000001' })), 'mlppDomain');
    expectRefused(admin.save('deviceProfile', null, profile({ name: 'x', mlppDomain: '00G' })), 'mlppDomain');
  });

  it.each(['7940', '7960'])('a Cisco %s on SCCP takes only the DND Option "Ringer Off"', (model) => {
    const { admin } = freshCluster();
    for (const dndOption of ['Call Reject', 'Use Common Phone Profile Setting']) {
      expectRefused(admin.save('deviceProfile', null, profile({ model, protocol: 'SCCP', dndOption })), 'dndOption', /only the DND Option "Ringer Off"/);
    }
    expectSaved(admin.save('deviceProfile', null, profile({ model, protocol: 'SCCP', dndOption: 'Ringer Off' })));
  });

  it.each(['7940', '7960'])('a Cisco %s on SIP takes any DND Option', (model) => {
    const { admin } = freshCluster();
    for (const [i, dndOption] of ['Call Reject', 'Ringer Off', 'Use Common Phone Profile Setting'].entries()) {
      expectSaved(admin.save('deviceProfile', null, profile({ name: `p${i}`, model, protocol: 'SIP', dndOption })));
    }
  });

  it('a DND Option that is not one of the three choices is refused', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('deviceProfile', null, profile({ dndOption: 'Silent' })), 'dndOption', /must be one of/);
  });

  it.each(profileModels.map((m) => [m.id, m.lineKeys] as const))('a Cisco %s profile with %i lines (its line keys) is saved; one more line is refused', (model, keys) => {
    const { admin } = freshCluster();
    expectRefused(admin.save('deviceProfile', null, profile({ model, lines: lines(keys + 1) })), 'lines', new RegExp(`has ${keys} line keys?; remove 1 line`));
    expectSaved(admin.save('deviceProfile', null, profile({ model, lines: lines(keys) })));
    expect(admin.get('deviceProfile', 'dave-udp')?.lines).toEqual(lines(keys));
  });

  it('the same directory number on two lines is refused', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('deviceProfile', null, profile({ lines: [{ dn: '1001', label: 'a' }, { dn: '1001', label: 'b' }] })), 'lines', /1001 is on two lines/);
  });

  it('a directory number of 24 digits, * # + is saved; 25 characters or a letter is refused', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('deviceProfile', null, profile({ lines: [{ dn: '1'.repeat(24), label: '' }, { dn: '*#+5', label: '' }] })));
    expectRefused(admin.save('deviceProfile', null, profile({ name: 'x', lines: [{ dn: '1'.repeat(25), label: '' }] })), 'lines', /directory number/);
    expectRefused(admin.save('deviceProfile', null, profile({ name: 'x', lines: [{ dn: '10a1', label: '' }] })), 'lines', /"10a1" is not a directory number/);
    expectRefused(admin.save('deviceProfile', null, profile({ name: 'x', lines: [{ dn: '', label: '' }] })), 'lines');
  });

  it('a line label of 30 characters is saved; 31 is refused', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('deviceProfile', null, profile({ lines: [{ dn: '1001', label: 'L'.repeat(30) }] })));
    expectRefused(admin.save('deviceProfile', null, profile({ name: 'x', lines: [{ dn: '1001', label: 'L'.repeat(31) }] })), 'lines', /at most 30 characters/);
  });

  it('every model offered for device profiles supports user locales, so a locale is saved on any of them; an unknown locale is refused', () => {
    // The one-record rule "User Locale only for models that support localisation" cannot be
    // reached through Save: no model that supports EM lacks localisation (see the shared tests).
    expect(profileModels.every((m) => m.localization)).toBe(true);
    const { admin } = freshCluster();
    expectSaved(admin.save('deviceProfile', null, profile({ userLocale: 'zh-CN' })));
    expect(admin.get('deviceProfile', 'dave-udp')?.userLocale).toBe('zh-CN');
    expectRefused(admin.save('deviceProfile', null, profile({ name: 'x', userLocale: 'fr-FR' })), 'userLocale');
  });

  it('a model without Extension Mobility (6901, dual-mode) cannot be a device profile\'s Product Type', () => {
    const { admin } = freshCluster();
    for (const model of ['6901', 'BOT', 'Cisco 9999']) expectRefused(admin.save('deviceProfile', null, profile({ model })), 'model', /Product Type must be one of/);
    expectRefused(admin.save('deviceProfile', null, { name: 'x' }), 'model', /required/);
  });

  it('Product Type and Device Protocol cannot change after the profile is added; other fields can', () => {
    const { admin } = homeCluster();
    const alice = admin.get('deviceProfile', 'alice-udp')!;
    expectRefused(admin.save('deviceProfile', 'alice-udp', { ...alice, model: '8865' }), 'model', /cannot be changed/);
    expectRefused(admin.save('deviceProfile', 'alice-udp', { ...alice, protocol: 'SCCP' }), 'protocol', /cannot be changed/);
    expect(admin.get('deviceProfile', 'alice-udp')).toMatchObject({ model: '8845', protocol: 'SIP' });
    expectSaved(admin.save('deviceProfile', 'alice-udp', { ...alice, description: 'Alice at home' }));
    expect(admin.get('deviceProfile', 'alice-udp')).toMatchObject({ model: '8845', description: 'Alice at home' });
  });

  it('a subscribed phone service, Login User Id or EMCC CSS that does not exist is refused on its field', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('deviceProfile', null, profile({ services: ['No Such Service'] })), 'services', /no IP Phone Services named "No Such Service"/);
    expectRefused(admin.save('deviceProfile', null, profile({ loginUserId: 'nobody' })), 'loginUserId', /no End User named "nobody"/);
    expectRefused(admin.save('deviceProfile', null, profile({ emccCss: 'EMCC-CSS' })), 'emccCss', /no Calling Search Space named "EMCC-CSS"/);
    expect(admin.get('deviceProfile', 'dave-udp')).toBeUndefined();
    expectSaved(admin.save('callingSearchSpace', null, { name: 'EMCC-CSS' }));
    expectSaved(admin.save('deviceProfile', null, profile({ services: ['Extension Mobility'], loginUserId: 'alice', emccCss: 'EMCC-CSS' })));
    expect(admin.get('deviceProfile', 'dave-udp')).toMatchObject({ services: ['Extension Mobility'], loginUserId: 'alice', emccCss: 'EMCC-CSS' });
  });

  it('a Description of 128 characters is saved; 129 is refused', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('deviceProfile', null, profile({ description: 'd'.repeat(128) })));
    expectRefused(admin.save('deviceProfile', null, profile({ name: 'x', description: 'd'.repeat(129) })), 'description', /at most 128/);
  });

  it('a field the page does not have is refused', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('deviceProfile', null, profile({ speedDials: ['1'] })), 'speedDials', /unknown field/);
  });
});

describe('End User', () => {
  const user = (extra: Record<string, unknown> = {}) => ({ userId: 'dave', lastName: 'Dave', pin: '13579', ...extra });

  it('a PIN of 4 digits is saved; 3 digits is refused with a field error on pin', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('endUser', null, user({ pin: '123' })), 'pin', /at least 4 digits/);
    expectSaved(admin.save('endUser', null, user({ pin: '1234' })));
    expect(admin.get('endUser', 'dave')?.pin).toBe('1234');
  });

  it('a PIN of 128 digits is saved; 129 is refused', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('endUser', null, user({ pin: '9'.repeat(129) })), 'pin', /at most 128 characters/);
    expectSaved(admin.save('endUser', null, user({ pin: '9'.repeat(128) })));
  });

  it('a PIN with a letter, a space or nothing at all is refused', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('endUser', null, user({ pin: '12a4' })), 'pin', /digits/);
    expectRefused(admin.save('endUser', null, user({ pin: '12 34' })), 'pin');
    expectRefused(admin.save('endUser', null, user({ pin: '' })), 'pin', /required/);
    expect(admin.get('endUser', 'dave')).toBeUndefined();
  });

  it('a user ID of 128 characters is saved; 129 is refused', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('endUser', null, user({ userId: 'u'.repeat(129) })), 'userId', /at most 128/);
    expectSaved(admin.save('endUser', null, user({ userId: 'u'.repeat(128) })));
  });

  it('a user ID with a space or " < > & % \\ is refused; dots, @ and digits are fine', () => {
    const { admin } = homeCluster();
    for (const userId of ['dave smith', 'd"ave', 'd<ave', 'd>ave', 'd&ave', 'd%ave', 'd\\ave']) {
      expectRefused(admin.save('endUser', null, user({ userId })), 'userId', /without spaces/);
    }
    expectSaved(admin.save('endUser', null, user({ userId: 'dave.smith@example.com2' })));
  });

  it('a user ID that exists in another letter case is refused as a duplicate', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('endUser', null, user({ userId: 'ALICE' })), 'userId', /already exists/);
    expect(admin.get('endUser', 'alice')?.lastName).toBe('Alice');
  });

  it('a Self-Service User ID another user already has is refused; the user who has it can still be saved', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('endUser', null, user({ selfServiceId: '1001' })), 'selfServiceId', /"alice" already has Self-Service User ID 1001/);
    expectSaved(admin.save('endUser', null, user({ selfServiceId: '1003' })));
    const alice = admin.get('endUser', 'alice')!;
    expectSaved(admin.save('endUser', 'alice', { ...alice, firstName: 'Alice' }));
    expect(admin.get('endUser', 'alice')).toMatchObject({ selfServiceId: '1001', firstName: 'Alice' });
  });

  it('a Self-Service User ID with a space is refused', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('endUser', null, user({ selfServiceId: '10 03' })), 'selfServiceId', /letters, digits/);
  });

  it('a controlled profile that does not exist is refused; an existing one is saved', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('endUser', null, user({ profiles: ['ghost-udp'] })), 'profiles', /no Device Profile named "ghost-udp"/);
    expectSaved(admin.save('endUser', null, user({ profiles: ['carol-udp'] })));
    expect(admin.get('endUser', 'dave')?.profiles).toEqual(['carol-udp']);
  });

  it('a Primary Extension that is not a directory number is refused; Last Name is required', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('endUser', null, user({ primaryExtension: 'ext1' })), 'primaryExtension', /directory number/);
    expectRefused(admin.save('endUser', null, user({ lastName: '' })), 'lastName', /required/);
  });
});

describe('Phone', () => {
  const phone = (extra: Record<string, unknown> = {}) => ({ name: 'SEP0A1B2C3D4E5F', model: '8845', devicePool: 'Default', ...extra });

  it('a device name of SEP and 12 hex digits (15 characters) is saved; 14 and 16 characters are refused', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('phone', null, phone({ name: 'SEP0A1B2C3D4E5' })), 'name', /SEP followed by the 12 hexadecimal digits/);
    expectRefused(admin.save('phone', null, phone({ name: 'SEP0A1B2C3D4E5F0' })), 'name', /at most 15 characters/);
    expectSaved(admin.save('phone', null, phone({ name: 'SEP0A1B2C3D4E5F' })));
    expect(admin.list('phone').map((p) => p.name)).toEqual(['SEP0A1B2C3D4E5F']);
  });

  it('a device name without SEP, or with a letter beyond F, is refused', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('phone', null, phone({ name: 'ATA0A1B2C3D4E5F' })), 'name');
    expectRefused(admin.save('phone', null, phone({ name: 'SEP0A1B2C3D4E5G' })), 'name');
  });

  it('a device name that exists in another letter case is refused as a duplicate', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('phone', null, phone()));
    expectRefused(admin.save('phone', null, phone({ name: 'SEP0a1b2c3d4e5f' })), 'name', /already exists/);
  });

  it('a phone needs a device pool, and it must exist', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('phone', null, phone({ devicePool: undefined })), 'devicePool', /required/);
    expectRefused(admin.save('phone', null, phone({ devicePool: 'Shanghai' })), 'devicePool', /no Device Pool named "Shanghai"/);
    expect(admin.list('phone')).toHaveLength(0);
  });

  it('Enable Extension Mobility is refused on a Cisco 6901 (no EM); the 6901 is saved without it', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('phone', null, phone({ model: '6901', emEnabled: true })), 'emEnabled', /Cisco 6901 does not support Extension Mobility/);
    expectSaved(admin.save('phone', null, phone({ model: '6901', emEnabled: false })));
    expectSaved(admin.save('phone', null, phone({ name: sep(2), model: '8845', emEnabled: true })));
  });

  it('a dual-mode phone (BOT) takes only the DND Option "Call Reject"', () => {
    const { admin } = freshCluster();
    for (const dndOption of ['Ringer Off', 'Use Common Phone Profile Setting']) {
      expectRefused(admin.save('phone', null, phone({ name: 'SEP0000000000B0', model: 'BOT', dndOption })), 'dndOption', /only the DND Option "Call Reject"/);
    }
    expectSaved(admin.save('phone', null, phone({ name: 'SEP0000000000B0', model: 'BOT', dndOption: 'Call Reject' })));
  });

  it('a Cisco 7940 phone on SCCP takes only "Ringer Off"; on SIP any DND Option', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('phone', null, phone({ model: '7940', protocol: 'SCCP', dndOption: 'Call Reject' })), 'dndOption', /Ringer Off/);
    expectSaved(admin.save('phone', null, phone({ model: '7940', protocol: 'SCCP', dndOption: 'Ringer Off' })));
    expectSaved(admin.save('phone', null, phone({ name: sep(2), model: '7940', protocol: 'SIP', dndOption: 'Call Reject' })));
  });

  it('a phone with as many lines as line keys is saved; one more is refused (Cisco 6901: one line)', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('phone', null, phone({ model: '6901', lines: lines(2) })), 'lines', /has 1 line key; remove 1 line/);
    expectSaved(admin.save('phone', null, phone({ model: '6901', lines: lines(1) })));
  });

  it('phones + 2 x EMCC devices may reach 60,000 but not pass it: with 29,999 EMCC devices the 2nd phone is saved, the 3rd refused', () => {
    const { admin, store } = freshCluster();
    store.insertEmccDevices(Array.from({ length: 29_999 }, (_, i) => `EMCC${i + 1}`), null, 'non-secure');
    expectSaved(admin.save('phone', null, phone({ name: sep(1) })));
    expectSaved(admin.save('phone', null, phone({ name: sep(2) })));
    expect(store.phoneCount() + 2 * store.emccDeviceCount()).toBe(60_000);
    expectRefused(admin.save('phone', null, phone({ name: sep(3) })), 'name', /phones \+ 2 x EMCC devices must stay at or below 60000/);
    expect(store.phoneCount()).toBe(2);
    // Editing a phone adds none: still saved at capacity.
    expectSaved(admin.save('phone', sep(1), { ...admin.get('phone', sep(1)), description: 'Lobby' }));
  });

  it('a device name that another cluster of the lab also has saves with a warning about error 37', () => {
    const { admin } = freshCluster({ deviceNameElsewhere: (n) => (n.toUpperCase() === 'SEP00AA11BB22CC' ? 'visiting' : undefined) });
    const warnings = expectSaved(admin.save('phone', null, phone({ name: 'SEP00AA11BB22CC' })));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/SEP00AA11BB22CC also exists in cluster visiting.*error 37/);
    expect(expectSaved(admin.save('phone', null, phone({ name: sep(7) })))).toEqual([]);
  });

  it('Phone Type cannot change after the phone is added', () => {
    const { admin } = homeCluster();
    const p = admin.get('phone', 'SEP001122334455')!;
    expectRefused(admin.save('phone', 'SEP001122334455', { ...p, model: '8865' }), 'model', /cannot be changed/);
    expect(admin.get('phone', 'SEP001122334455')?.model).toBe('8845');
  });

  it('a Log Out Profile that does not exist is refused', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('phone', null, phone({ logoutProfile: 'ghost-udp' })), 'logoutProfile', /no Device Profile named "ghost-udp"/);
    expectSaved(admin.save('phone', null, phone({ logoutProfile: 'carol-udp' })));
  });
});

describe('SIP Trunk', () => {
  const trunk = (name: string, extra: Record<string, unknown> = {}) => ({ name, trunkServiceType: EMCC_TRUNK_TYPE, devicePool: 'Default', ...extra });

  it('the second EMCC trunk is saved; the third is refused on Trunk Service Type', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('sipTrunk', null, trunk('EMCC-PSTN')));
    expectSaved(admin.save('sipTrunk', null, trunk('EMCC-RSVP')));
    expectRefused(admin.save('sipTrunk', null, trunk('EMCC-THIRD')), 'trunkServiceType', /already 2 EMCC trunks/);
    expect(admin.choices().emccTrunks).toEqual(['EMCC-PSTN', 'EMCC-RSVP']);
  });

  it('with two EMCC trunks, other trunks are still saved and the EMCC trunks can still be edited', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('sipTrunk', null, trunk('EMCC-PSTN')));
    expectSaved(admin.save('sipTrunk', null, trunk('EMCC-RSVP')));
    expectSaved(admin.save('sipTrunk', null, trunk('PSTN-GW', { trunkServiceType: 'None(Default)' })));
    expectSaved(admin.save('sipTrunk', 'EMCC-PSTN', trunk('EMCC-PSTN', { description: 'to the PSTN' })));
  });

  it('Trunk Service Type cannot change after the trunk is added, either way', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('sipTrunk', null, trunk('PSTN-GW', { trunkServiceType: 'None(Default)' })));
    expectSaved(admin.save('sipTrunk', null, trunk('EMCC-PSTN')));
    expectRefused(admin.save('sipTrunk', 'PSTN-GW', trunk('PSTN-GW')), 'trunkServiceType', /cannot be changed/);
    expectRefused(admin.save('sipTrunk', 'EMCC-PSTN', trunk('EMCC-PSTN', { trunkServiceType: 'None(Default)' })), 'trunkServiceType', /cannot be changed/);
    expect(admin.get('sipTrunk', 'PSTN-GW')?.trunkServiceType).toBe('None(Default)');
  });

  it('a trunk needs a device pool, and it must exist; an unknown service type is refused', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('sipTrunk', null, trunk('EMCC-PSTN', { devicePool: 'Nowhere' })), 'devicePool', /no Device Pool named "Nowhere"/);
    expectRefused(admin.save('sipTrunk', null, trunk('EMCC-PSTN', { devicePool: null })), 'devicePool', /required/);
    expectRefused(admin.save('sipTrunk', null, trunk('EMCC-PSTN', { trunkServiceType: 'EMCC' })), 'trunkServiceType', /must be one of/);
  });
});

describe('Remote Cluster', () => {
  const remote = (clusterId: string, extra: Record<string, unknown> = {}) => ({ clusterId, fqdn: 'third-pub', emccEnabled: true, ...extra });

  it('a remote cluster with this cluster\'s own Cluster ID is refused on clusterId, whatever the letter case', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('remoteCluster', null, remote('HOME')), 'clusterId', /this cluster's own Cluster ID/);
    expectRefused(admin.save('remoteCluster', null, remote('home')), 'clusterId', /own Cluster ID/);
    expectSaved(admin.save('remoteCluster', null, remote('THIRD')));
  });

  it('a Cluster Id already listed (in another letter case) is refused as a duplicate', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('remoteCluster', null, remote('visit')), 'clusterId', /already exists/);
  });

  it('a Fully Qualified Name may be an IP address or host name; a space, a leading - or a trailing dot is refused', () => {
    const { admin } = homeCluster();
    for (const [i, fqdn] of ['third-pub', '10.1.2.3', 'cucm.example.com', 'fd00::10'].entries()) expectSaved(admin.save('remoteCluster', null, remote(`R${i}`, { fqdn })));
    for (const fqdn of ['third pub', '-third', 'third.', 'third_pub', '']) expectRefused(admin.save('remoteCluster', null, remote('BAD', { fqdn })), 'fqdn');
  });

  it('a Fully Qualified Name of 255 characters is saved; 256 is refused', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('remoteCluster', null, remote('LONG', { fqdn: 'a'.repeat(255) })));
    expectRefused(admin.save('remoteCluster', null, remote('LONGER', { fqdn: 'a'.repeat(256) })), 'fqdn', /at most 255/);
  });

  it('with Enable All Remote Cluster Services = True, a new remote cluster gets EMCC, PSTN Access and RSVP Agent enabled, with a warning', () => {
    const { admin } = homeCluster();
    expectSaved(admin.saveForm('featureParameters', { ...admin.form('featureParameters'), enableAllRemoteServices: true }));
    const warnings = expectSaved(admin.save('remoteCluster', null, { clusterId: 'THIRD', fqdn: 'third-pub' }));
    expect(warnings.join(' ')).toMatch(/All services of the new remote cluster are enabled/);
    expect(admin.get('remoteCluster', 'THIRD')).toMatchObject({ emccEnabled: true, pstnEnabled: true, rsvpEnabled: true });
    // Editing an existing remote cluster is not forced.
    const third = admin.get('remoteCluster', 'THIRD')!;
    expect(expectSaved(admin.save('remoteCluster', 'THIRD', { ...third, pstnEnabled: false }))).toEqual([]);
    expect(admin.get('remoteCluster', 'THIRD')?.pstnEnabled).toBe(false);
  });

  it('with Enable All Remote Cluster Services = False (the default), a new remote cluster keeps the services as entered, without a warning', () => {
    const { admin } = homeCluster();
    expect(expectSaved(admin.save('remoteCluster', null, { clusterId: 'THIRD', fqdn: 'third-pub', emccEnabled: true }))).toEqual([]);
    expect(admin.get('remoteCluster', 'THIRD')).toMatchObject({ emccEnabled: true, pstnEnabled: false, rsvpEnabled: false });
  });

  it('TFTP is always reported off, even when a Save asks for it', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('remoteCluster', null, remote('THIRD', { tftpEnabled: true })));
    expect(admin.get('remoteCluster', 'THIRD')?.tftpEnabled).toBe(false);
    expect(admin.list('remoteCluster').map((r) => r.tftpEnabled)).toEqual([false, false]);
  });

  it('a Cluster Id with a space is refused', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('remoteCluster', null, remote('THIRD CLUSTER')), 'clusterId', /letters, digits, - and _/);
  });
});

describe('Phone Services', () => {
  const service = (url: string, extra: Record<string, unknown> = {}) => ({ name: 'EM', url, ...extra });
  const EM = 'http://cucm-a-pub:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#';

  it.each(['DN', 'SP', 'UID', 'uid'])('a service URL with loginType=%s is saved', (t) => {
    const { admin } = freshCluster();
    expectSaved(admin.save('phoneService', null, service(`${EM}&loginType=${t}`)));
  });

  it('a service URL with another loginType is saved, as Unified CM saves any URL, with a warning that phones will show 215', () => {
    const { admin } = freshCluster();
    expect(expectSaved(admin.save('phoneService', null, service(`${EM}&loginType=PIN`)))).toEqual([expect.stringMatching(/loginType must be DN, SP or UID \(found "PIN"\).*215/)]);
  });

  it('the service URL must be http(s); the secure URL must be https', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('phoneService', null, service('ftp://cucm-a-pub/emapp')), 'url', /http:\/\/ or https:\/\//);
    expectRefused(admin.save('phoneService', null, service('')), 'url', /required/);
    expectRefused(admin.save('phoneService', null, service(EM, { secureUrl: EM })), 'secureUrl', /https:\/\//);
    expectSaved(admin.save('phoneService', null, service(EM, { secureUrl: EM.replace('http://', 'https://').replace('8080', '8443') })));
  });

  it('a service URL of 512 characters is saved; 513 is refused', () => {
    const { admin } = freshCluster();
    const url = `http://cucm-a-pub/${'x'.repeat(512 - 'http://cucm-a-pub/'.length)}`;
    expect(url).toHaveLength(512);
    expectRefused(admin.save('phoneService', null, service(`${url}y`)), 'url', /at most 512/);
    expectSaved(admin.save('phoneService', null, service(url)));
  });
});

describe('Other lists: geolocations, device pools, templates', () => {
  it('a geolocation country is two capital letters', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('geolocation', null, { name: 'Site', country: 'CN' }));
    expectRefused(admin.save('geolocation', null, { name: 'Site2', country: 'cn' }), 'country', /two capital letters/);
    expectRefused(admin.save('geolocation', null, { name: 'Site2', country: 'CHN' }), 'country', /at most 2/);
  });

  it('a device pool naming a geolocation, common device configuration or CSS that does not exist is refused on that field', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('devicePool', null, { name: 'Roaming', geolocation: 'Shanghai' }), 'geolocation', /no Geolocation named "Shanghai"/);
    expectRefused(admin.save('devicePool', null, { name: 'Roaming', commonDeviceConfig: 'CDC' }), 'commonDeviceConfig');
    expectRefused(admin.save('devicePool', null, { name: 'Roaming', callingSearchSpace: 'CSS' }), 'callingSearchSpace');
    expectSaved(admin.save('geolocation', null, { name: 'Shanghai', country: 'CN', city: 'Shanghai' }));
    expectSaved(admin.save('devicePool', null, { name: 'Roaming', geolocation: 'Shanghai', userLocale: 'zh-CN' }));
  });

  it('an EMCC template needs an existing device pool and common device configuration', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('emccTemplate', null, { name: 'T', devicePool: 'Default' }), 'commonDeviceConfig', /required/);
    expectRefused(admin.save('emccTemplate', null, { name: 'T', devicePool: 'Default', commonDeviceConfig: 'CDC' }), 'commonDeviceConfig', /no Common Device Configuration named "CDC"/);
    expectSaved(admin.save('commonDeviceConfig', null, { name: 'CDC' }));
    expectRefused(admin.save('emccTemplate', null, { name: 'T', devicePool: 'Elsewhere', commonDeviceConfig: 'CDC' }), 'devicePool');
    expectSaved(admin.save('emccTemplate', null, { name: 'T', devicePool: 'Default', commonDeviceConfig: 'CDC' }));
  });

  it('every list refuses a second record of the same name in another letter case', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('devicePool', null, { name: 'DEFAULT' }), 'name', /already exists/);
    expectSaved(admin.save('callingSearchSpace', null, { name: 'Internal' }));
    expectRefused(admin.save('callingSearchSpace', null, { name: 'internal' }), 'name', /already exists/);
  });

  it('saving a record that was deleted meanwhile is refused', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('devicePool', 'Gone', { name: 'Gone' }), '', /no longer exists/);
  });

});
