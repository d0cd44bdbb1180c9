import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, errorEntry } from '../../shared/errors/error-catalogue';
import { errorDisplayText } from '../../shared/i18n/translator';

const GUIDE_CODES = {
  emapp: [201, 202, 204, 205, 207, 208, 210, 211, 212, 213, 215, 216],
  emservice: [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 18, 19, 20, 21, 22, 23, 25, 26, 28, 29, 30, 31, 32, 33, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47],
};

describe('the error catalogue', () => {
  it('holds exactly the codes of the guide\'s two tables, each once', () => {
    expect(ERROR_CATALOGUE.filter((e) => e.source === 'emapp').map((e) => e.code)).toEqual(GUIDE_CODES.emapp);
    expect(ERROR_CATALOGUE.filter((e) => e.source === 'emservice').map((e) => e.code)).toEqual(GUIDE_CODES.emservice);
  });

  it('gives every code a summary and a cause in en-US and zh-CN', () => {
    for (const e of ERROR_CATALOGUE) {
      for (const l of ['en-US', 'zh-CN'] as const) {
        expect(e.summary[l], `${e.code} summary ${l}`).not.toBe('');
        expect(e.cause[l], `${e.code} cause ${l}`).not.toBe('');
      }
    }
  });

  it.each([
    [2, 'login', 'en-US', 'Login is unavailable (2)'],
    [2, 'login', 'zh-CN', '无法登录 (2)'],
    [208, 'login', 'en-US', 'Login is unavailable (208)'],
    [208, 'login', 'zh-CN', '无法登录 (208)'],
    [208, 'logout', 'en-US', 'Logout is unavailable (208)'],
    [208, 'logout', 'zh-CN', '无法注销 (208)'],
    [19, 'logout', 'en-US', 'Logout is unavailable (19)'],
    [201, 'login', 'en-US', 'Please try to login again (201)'],
    [201, 'login', 'zh-CN', '请尝试重新登录 (201)'],
    [202, 'login', 'en-US', 'Please try to login again (202)'],
    [215, 'login', 'zh-CN', '登录类型无效 (215)'],
    [216, 'login', 'en-US', 'DN has multiple users (216)'],
    [25, 'login', 'en-US', 'Multi-Login Not Allowed (25)'],
    [25, 'login', 'zh-CN', '不允许多点登录 (25)'],
    [45, 'login', 'zh-CN', '登录不成功 (45)'],
    [46, 'login', 'en-US', 'Login is unsuccessful (46)'],
    [47, 'login', 'zh-CN', '目录号码有多个用户 (47)'],
    [41, 'login', 'en-US', 'PIN change is required'],
    [41, 'login', 'zh-CN', '需要更改个人识别码'],
  ] as const)('code %i on a %s in %s reads "%s"', (code, action, locale, text) => {
    expect(errorDisplayText(code, action, locale)).toBe(text);
  });

  it('shows the internal codes as the guide says: 39 and 44 as 201, 40 as 23', () => {
    expect(errorDisplayText(39, 'login', 'en-US')).toBe('Please try to login again (201)');
    expect(errorDisplayText(44, 'login', 'zh-CN')).toBe('请尝试重新登录 (201)');
    expect(errorDisplayText(40, 'login', 'en-US')).toBe('Please try to login again (23)');
    expect(errorEntry(39).internal).toBe(true);
  });

  it('refuses a code the guide does not have', () => {
    expect(() => errorEntry(7)).toThrow(/not in the guide/);
  });
});
