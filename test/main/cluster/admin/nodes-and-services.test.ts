import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../../../shared/cluster-services';
import { bareCluster } from '../../../helpers/definitions';
import { expectRefused, expectSaved, freshCluster } from './kit';

const sub = (host: string, extra: Record<string, unknown> = {}) => ({ host, role: 'subscriber', ipv4: '10.0.0.2', ...extra });

describe('Servers (System > Server)', () => {
  it('the first server of a new cluster must be its publisher: a subscriber first is refused on role', () => {
    const { admin, store } = bareCluster();
    expectRefused(admin.save('node', null, sub('cucm-sub')), 'role', /first server of a cluster is its publisher/);
    expect(store.nodes()).toHaveLength(0);
    expectSaved(admin.save('node', null, { host: 'cucm-pub', role: 'publisher', ipv4: '10.0.0.1' }));
    expectSaved(admin.save('node', null, sub('cucm-sub')));
  });

  it('a second publisher is refused on role, naming the one the cluster has', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('node', null, { host: 'cucm-a-pub2', role: 'publisher', ipv4: '10.0.0.9' }), 'role', /already has a publisher \(cucm-a-pub\)/);
    expect(admin.list('node').map((n) => n.host)).toEqual(['cucm-a-pub']);
  });

  it('a server starts with no service activated', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('node', null, sub('cucm-a-sub')));
    const node = admin.serviceActivation().nodes.find((n) => n.host === 'cucm-a-sub')!;
    expect(Object.values(node.services)).toEqual([false, false, false, false, false]);
  });

  it('a host name another cluster of the lab already has is refused on host', () => {
    const { admin } = freshCluster({ hostTakenElsewhere: (h) => h === 'cucm-b-pub' });
    expectRefused(admin.save('node', null, sub('cucm-b-pub')), 'host', /Another cluster of the lab already has a server named "cucm-b-pub"/);
    expectSaved(admin.save('node', null, sub('cucm-a-sub')));
  });

  it('a host name this cluster already has (in any letter case) is refused as a duplicate', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('node', null, sub('CUCM-A-PUB')), 'host', /already exists/);
  });

  it('a host name of 63 characters is saved; 64 is refused; a leading or trailing - or a dot is refused', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('node', null, sub('h'.repeat(63))));
    expectRefused(admin.save('node', null, sub('h'.repeat(64))), 'host', /at most 63/);
    for (const host of ['-sub', 'sub-', 'sub.example.com', 'sub_1']) expectRefused(admin.save('node', null, sub(host)), 'host', /host name/);
  });

  it('an IPv4 address with 255 is saved; 256 is refused on ipv4', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('node', null, sub('cucm-a-sub', { ipv4: '10.0.0.256' })), 'ipv4', /an IPv4 address/);
    expectSaved(admin.save('node', null, sub('cucm-a-sub', { ipv4: '10.0.0.255' })));
    expect(admin.get('node', 'cucm-a-sub')?.ipv4).toBe('10.0.0.255');
  });

  it('IPv4 addresses with three parts, five parts or letters are refused', () => {
    const { admin } = freshCluster();
    for (const ipv4 of ['10.0.0', '10.0.0.1.2', '10.0.0.a', '255.255.255.255.']) expectRefused(admin.save('node', null, sub('cucm-a-sub', { ipv4 })), 'ipv4');
  });

  it('a server needs an IPv4 or an IPv6 address; an IPv6 address alone is enough', () => {
    const { admin } = freshCluster();
    expectRefused(admin.save('node', null, sub('cucm-a-sub', { ipv4: null })), 'ipv4', /needs an IPv4 or an IPv6 address/);
    expectRefused(admin.save('node', null, sub('cucm-a-sub', { ipv4: null, ipv6: 'not-v6' })), 'ipv6', /an IPv6 address/);
    expectSaved(admin.save('node', null, sub('cucm-a-sub', { ipv4: null, ipv6: 'fd00::2' })));
  });

  it('the publisher cannot be deleted; an unused subscriber can', () => {
    const { admin } = freshCluster();
    expectRefused(admin.delete('node', 'cucm-a-pub'), 'role', /publisher cannot be deleted/);
    expectSaved(admin.save('node', null, sub('cucm-a-sub')));
    expectSaved(admin.delete('node', 'cucm-a-sub'));
    expect(admin.list('node').map((n) => n.host)).toEqual(['cucm-a-pub']);
  });

  it('a server\'s role cannot change after it is added', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('node', null, sub('cucm-a-sub')));
    expectRefused(admin.save('node', 'cucm-a-sub', sub('cucm-a-sub', { role: 'publisher' })), 'role', /cannot be changed/);
  });
});

describe('Service Activation (Serviceability > Tools)', () => {
  it('Cisco ILS Service and Cisco Bulk Provisioning Service are refused on a subscriber, naming the service', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('node', null, sub('cucm-a-sub')));
    for (const service of [SERVICES.ils, SERVICES.bulkProvisioning]) {
      expectRefused(admin.setServiceActivation('cucm-a-sub', { [service]: true }), service, /runs on the publisher only/);
    }
    const node = admin.serviceActivation().nodes.find((n) => n.host === 'cucm-a-sub')!;
    expect(node.services[SERVICES.ils]).toBe(false);
    expect(node.services[SERVICES.bulkProvisioning]).toBe(false);
  });

  it('Cisco ILS Service and Cisco Bulk Provisioning Service are activated on the publisher', () => {
    const { admin } = freshCluster();
    expectSaved(admin.setServiceActivation('cucm-a-pub', { [SERVICES.ils]: true, [SERVICES.bulkProvisioning]: true }));
    expect(admin.serviceActivation().nodes[0]!.services).toMatchObject({ [SERVICES.ils]: true, [SERVICES.bulkProvisioning]: true });
  });

  it('CallManager, Tftp and Extension Mobility are activated on a subscriber too', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('node', null, sub('cucm-a-sub')));
    expectSaved(admin.setServiceActivation('cucm-a-sub', { [SERVICES.callManager]: true, [SERVICES.tftp]: true, [SERVICES.extensionMobility]: true }));
    expect(admin.choices().nodesRunningTftp).toEqual(['cucm-a-sub']);
    expect(admin.choices().nodesRunningEm).toEqual(['cucm-a-sub']);
  });

  it('a request mixing an allowed and a refused service activates neither', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('node', null, sub('cucm-a-sub')));
    expectRefused(admin.setServiceActivation('cucm-a-sub', { [SERVICES.callManager]: true, [SERVICES.ils]: true }), SERVICES.ils);
    expect(admin.serviceActivation().nodes.find((n) => n.host === 'cucm-a-sub')!.services[SERVICES.callManager]).toBe(false);
  });

  it('an unknown service is refused, naming it; an unknown server is refused', () => {
    const { admin } = freshCluster();
    expectRefused(admin.setServiceActivation('cucm-a-pub', { 'Cisco Music On Hold': true }), 'Cisco Music On Hold', /Unknown service "Cisco Music On Hold"/);
    expectRefused(admin.setServiceActivation('cucm-z-pub', { [SERVICES.tftp]: true }), '', /No server named "cucm-z-pub"/);
  });

  it('a service is deactivated again', () => {
    const { admin } = freshCluster();
    expectSaved(admin.setServiceActivation('cucm-a-pub', { [SERVICES.tftp]: true }));
    expectSaved(admin.setServiceActivation('cucm-a-pub', { [SERVICES.tftp]: false }));
    expect(admin.choices().nodesRunningTftp).toEqual([]);
  });
});
