import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../../../shared/admin/fields';
import { errorsOf, mergeFlags, mergeFresh, toDraft } from '../../../renderer/src/store/admin-draft';

const FIELDS: FieldDef[] = [
  { key: 'name', label: 'Name', type: 'text', required: true },
  { key: 'enabled', label: 'Enabled', type: 'boolean' },
  { key: 'lines', label: 'Lines', type: 'lines' },
  { key: 'remote', label: 'Remote', type: 'boolean', readOnly: true },
];

describe('toDraft', () => {
  it('keeps only the form fields and fills the missing ones with their defaults', () => {
    expect(toDraft(FIELDS, { name: 'a', extra: 1 })).toEqual({ name: 'a', enabled: false, lines: [], remote: false });
  });
});

describe('mergeFresh', () => {
  it('takes fresh values for read-only and untouched fields, keeps the user edits', () => {
    const saved = { name: 'a', enabled: false, lines: [{ dn: '1', label: '' }], remote: false };
    const draft = { ...saved, name: 'edited' };
    const fresh = { name: 'b', enabled: true, lines: [{ dn: '1', label: '' }], remote: true };
    expect(mergeFresh(FIELDS, saved, draft, fresh)).toEqual({ name: 'edited', enabled: true, lines: [{ dn: '1', label: '' }], remote: true });
  });
});

describe('mergeFlags', () => {
  it('keeps a flag the user changed and takes the others from the fresh copy', () => {
    expect(mergeFlags({ a: false, b: false }, { a: true, b: false }, { a: false, b: true })).toEqual({ a: true, b: true });
  });
});

describe('errorsOf', () => {
  it('picks the errors of one field', () => {
    expect(errorsOf([{ field: 'a', message: 'x' }, { field: 'b', message: 'y' }], 'b')).toEqual([{ field: 'b', message: 'y' }]);
  });
});
