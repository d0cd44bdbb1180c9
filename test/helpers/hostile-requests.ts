/**
 * A deterministic generator of malformed and hostile requests for a node's EM service
 * (POST /emservice/EMServiceServlet, form field `xml`) and EMApp (GET /emapp/EMAppServlet), for
 * the fuzz tests. Every request says what a correct node answers: an HTTP 4xx status, an EM
 * failure with one of some error codes, or an EMApp error screen showing one of some codes.
 *
 * The generator never produces a request that may legitimately change state: no PIN it sends is
 * a user's PIN (except in EMCC logins from a cluster nobody configured, which must be refused
 * whatever they carry), and every login names a device or a user that does not exist or carries
 * a wrong PIN. Any change to a database after these requests is therefore a bug.
 */

export type NodeName = 'home-pub' | 'visit-pub';

/** What a correct node answers. */
export type Expectation =
  /** An HTTP status, one of `statuses` (all 4xx). */
  | { answer: 'status'; statuses: readonly number[] }
  /** HTTP 200 with `<response|emccResponse><failure><error code="N">`, N one of `codes`. */
  | { answer: 'em'; codes: readonly number[] }
  /** HTTP 200 with a CiscoIPPhoneText error screen showing one of `codes`. */
  | { answer: 'emapp'; codes: readonly number[] };

export interface HostileRequest {
  id: number;
  /** The kind of hostility, for grouping results. */
  kind: string;
  node: NodeName;
  /** Sent to the node's HTTPS port (8443 on a real node) instead of its HTTP port. */
  tls: boolean;
  /** 'http': sent by node:http(s); 'raw': `raw` written to a plain socket as it is. */
  transport: 'http' | 'raw';
  method: string;
  /** Path and query string, already percent-encoded. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send the body with Transfer-Encoding: chunked, in pieces. */
  chunked?: boolean;
  raw?: Buffer;
  expect: Expectation;
}

/** Facts of the lab the generator aims at (real names, to hit real code paths and avoid real logins). */
export interface LabFacts {
  /** Each node's own cluster ID. */
  clusterIdOf: Record<NodeName, string>;
  /** Each node's internal application user (appID, appCertificate), as its EMApp uses it. */
  appOf: Record<NodeName, { appId: string; appCertificate: string }>;
  /** Real phones of each node's cluster. */
  phonesOf: Record<NodeName, readonly string[]>;
  /** User IDs, primary extensions and self-service IDs that exist anywhere in the lab. */
  identities: readonly string[];
  /** Every user's PIN: never sent, except with `emccUser` from an unknown cluster. */
  pins: readonly string[];
  /** A home user allowed EMCC and their PIN: sent only from clusters no node knows. */
  emccUser: { userId: string; pin: string };
  /** Every device name in the lab (phones, EMCC devices): never used where a login could succeed. */
  devices: readonly string[];
}

export const EM_SERVICE = '/emservice/EMServiceServlet';
export const EM_APP = '/emapp/EMAppServlet';

/** Largest request body a node accepts (bigger ones answer 413). */
const MAX_BODY = 256 * 1024;

// --- seeded PRNG (mulberry32) ---

export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = Math.floor(this.next() * 256);
    return b;
  }
}

// --- hostile values ---

const SQL = [
  "' OR 1=1 --", '"; DROP TABLE end_users; --', "' OR '1'='1", "x' UNION SELECT pin FROM end_users --",
  "1; UPDATE end_users SET pin='0' --", "'); DELETE FROM logins; --", "%' OR '1'='1", "\\'; DROP TABLE phones; --",
  "SEP00AA11BB22CC' OR '1'='1", "admin'/*", '*', '%', '_', "' OR user_id LIKE '%", '1 OR 1=1', "'; ATTACH DATABASE '/tmp/x' AS x; --",
];
const UNICODE = [
  '\u0000', 'a\u0000b', '\u0001\u0002\u0003', '\u202Eevil', '\uFEFFbom', 'ａｌｉｃｅ', '\uD800', 'x\uDFFFy', '😀😀', 'e\u0301',
  '\u2028\u2029', 'Ω≈ç√∫', '张三', '\r\n', '\t', '\u007F', '\u0085', 'İı', '\u200B', 'ß', '\uFFFF', '%00', '%ZZ',
];
const JS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'NULL', 'null', 'undefined', 'NaN', '-1', '0x41', '1e309'];
const MARKUP = ['<b>x</b>', '&amp;', ']]>', '<![CDATA[x]]>', '"quoted"', "'single'", '{{7*7}}', '${7*7}', '../../etc/passwd', 'file:///etc/passwd'];

/** A hostile value for a user ID, device name, PIN or cluster ID (not necessarily XML-safe). */
function hostileValue(g: Prng): string {
  const r = g.next();
  if (r < 0.35) return g.pick(SQL);
  if (r < 0.6) return g.pick(UNICODE) + (g.chance(0.5) ? g.pick(['SEP', 'alice', 'x', '']) : '');
  if (r < 0.7) return g.pick(JS);
  if (r < 0.8) return g.pick(MARKUP);
  if (r < 0.9) return 'x'.repeat(g.pick([256, 1000, 4000, 12_000]));
  return g.pick(SQL) + g.pick(UNICODE);
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * A hostile value that is none of the lab's users, extensions or devices; `solid` ones are not
 * blank once trimmed, and `max` caps the length (a URL must stay under Node's 16 KiB header limit).
 */
function strangerValue(g: Prng, facts: LabFacts, options: { solid?: boolean; max?: number } = {}): string {
  for (;;) {
    const v = hostileValue(g).slice(0, options.max ?? Infinity);
    const n = norm(v);
    if (options.solid && n === '') continue;
    if (!facts.identities.some((i) => norm(i) === n) && !facts.devices.some((d) => norm(d) === n)) return v;
  }
}

/** A PIN that is nobody's PIN (never empty). */
function wrongPin(g: Prng, facts: LabFacts): string {
  for (;;) {
    const v = g.chance(0.5) ? String(g.int(0, 99_999_999)) : hostileValue(g).slice(0, 3000);
    if (!facts.pins.some((p) => norm(p) === norm(v))) return v;
  }
}

/** A cluster ID that is no cluster of the lab (the node's own ID is fine: a node is not its own remote). */
function unknownClusterId(g: Prng, facts: LabFacts): string {
  const known = Object.values(facts.clusterIdOf).map(norm);
  for (;;) {
    const v = g.chance(0.4) ? g.pick(['NOPE', 'StandAloneCluster', 'HOME2', 'VISITOR', 'CLUSTER-X', '']) : hostileValue(g);
    if (!known.includes(norm(v))) return v;
  }
}

// --- encodings ---

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** application/x-www-form-urlencoded, as a browser's form sends it (UTF-8; a lone surrogate becomes U+FFFD). */
export function formEncode(s: string): string {
  return new URLSearchParams([['', s]]).toString().slice(1);
}

const form = (fields: [string, string][]) => fields.map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&');

/** A query string for GET /emapp/EMAppServlet (undefined values are left out). */
function query(fields: [string, string | undefined][]): string {
  const q = fields.filter((f): f is [string, string] => f[1] !== undefined).map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&');
  return q ? `?${q}` : '';
}

// --- well-formed EM documents with hostile values (values are escaped unless `raw`) ---

const el = (tag: string, value: string) => `<${tag}>${xmlEscape(value)}</${tag}>`;
const appInfo = (app: { appId: string; appCertificate: string }) => `<appInfo>${el('appID', app.appId)}${el('appCertificate', app.appCertificate)}</appInfo>`;

function apiLogin(app: { appId: string; appCertificate: string }, device: string, user: string, extra: { credential?: string; loginType?: string; profile?: string } = {}): string {
  return `<request>${appInfo(app)}<login>${el('deviceName', device)}${el('userID', user)}`
    + `${extra.credential !== undefined ? el('credential', extra.credential) : ''}${extra.loginType ? el('loginType', extra.loginType) : ''}`
    + `${extra.profile ? el('deviceProfile', extra.profile) : ''}</login></request>`;
}
const apiLogout = (app: { appId: string; appCertificate: string }, device: string) => `<request>${appInfo(app)}<logout>${el('deviceName', device)}</logout></request>`;
const apiQuery = (app: { appId: string; appCertificate: string }, inner: string) => `<query>${appInfo(app)}${inner}</query>`;
const emccCheckUser = (clusterId: string, user: string) => `<emccRequest><checkUser>${el('clusterId', clusterId)}<user id="${xmlEscape(user)}"/></checkUser></emccRequest>`;
function emccLogin(clusterId: string, device: string, user: string, credential: string): string {
  return `<emccRequest><login>${el('clusterId', clusterId)}${el('deviceName', device)}${el('deviceModel', '8845')}${el('userID', user)}`
    + `${el('credential', credential)}${el('phoneSecurityMode', 'non-secure')}${el('visitingVersion', '12.0')}${el('visitingSecurityMode', 'non-secure')}</login></emccRequest>`;
}
const emccLogout = (clusterId: string, device: string) => `<emccRequest><logout>${el('clusterId', clusterId)}${el('deviceName', device)}</logout></emccRequest>`;
const emccClusterInfo = (clusterId: string) => `<emccRequest><clusterInfo>${el('clusterId', clusterId)}</clusterInfo></emccRequest>`;

const NODES: readonly NodeName[] = ['home-pub', 'visit-pub'];
const otherNode = (n: NodeName): NodeName => (n === 'home-pub' ? 'visit-pub' : 'home-pub');
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/**
 * Codes a login on a real phone with a stranger or a wrong PIN may end in (which depends on the
 * user and the path).
 */
export const FAILED_LOGIN: readonly number[] = [1, 2, 23, 31, 32, 201, 205, 208, 216];

/** A well-formed EM document that a node must refuse, and the codes it may refuse it with. */
function refusedDocument(g: Prng, facts: LabFacts, node: NodeName): { xml: string; codes: number[] } {
  const peer = facts.clusterIdOf[otherNode(node)];
  const own = facts.appOf[node];
  const wrongApp = () => g.pick([
    { appId: own.appId, appCertificate: g.pick(['', 'guess', hostileValue(g), facts.appOf[otherNode(node)].appCertificate, own.appCertificate.toUpperCase() + 'x']) },
    { appId: hostileValue(g), appCertificate: own.appCertificate },
    { appId: g.pick(['admin', 'ccmsysuser', 'CCMSysUser ', 'root']), appCertificate: hostileValue(g) },
  ]);
  const anyDevice = () => (g.chance(0.5) ? g.pick([...facts.phonesOf[node], ...facts.devices]) : strangerValue(g, facts));
  const anyUser = () => (g.chance(0.4) ? g.pick(facts.identities) : strangerValue(g, facts));
  switch (g.int(0, 9)) {
    case 0: // EM API login with a wrong application user: 3, whoever it names (even a real user with no PIN)
      return { xml: apiLogin(wrongApp(), anyDevice(), anyUser(), g.chance(0.5) ? { credential: hostileValue(g) } : {}), codes: [3] };
    case 1: // EM API logout or query with a wrong application user: 3
      return g.chance(0.5)
        ? { xml: apiLogout(wrongApp(), anyDevice()), codes: [3] }
        : { xml: apiQuery(wrongApp(), g.chance(0.5) ? `<deviceUserQuery>${el('deviceName', anyDevice())}</deviceUserQuery>` : `<userDevicesQuery>${el('userID', anyUser())}</userDevicesQuery>`), codes: [3] };
    case 2: { // EMCC from a cluster this node does not know: 35 (a logout finds no EMCC login: 19)
      const cid = unknownClusterId(g, facts);
      const blank = cid.trim() === '';
      const which = g.int(0, 3);
      if (which === 0) return { xml: emccCheckUser(cid, anyUser()), codes: blank ? [1] : [35] };
      if (which === 1) {
        // Even with a real user's right PIN: a cluster nobody configured gets no EMCC device.
        const real = g.chance(0.3);
        const user = real ? facts.emccUser.userId : anyUser();
        return { xml: emccLogin(cid, g.pick(facts.phonesOf[otherNode(node)]), user, real ? facts.emccUser.pin : wrongPin(g, facts)), codes: blank ? [1] : [35] };
      }
      if (which === 2) return { xml: emccClusterInfo(cid), codes: blank ? [1] : [35] };
      return { xml: emccLogout(cid, anyDevice()), codes: blank ? [1] : [19, 35] };
    }
    case 3: // EMCC logout notice from the real peer for a phone nobody is logged in to: 19
      return { xml: emccLogout(peer, anyDevice()), codes: [19] };
    case 4: { // EMCC from the real peer with a wrong PIN or a stranger (nothing is bound), or from a cluster claiming this one's ID (44)
      if (g.chance(0.25)) {
        const me = g.chance(0.8) ? facts.clusterIdOf[node] : ` ${facts.clusterIdOf[node]} `;
        return g.chance(0.5) ? { xml: emccCheckUser(me, anyUser()), codes: [44] } : { xml: emccLogin(me, strangerValue(g, facts), anyUser(), wrongPin(g, facts)), codes: [44] };
      }
      return { xml: emccLogin(peer, strangerValue(g, facts), anyUser(), wrongPin(g, facts)), codes: [2, 23, 31, 1] };
    }
    case 5: // the node's own application: logout of phones nobody is logged in to (19) or that do not exist (11)
      return g.chance(0.5) ? { xml: apiLogout(own, g.pick(facts.phonesOf[node])), codes: [19] } : { xml: apiLogout(own, strangerValue(g, facts)), codes: [11] };
    case 6: // the node's own application: login on a device that does not exist: 11
      return { xml: apiLogin(own, strangerValue(g, facts), anyUser(), { credential: wrongPin(g, facts) }), codes: [11] };
    case 7: { // the node's own application: login on a real phone with a stranger or a wrong PIN
      const loginType = g.pick([undefined, 'UID', 'SP', 'DN']);
      return { xml: apiLogin(own, g.pick(facts.phonesOf[node]), anyUser(), { credential: wrongPin(g, facts), ...(loginType ? { loginType } : {}) }), codes: [...FAILED_LOGIN] };
    }
    case 8: { // query types other than deviceUserQuery and userDevicesQuery: 8 (or 3 for a wrong application)
      const tag = g.pick(['sqlQuery', 'dump', 'shutdown', 'deviceUserQuery2', 'query']);
      const inner = g.pick(['<whoQuery/>', '<deviceQuery><deviceName>x</deviceName></deviceQuery>', '<DeviceUserQuery><deviceName>x</deviceName></DeviceUserQuery>',
        '<userDeviceQuery><userID>x</userID></userDeviceQuery>', `<${tag}>${xmlEscape(hostileValue(g))}</${tag}>`, '<devicesQuery/>']);
      return g.chance(0.5) ? { xml: apiQuery(own, inner), codes: [1, 8] } : { xml: apiQuery(wrongApp(), inner), codes: [1, 3, 8] };
    }
    default: // an invalid loginType: 1
      return { xml: apiLogin(g.chance(0.5) ? own : wrongApp(), anyDevice(), anyUser(), { credential: wrongPin(g, facts), loginType: g.pick(['uid', 'XX', 'Dn', strangerValue(g, facts, { solid: true })]) }), codes: [1, 3] };
  }
}

/** Text of a hostile document refused at parse time (error 1). */
function unparsableDocument(g: Prng, kind: string, node: NodeName, facts: LabFacts): string {
  const own = facts.appOf[node];
  switch (kind) {
    case 'truncated-xml': {
      const whole = refusedDocument(g, facts, node).xml;
      return whole.slice(0, g.int(0, whole.length - 1));
    }
    case 'broken-xml':
      return g.pick([
        `<request>${appInfo(own)}<login><deviceName>SEP1</userID></login></request>`,
        `<request>${appInfo(own)}<login><deviceName>a & b</deviceName></login></request>`,
        `<request>${appInfo(own)}<login><deviceName>a < b</deviceName></login></request>`,
        '<request><appInfo appID=CCMSysUser/></request>',
        '<request></request><request></request>',
        `text before<request>${appInfo(own)}</request>`,
        '<request><login></request></login>',
        '<request attr="1" attr="2"/>',
        '<emccRequest><login><clusterId>X</clusterId>',
        '</request>',
        '<>',
        '<request/',
        '<?xml version="1.0"?>',
        '<!-- only a comment -->',
        `<request>${appInfo(own)}<![CDATA[unterminated</request>`,
        '<request><login><deviceName>\u0000</deviceName></login>',
        `<${hostileValue(g).replace(/[<>]/g, '')}>`,
      ]) + (g.chance(0.3) ? hostileValue(g) : '');
    case 'unknown-root': {
      const root = g.pick(['hello', 'Request', 'REQUEST', 'response', 'emccResponse', 'CiscoIPPhoneText', 'soap:Envelope', 'requests', 'emccrequest', '__proto__', 'constructor', 'x-request']);
      return `<${root}>${appInfo(own)}<login>${el('deviceName', facts.phonesOf[node][0]!)}${el('userID', 'alice')}</login></${root}>`;
    }
    case 'dtd':
      return g.pick([
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><request><appInfo><appID>&lol9;</appID></appInfo></request>',
        `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><request>${appInfo(own)}<logout><deviceName>&x;</deviceName></logout></request>`,
        '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><emccRequest><checkUser><clusterId>&x;</clusterId><user id="a"/></checkUser></emccRequest>',
        '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:1/evil.dtd"> %p;]><request/>',
        '<!doctype request SYSTEM "file:///etc/shadow"><request/>',
        '<!DocType r PUBLIC "-//X//DTD X//EN" "http://home-pub:8080/emapp/EMAppServlet?doLogout=true&amp;device=SEP00AA11BB22CC"><request/>',
        '<!ENTITY a "b"><request>&a;</request>',
        `<!DOCTYPE r [<!ELEMENT r ANY><!ATTLIST r a CDATA "x">]><request>${appInfo(own)}</request>`,
        '<request xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></request>',
        '<?xml version="1.0"?>\n<!DOCTYPE\n q [<!ENTITY q "&#x26;#x3C;x">]><query>&q;</query>',
      ]);
    case 'deep-nesting': {
      const depth = g.pick([500, 2000, 5000, 9000, 20_000]);
      const tag = g.pick(['a', 'login', 'request']);
      const inner = g.chance(0.5) ? '' : el('deviceName', 'x');
      return `<request>${appInfo(own)}${`<${tag}>`.repeat(depth)}${inner}${g.chance(0.3) ? '' : `</${tag}>`.repeat(depth)}</request>`;
    }
    case 'oversized-xml': // larger than any servlet reads as XML, smaller than the body limit
      return `<request>${appInfo(own)}<login>${el('deviceName', 'x'.repeat(g.int(70_000, 180_000)))}${el('userID', 'alice')}</login></request>`;
    default: { // random bytes
      return g.bytes(g.int(1, 3000)).toString(g.chance(0.5) ? 'latin1' : 'utf8');
    }
  }
}

/** One hostile request to an EM service. */
function emServiceRequest(g: Prng, facts: LabFacts, id: number, kind: string): HostileRequest {
  const node = g.pick(NODES);
  const tls = g.chance(0.35);
  const base = { id, kind, node, tls, transport: 'http' as const, method: 'POST', path: EM_SERVICE, headers: { ...FORM } as Record<string, string> };
  const withXml = (xml: string, codes: number[]): HostileRequest => {
    const body = Buffer.from(`xml=${formEncode(xml)}`);
    // A document that grew past the body limit once encoded is refused before it is read.
    return { ...base, body, expect: body.length > MAX_BODY ? { answer: 'status', statuses: [413] } : { answer: 'em', codes } };
  };
  switch (kind) {
    case 'truncated-xml': case 'broken-xml': case 'unknown-root': case 'dtd': case 'deep-nesting': case 'oversized-xml': case 'random-bytes':
      return withXml(unparsableDocument(g, kind, node, facts), [1]);
    case 'random-body': // random bytes as the whole body, no form at all
      return { ...base, body: g.bytes(g.int(1, 4000)), chunked: g.chance(0.2), expect: { answer: 'em', codes: [1] } };
    case 'wrong-nesting': {
      const own = facts.appOf[node];
      const xml = g.pick([
        `<request><login>${appInfo(own)}${el('deviceName', g.pick(facts.phonesOf[node]))}${el('userID', 'alice')}</login></request>`,
        `<request>${appInfo(own)}<logout><login>${el('deviceName', g.pick(facts.phonesOf[node]))}</login></logout></request>`,
        `<request>${appInfo(own)}<login><userID>${el('deviceName', g.pick(facts.phonesOf[node]))}</userID></login></request>`,
        `<query><deviceUserQuery>${appInfo(own)}<deviceName>x</deviceName></deviceUserQuery></query>`,
        `<request><request>${appInfo(own)}<logout>${el('deviceName', 'x')}</logout></request></request>`,
        `<emccRequest><request>${appInfo(own)}</request></emccRequest>`,
        `<emccRequest><checkUser><user><clusterId>${xmlEscape(facts.clusterIdOf[otherNode(node)])}</clusterId></user></checkUser></emccRequest>`,
        `<emccRequest><emccRequest><logout>${el('clusterId', facts.clusterIdOf[otherNode(node)])}${el('deviceName', 'x')}</logout></emccRequest></emccRequest>`,
        `<request><appInfo><appInfo>${el('appID', own.appId)}</appInfo></appInfo><logout>${el('deviceName', 'x')}</logout></request>`,
        `<request>${appInfo(own)}<__proto__><login>${el('deviceName', 'x')}${el('userID', 'x')}</login></__proto__></request>`,
        `<query>${appInfo(own)}<__proto__><deviceUserQuery><deviceName>x</deviceName></deviceUserQuery></__proto__></query>`,
        `<request>${appInfo(own)}<constructor><logout>${el('deviceName', 'x')}</logout></constructor></request>`,
        `<request><login/><appInfo/></request>`,
        `<request>${appInfo(own)}<login></login><logout></logout></request>`,
      ]);
      return withXml(xml, [1, 3, 8]);
    }
    case 'hostile-values': {
      const d = refusedDocument(g, facts, node);
      return withXml(d.xml, [...d.codes, 1]);
    }
    case 'via-proxy': { // through a proxy (Via), which Allow Proxy (False) refuses for logins and logouts: 30
      const own = facts.appOf[node];
      const xml = g.chance(0.5) ? apiLogout(own, g.pick(facts.phonesOf[node])) : apiLogin(own, g.pick(facts.phonesOf[node]), strangerValue(g, facts, { solid: true }), { credential: wrongPin(g, facts) });
      const r = withXml(xml, [30]);
      return { ...r, headers: { ...r.headers, via: g.pick(['1.1 evil-proxy', '1.0 squid, 1.1 other', `1.1 ${formEncode(hostileValue(g)).slice(0, 200)}`]) } };
    }
    case 'huge-body': { // over the body limit: 413 before anything reads it
      const size = MAX_BODY + g.int(1, 300 * 1024);
      const body = g.chance(0.5) ? `xml=${'A'.repeat(size)}` : `xml=${formEncode('<request>')}${'%3Ca%3E'.repeat(Math.ceil(size / 7))}`;
      return { ...base, body: Buffer.from(body), chunked: g.chance(0.3), expect: { answer: 'status', statuses: [413] } };
    }
    case 'wrong-method': {
      const method = g.pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND']);
      const hasBody = !['GET', 'HEAD', 'TRACE'].includes(method) && g.chance(0.7);
      return {
        ...base, method, path: method === 'GET' && g.chance(0.5) ? `${EM_SERVICE}?xml=${formEncode(refusedDocument(g, facts, node).xml).slice(0, 4000)}` : EM_SERVICE,
        ...(hasBody ? { body: Buffer.from(`xml=${formEncode(refusedDocument(g, facts, node).xml)}`) } : {}),
        expect: { answer: 'status', statuses: [405] },
      };
    }
    case 'wrong-content-type': {
      const d = refusedDocument(g, facts, node);
      const contentType = g.pick(['text/xml', 'application/xml', 'application/json', 'multipart/form-data; boundary=x', 'text/plain; charset=utf-7', 'application/x-www-form-urlencoded; charset=ISO-2022-JP', '', 'x/y; a=b; a=c']);
      const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
      const shape = g.int(0, 2);
      if (shape === 0) return { ...base, headers, body: Buffer.from(`xml=${formEncode(d.xml)}`), expect: { answer: 'em', codes: [...d.codes, 1] } };
      if (shape === 1) return { ...base, headers, body: Buffer.from(d.xml), expect: { answer: 'em', codes: [1] } };
      return { ...base, headers, body: Buffer.from(`--x\r\nContent-Disposition: form-data; name="xml"\r\n\r\n${d.xml}\r\n--x--\r\n`), expect: { answer: 'em', codes: [1] } };
    }
    case 'form-fields': {
      const d = refusedDocument(g, facts, node);
      const variants: [string, number[]][] = [
        ['', [1]], ['foo=bar', [1]], ['xml=', [1]], ['xml', [1]], ['XML=' + formEncode(d.xml), [1]], ['xml%00=' + formEncode(d.xml), [1]],
        [`xml=${formEncode(d.xml)}&xml=${formEncode(g.pick(facts.phonesOf[node]))}`, [...d.codes, 1]],
        [`xml=${formEncode(unparsableDocument(g, 'broken-xml', node, facts))}&xml=${formEncode(d.xml)}`, [1]],
        ['xml=%E0%A4%A&xml=%', [1]], ['&&&==&', [1]], ['xml=%3Crequest%3E%ZZ', [1]], [`xml=${'%'.repeat(g.int(1, 50))}`, [1]],
        [`${'a=1&'.repeat(g.int(100, 5000))}xml=`, [1]],
        [form([['xml', ''], ['xml', d.xml]]), [1]],
      ];
      const [body, codes] = g.pick(variants);
      return { ...base, body: Buffer.from(body), expect: { answer: 'em', codes } };
    }
    default: { // path variants: not the servlet
      const path = g.pick(['/emservice/EMServiceServlet/', '/EMSERVICE/EMServiceServlet', '/emservice/emserviceservlet', '/emservice/EMServiceServlet%00',
        '/emservice/EMServiceServlet.jsp', '/emservice/', '/emservice/EMServiceServlet%2f..%2f..%2fetc%2fpasswd', '/WEB-INF/web.xml', '/emservice/EMServiceServlet;jsessionid=1']);
      return { ...base, path, body: Buffer.from(`xml=${formEncode(refusedDocument(g, facts, node).xml)}`), expect: { answer: 'status', statuses: [404] } };
    }
  }
}

/** One hostile request to an EMApp. */
function emAppRequest(g: Prng, facts: LabFacts, id: number, kind: string): HostileRequest {
  const node = g.pick(NODES);
  const tls = g.chance(0.15);
  const headers: Record<string, string> = g.chance(0.3)
    ? { 'accept-language': g.pick(['zh-CN', 'en-US', 'xx', '*', 'zh-CN,en;q=0.5', ';;;', 'zh-CN'.repeat(200), 'fr-FR', ' zh-CN ,']) }
    : {};
  const base = { id, kind, node, tls, transport: 'http' as const, method: 'GET', headers };
  const realPhone = () => g.pick(facts.phonesOf[node]);
  const stranger = () => strangerValue(g, facts, { solid: true, max: 3000 });
  const hostile = () => hostileValue(g).slice(0, 3000);
  const loginType = () => g.pick([undefined, 'UID', 'SP', 'DN']);
  const emcc = () => g.pick([undefined, 'true', 'false', hostile()]);
  const get = (fields: [string, string | undefined][], codes: number[]): HostileRequest => ({ ...base, path: EM_APP + query(fields), expect: { answer: 'emapp', codes } });
  switch (kind) {
    case 'emapp-no-device': // 207, whatever else the request says
      return get([
        ['device', g.pick([undefined, '', ' ', '\t', '\u2028'])], ['EMCC', emcc()], ['userid', g.pick([undefined, hostile()])],
        ['seq', g.pick([undefined, wrongPin(g, facts)])], ['loginType', loginType()], ['doLogout', g.pick([undefined, 'true'])],
        ...(g.chance(0.3) ? [['Device', realPhone()] as [string, string]] : []),
      ], [207]);
    case 'emapp-bad-login-type': // 215, before anything is looked up
      return get([
        ['device', g.chance(0.5) ? realPhone() : stranger()], ['EMCC', emcc()],
        ['loginType', g.pick(['uid', 'dn', 'Sp', 'DN ', ' UID', 'XYZ', '', 'UID,DN', hostile()])],
        ['userid', g.pick([undefined, stranger()])], ['seq', g.pick([undefined, wrongPin(g, facts)])], ['doLogout', g.pick([undefined, 'true'])],
      ], [215]);
    case 'emapp-blank-credentials': { // 202: a user ID without PIN or a PIN without user ID
      const blankUser = g.chance(0.5);
      return get([
        ['device', g.chance(0.5) ? realPhone() : stranger()], ['EMCC', emcc()], ['loginType', loginType()],
        ['userid', blankUser ? g.pick([undefined, '', '   ', '\t\n']) : g.chance(0.5) ? g.pick(facts.identities) : stranger()],
        ['seq', blankUser ? wrongPin(g, facts) : g.pick([undefined, ''])],
      ], [202]);
    }
    case 'emapp-unknown-device': // the EM service knows no such phone: 11
      return get([
        ['device', stranger()], ['EMCC', emcc()], ['loginType', loginType()],
        ['userid', g.chance(0.5) ? g.pick(facts.identities) : stranger()], ['seq', wrongPin(g, facts)],
      ], [1, 11]);
    case 'emapp-stranger-login': // a real phone, a stranger or a wrong PIN: refused, nothing logged in
      return get([
        ['device', realPhone()], ['EMCC', emcc()], ['loginType', loginType()],
        ['userid', g.chance(0.3) ? g.pick(facts.identities) : stranger()], ['seq', wrongPin(g, facts)],
        ...(g.chance(0.2) ? [['profile', hostile()] as [string, string]] : []),
      ], [...FAILED_LOGIN]);
    case 'emapp-logout-nobody': { // logout where nobody is logged in: 19, or 11 for a phone that does not exist
      const real = g.chance(0.5);
      return get([['device', real ? realPhone() : stranger()], ['EMCC', emcc()], ['doLogout', 'true'], ['userid', g.pick([undefined, hostile()])]], real ? [19] : [1, 11]);
    }
    case 'emapp-wrong-method': {
      const method = g.pick(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']);
      const body = method === 'TRACE' ? undefined : Buffer.from(`device=${formEncode(realPhone())}&userid=alice&seq=${formEncode(wrongPin(g, facts))}`);
      return {
        ...base, method, path: EM_APP + query([['device', realPhone()], ['userid', stranger()], ['seq', wrongPin(g, facts)]]),
        headers: { ...headers, ...FORM }, ...(body ? { body } : {}), expect: { answer: 'status', statuses: [405] },
      };
    }
    case 'emapp-overlong-url': // a request line over Node's header limit (16 KiB): 431
      return { ...base, path: EM_APP + query([['device', realPhone()], ['userid', 'u'.repeat(g.int(17_000, 40_000))], ['seq', wrongPin(g, facts)]]), expect: { answer: 'status', statuses: [414, 431] } };
    default: { // emapp-garbled-query: raw query strings that do not decode cleanly
      const q = g.pick([
        ['%', [207]], ['device', [207]], ['=&=&=', [207]], ['device=%ZZ&doLogout=true', [1, 11]], ['device=%00&userid=%00&seq=%00', [1, 11]],
        ['device=%C0%AF&doLogout=true', [1, 11]], [`device=${formEncode(realPhone())}%00&doLogout=true`, [1, 11]],
        [`device=${formEncode(realPhone())}&device=&doLogout=true`, [19]], [`device=&device=${formEncode(realPhone())}&doLogout=true`, [207]],
        [`device=${formEncode(realPhone())}&loginType=DN&loginType=UID&userid=x`, [202]], [`device=${formEncode(realPhone())};doLogout=true&userid=x&seq=9`, [1, 11]],
        [`device=${formEncode(realPhone())}&userid=&seq=`, [202]], ['userid=a&seq=b', [207]],
      ] as [string, number[]][]);
      return { ...base, path: `${EM_APP}?${q[0]}`, expect: { answer: 'emapp', codes: q[1] } };
    }
  }
}

/** One hostile HTTP message written to the socket as it is (what an HTTP library would refuse to send). */
function rawRequest(g: Prng, facts: LabFacts, id: number): HostileRequest {
  const node = g.pick(NODES);
  const head = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const doc = refusedDocument(g, facts, node);
  const xml = formEncode(doc.xml);
  const post = (extra: string[], body: string) => Buffer.concat([head([`POST ${EM_SERVICE} HTTP/1.1`, 'Host: x', 'Connection: close', ...extra]), Buffer.from(body, 'latin1')]);
  const shapes: [string, () => Buffer, number[]][] = [
    ['raw-random-bytes', () => Buffer.concat([g.bytes(g.int(1, 2000)), Buffer.from('\r\n\r\n')]), [400]],
    ['raw-smuggling', () => post(['Content-Length: 4', 'Transfer-Encoding: chunked'], '0\r\n\r\n'), [400]],
    ['raw-two-lengths', () => post(['Content-Length: 4', 'Content-Length: 5'], 'xml='), [400]],
    ['raw-bad-length', () => post([`Content-Length: ${g.pick(['-1', 'abc', '0x10', '1e3', '99999999999999999999'])}`], ''), [400, 413]],
    ['raw-bad-chunk', () => post(['Transfer-Encoding: chunked'], 'zz\r\nxml=\r\n0\r\n\r\n'), [400]],
    ['raw-header-no-colon', () => head([`GET ${EM_APP}?device=x HTTP/1.1`, 'Host: x', 'Connection: close', 'this is not a header']), [400]],
    ['raw-nul-in-header', () => head([`GET ${EM_APP}?device=x HTTP/1.1`, 'Host: x', 'Connection: close', 'X-A: a\u0000b']), [400]],
    ['raw-bad-version', () => head([`GET ${EM_APP}?device=x HTTP/${g.pick(['9.9', '1.x', '0.1', '11'])}`, 'Host: x', 'Connection: close']), [400, 505]],
    ['raw-no-host', () => head([`GET ${EM_APP}?device=x HTTP/1.1`, 'Connection: close']), [400]],
    ['raw-huge-header', () => head([`GET ${EM_APP}?device=x HTTP/1.1`, 'Host: x', 'Connection: close', `X-Big: ${'b'.repeat(g.int(17_000, 60_000))}`]), [431]],
    ['raw-space-in-path', () => head([`GET ${EM_APP}?device=SEP 1&doLogout=true HTTP/1.1`, 'Host: x', 'Connection: close']), [400]],
    ['raw-unknown-method', () => head([`${g.pick(['FOO', 'GETT', 'G\u00c9T', 'get'])} ${EM_SERVICE} HTTP/1.1`, 'Host: x', 'Connection: close']), [400, 405]],
    ['raw-chunked-hostile', () => post(['Transfer-Encoding: chunked', 'Content-Type: application/x-www-form-urlencoded'], `${(4 + xml.length).toString(16)}\r\nxml=${xml}\r\n0\r\n\r\n`), []],
  ];
  const [kind, build, statuses] = g.pick(shapes);
  const expect: Expectation = statuses.length ? { answer: 'status', statuses } : { answer: 'em', codes: [...doc.codes, 1] };
  return { id, kind, node, tls: false, transport: 'raw', method: 'RAW', path: '', headers: {}, raw: build(), expect };
}

/** Kinds of hostile requests and their weights (about how many of every 1000 requests are of each kind). */
const MIX: [string, number][] = [
  ['truncated-xml', 80], ['broken-xml', 70], ['random-bytes', 40], ['random-body', 20], ['unknown-root', 40], ['wrong-nesting', 50],
  ['dtd', 60], ['huge-body', 5], ['oversized-xml', 5], ['deep-nesting', 15], ['hostile-values', 230], ['wrong-method', 45],
  ['wrong-content-type', 30], ['form-fields', 40], ['not-the-servlet', 10], ['via-proxy', 10],
  ['emapp-no-device', 25], ['emapp-bad-login-type', 25], ['emapp-blank-credentials', 25], ['emapp-unknown-device', 30],
  ['emapp-stranger-login', 40], ['emapp-logout-nobody', 40], ['emapp-wrong-method', 20], ['emapp-overlong-url', 3], ['emapp-garbled-query', 20],
  ['raw', 27],
];

/** `count` hostile requests, the same ones for the same seed and facts. */
export function hostileRequests(seed: number, count: number, facts: LabFacts): HostileRequest[] {
  const g = new Prng(seed);
  const total = MIX.reduce((s, [, w]) => s + w, 0);
  const out: HostileRequest[] = [];
  for (let id = 0; id < count; id++) {
    let roll = g.next() * total;
    const kind = MIX.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'hostile-values';
    if (kind === 'raw') out.push(rawRequest(g, facts, id));
    else if (kind.startsWith('emapp-')) out.push(emAppRequest(g, facts, id, kind));
    else out.push(emServiceRequest(g, facts, id, kind));
  }
  return out;
}
