import { describe, expect, it } from 'vitest';
import { ENTITIES, fieldOf } from '../../../shared/admin/entities';
import { MENU, PAGES } from '../../../shared/admin/pages';
import { checkRecordDetailed, VALIDATION_MESSAGES } from '../../../shared/admin/validate';
import { FAULTS } from '../../../shared/faults';
import { EMCC_FEATURE_PARAMETERS, EM_SERVICE_PARAMETERS } from '../../../shared/parameters';
import { choiceLabel, errorText, fieldHelp, fieldLabel, patternWhat, targetText } from '../../../renderer/src/i18n/admin-text';
import { i18n, UI_RESOURCES } from '../../../renderer/src/i18n/i18n';
import { textOf, uiKey } from '../../../renderer/src/i18n/text';

/** Every leaf of a resource as "path" -> value. */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree !== null && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree)) for (const [p, x] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, x);
  } else out.set(prefix, tree);
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * The keys of a resource with i18next's plural forms folded into their base key ("found_one",
 * "found_other" -> "found"), after checking that each plural has every form `locale` needs
 * (en-US: one and other; zh-CN: other).
 */
function keysOf(tree: unknown, locale: string, where: string): string[] {
  const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const forms = new Map<string, Set<string>>();
  const keys = new Set<string>();
  for (const key of leaves(tree).keys()) {
    const m = PLURAL.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    keys.add(base);
    if (m) forms.set(base, (forms.get(base) ?? new Set()).add(m[1]!));
  }
  for (const [base, have] of forms) for (const form of needed) expect(have.has(form), `${where}:${base}_${form} (${locale})`).toBe(true);
  return [...keys].sort();
}

const placeholders = (s: string) => new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));
const tags = (s: string) => [...s.matchAll(/<(\w+)>/g)].map((m) => m[1]).sort();
const CJK = /[\u4e00-\u9fff]/;

const en = i18n.getFixedT('en-US');
const zh = i18n.getFixedT('zh-CN');
/** A key the zh-CN resources hold themselves (not by falling back to English). */
const zhHas = (ns: string, key: string, flat = false) =>
  typeof i18n.getResource('zh-CN', ns, key, flat ? { keySeparator: false } : undefined) === 'string';

describe('UI resources', () => {
  it('are gathered from every file of renderer/src/i18n/resources, each with its own namespace', () => {
    const names = UI_RESOURCES.map((r) => r.namespace);
    expect(new Set(names).size).toBe(names.length);
    for (const ns of ['common', 'lab', 'phone', 'faults', 'admin', 'adminTables', 'adminMenu', 'adminChoices', 'validation']) expect(names).toContain(ns);
  });

  for (const r of UI_RESOURCES) {
    it(`${r.namespace}: en-US and zh-CN have the same keys, every text non-empty, with the same values and tags`, () => {
      const a = leaves(r['en-US']);
      const b = leaves(r['zh-CN']);
      expect(keysOf(r['zh-CN'], 'zh-CN', r.namespace)).toEqual(keysOf(r['en-US'], 'en-US', r.namespace));
      for (const [key, value] of [...a, ...b]) {
        expect(typeof value, `${r.namespace}:${key}`).toBe('string');
        expect((value as string).trim(), `${r.namespace}:${key}`).not.toBe('');
      }
      for (const [key, zhText] of b) {
        const enText = a.get(key) ?? a.get(key.replace(PLURAL, '_other'));
        if (typeof enText !== 'string' || typeof zhText !== 'string') continue;
        // A translation may leave a value out (Chinese needs no plural word) but never invents one.
        for (const p of placeholders(zhText)) expect(placeholders(enText), `${r.namespace}:${key} {{${p}}}`).toContain(p);
        expect(tags(zhText), `${r.namespace}:${key}`).toEqual(tags(enText));
      }
    });
  }
});

describe('administration tables in zh-CN', () => {
  it('every entity has a title and plural, every field a label (and its help and pattern words)', () => {
    for (const e of Object.values(ENTITIES)) {
      expect(zhHas('adminTables', `entity.${e.kind}.title`), e.kind).toBe(true);
      expect(zhHas('adminTables', `entity.${e.kind}.plural`), e.kind).toBe(true);
      for (const f of e.fields) {
        const scope = { kind: e.kind };
        expect(zhHas('adminTables', `entity.${e.kind}.field.${f.key}.label`), `${e.kind}.${f.key}`).toBe(true);
        expect(fieldLabel(zh, scope, f), `${e.kind}.${f.key}`).toMatch(CJK);
        if (f.help) expect(fieldHelp(zh, scope, f), `${e.kind}.${f.key} help`).toMatch(CJK);
        if (f.pattern) expect(zhHas('adminTables', `entity.${e.kind}.field.${f.key}.what`), `${e.kind}.${f.key} what`).toBe(true);
      }
    }
  });

  it('every form page has a title and every field a label, parameters included', () => {
    for (const p of Object.values(PAGES)) {
      expect(zhHas('adminTables', `page.${p.page}.title`), p.page).toBe(true);
      for (const f of p.fields) {
        expect(fieldLabel(zh, { page: p.page }, f), `${p.page}.${f.key}`).toMatch(CJK);
        if (f.help) expect(fieldHelp(zh, { page: p.page }, f)).toMatch(CJK);
        if (f.pattern) expect(zhHas('adminTables', `page.${p.page}.field.${f.key}.what`), `${p.page}.${f.key} what`).toBe(true);
      }
    }
    for (const d of EM_SERVICE_PARAMETERS) expect(zhHas('adminTables', `page.serviceParameters.field.${d.key}.label`), d.key).toBe(true);
    for (const d of EMCC_FEATURE_PARAMETERS) expect(zhHas('adminTables', `page.featureParameters.field.${d.key}.label`), d.key).toBe(true);
  });

  it('every menu segment, choice and validation message has its zh-CN text', () => {
    for (const segment of new Set(MENU.flatMap((m) => m.path))) expect(zhHas('adminMenu', segment, true), segment).toBe(true);
    for (const label of Object.keys(i18n.getResourceBundle('en-US', 'adminChoices') as object)) expect(zhHas('adminChoices', label, true), label).toBe(true);
    for (const code of Object.keys(VALIDATION_MESSAGES)) expect(zhHas('validation', code), code).toBe(true);
    for (const f of FAULTS) expect(zhHas('faults', `${f.id}.label`) && zhHas('faults', `${f.id}.effect`), f.id).toBe(true);
  });

  it('keeps the tables\' English as the en-US text', () => {
    const name = fieldOf('deviceProfile', 'name')!;
    expect(fieldLabel(en, { kind: 'deviceProfile' }, name)).toBe('Device Profile Name');
    expect(patternWhat(en, { kind: 'deviceProfile' }, name)).toBe(name.pattern!.what);
    expect(fieldLabel(en, { page: 'featureParameters' }, PAGES.featureParameters.fields.find((f) => f.key === 'remoteClusterUpdateInterval')!))
      .toBe('Remote Cluster Update Interval (min)');
    expect(choiceLabel(en, { value: 'secure', label: 'Standard Secure (Encrypted) Profile' })).toBe('Standard Secure (Encrypted) Profile');
    expect(targetText(en, { type: 'list', kind: 'deviceProfile' })).toBe('Device > Device Settings > Device Profile');
  });

  it('uses the Chinese Unified CM names', () => {
    expect(targetText(zh, { type: 'list', kind: 'deviceProfile' })).toBe('设备 > 设备设置 > 设备配置文件');
    expect(targetText(zh, { type: 'list', kind: 'endUser' })).toBe('用户管理 > 最终用户');
    expect(fieldLabel(zh, { kind: 'endUser' }, fieldOf('endUser', 'emccEnabled')!)).toBe('启用跨群集分机移动');
    expect(choiceLabel(zh, { value: 'Ringer Off', label: 'Ringer Off' })).toBe('振铃器关闭');
    expect(choiceLabel(zh, { value: 'non-secure', label: 'Standard Non-Secure Profile' })).toBe('标准非安全配置文件');
    expect(choiceLabel(zh, { value: 'non-secure', label: 'non-secure' })).toBe('非安全');
    // Product names are not translated.
    expect(choiceLabel(zh, { value: '8845', label: 'Cisco 8845' })).toBe('Cisco 8845');
  });
});

describe('messages the page makes itself', () => {
  const fields = ENTITIES.deviceProfile.fields;
  const draft = { model: '8845', protocol: 'SIP', name: 'n'.repeat(51), phoneButtonTemplate: 'Standard', mlppIndication: 'Off', mlppPreemption: 'Forceful' };
  const checked = checkRecordDetailed('deviceProfile', draft);
  const errors = checked.ok ? [] : checked.errors;

  it('say in en-US exactly what the shared checks say', () => {
    expect(errors.map((e) => errorText(en, { kind: 'deviceProfile' }, fields, e))).toEqual(errors.map((e) => e.message));
    expect(errors.map((e) => e.message)).toContain('Device Profile Name must be at most 50 characters');
  });

  it('are translated by their code, with the field named in zh-CN', () => {
    const zhErrors = errors.map((e) => errorText(zh, { kind: 'deviceProfile' }, fields, e));
    expect(zhErrors).toContain('“设备配置文件名称”最多只能包含 50 个字符');
    expect(zhErrors).toContain('当“MLPP 指示”为“关”（或“默认值”，即“关”）时，“MLPP 优先占用”不能为“强制”');
    // An error of the main process has no code: it shows as it came.
    expect(errorText(zh, { kind: 'deviceProfile' }, fields, { field: 'name', message: 'A device profile named x already exists' })).toBe('A device profile named x already exists');
  });

  it('put nested texts in words ("2 errors: nothing was saved")', () => {
    const notice = uiKey('admin:notice.errors', { count: 2, what: uiKey('admin:notice.notSaved') });
    expect(textOf(en, notice)).toBe('2 errors: nothing was saved');
    expect(textOf(en, uiKey('admin:notice.errors', { count: 1, what: uiKey('admin:notice.notDeleted') }))).toBe('1 error: nothing was deleted');
    expect(textOf(zh, notice)).toBe('2 个错误：未保存任何内容');
  });
});
