/**
 * The HTTP surface of one Unified CM node: Tomcat's EMApp and services menu, the Extension
 * Mobility service, the TFTP server's configuration files and CallManager registration. A
 * service that is not activated on the node answers 503, as a stopped servlet does.
 */
import type { HttpRequest, HttpResponse } from '../net/http-server';
import { ipPhoneXml } from '../xml/cisco-ip-phone';
import { phoneConfigXml } from '../xml/phone-config';
import { translator } from '../../shared/i18n/translator';
import { asLocale } from '../../shared/i18n/messages';
import { SERVICES } from './cluster-identity';
import type { CallManager } from './call-manager';
import { REGISTER_PATH } from './call-manager';
import type { EmApp } from './em/em-app';
import { CHANGE_CREDENTIAL_PATH, EM_APP_PATH } from './em/em-app';
import { EM_SERVICE_PATH, type EmService } from './em/em-service';
import { failureXml } from './em/em-xml';
import { emServiceMessage } from '../../shared/errors/error-catalogue';
import type { ClusterStore } from './store/cluster-store';
import type { FaultView } from './fault-view';
import { CONFIG_FILE_PATH, SERVICES_MENU_PATH, type Tftp } from './tftp';

const XML = { 'content-type': 'text/xml; charset=utf-8' };

export interface NodeParts {
  node: string;
  /** The node's host name (faults and the EM service's per-node limits are by host). */
  host: string;
  store: ClusterStore;
  emApp: EmApp;
  emService: EmService;
  tftp: Tftp;
  callManager: CallManager;
  faults: FaultView;
  /** The lab cluster whose node opened the connection from this client port, if any. */
  clusterOf(remotePort: number | undefined, localPort: number | undefined): string | undefined;
}

export function nodeRouter(p: NodeParts): (req: HttpRequest) => Promise<HttpResponse> {
  const active = (service: string) => p.store.nodeServices(p.node).some((s) => s.service === service && s.activated === 1);
  const unavailable: HttpResponse = { status: 503, body: 'service not activated on this node' };

  return async (req) => {
    if (req.path === EM_APP_PATH || req.path === CHANGE_CREDENTIAL_PATH) {
      if (req.method !== 'GET') return { status: 405, headers: { allow: 'GET' }, body: 'method not allowed' };
      const language = headerOf(req, 'accept-language');
      const body = req.path === EM_APP_PATH ? await p.emApp.handle(req.query, language) : await p.emApp.changeCredential(req.query, language);
      return { status: 200, headers: XML, body };
    }
    if (req.path === EM_SERVICE_PATH) {
      // A stopped service (fault) answers as an unactivated one: the servlet is not there.
      if (!active(SERVICES.extensionMobility) || p.faults.node(p.host, 'emServiceDown')) return unavailable;
      if (req.method !== 'POST') return { status: 405, headers: { allow: 'POST' }, body: 'method not allowed' };
      const xml = new URLSearchParams(req.body).get('xml');
      if (!xml) return { status: 200, headers: XML, body: failureXml(1, emServiceMessage(1)) };
      const via = headerOf(req, 'via');
      return {
        status: 200, headers: XML,
        body: await p.emService.handle(xml, { node: p.host, address: req.remoteAddress, fromCluster: p.clusterOf(req.remotePort, req.localPort), ...(via ? { via } : {}) }),
      };
    }
    if (req.path === SERVICES_MENU_PATH) {
      const device = req.query.get('name') ?? '';
      const t = translator(asLocale(headerOf(req, 'accept-language')));
      return {
        status: 200, headers: XML,
        body: ipPhoneXml({
          type: 'menu', title: t('phone.services'), prompt: '', items: p.tftp.servicesFor(device),
          softKeys: [{ name: t('softkey.select'), url: 'SoftKey:Select', position: 1 }, { name: t('softkey.exit'), url: 'SoftKey:Exit', position: 2 }],
        }),
      };
    }
    const config = CONFIG_FILE_PATH.exec(req.path);
    if (config && req.method === 'GET') {
      if (!active(SERVICES.tftp) || p.faults.node(p.host, 'tftpDown')) return unavailable;
      const file = p.tftp.configFor(config[1]!);
      return file ? { status: 200, headers: XML, body: phoneConfigXml(file) } : { status: 404, body: 'file not found' };
    }
    if (req.path === REGISTER_PATH && req.method === 'POST') {
      if (!active(SERVICES.callManager) || p.faults.node(p.host, 'callManagerDown')) return unavailable;
      const r = p.callManager.register(req.body, p.host);
      return { status: r.status, headers: XML, body: r.body };
    }
    return { status: 404, body: 'not found' };
  };
}

function headerOf(req: HttpRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
