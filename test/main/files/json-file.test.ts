import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_PROBLEMS, parseJsonFile, readJson } from '../../../main/files/json-file';
import { LAB_FILE_MAX_BYTES } from '../../../shared/lab-file';

const Thing = z.object({
  name: z.string().min(1).max(10),
  count: z.number().int().max(100, 'count: a hundred at most'),
  tags: z.array(z.string()).max(3),
  inner: z.object({ on: z.boolean() }).strict(),
}).strict();
const ok = { name: 'a', count: 1, tags: [], inner: { on: true } };

function refusal(text: string, schema: z.ZodType = Thing) {
  const r = parseJsonFile(text, schema);
  if (r.ok) throw new Error(`expected a refusal of ${text.slice(0, 80)}`);
  return r.errors;
}

describe('reading an untrusted JSON file', () => {
  it('reads a valid file, with a leading byte order mark', () => {
    expect(parseJsonFile(`\uFEFF${JSON.stringify(ok)}`, Thing)).toEqual({ ok: true, value: ok });
  });

  it('refuses an empty file, or one of blanks only, as empty', () => {
    expect(refusal('')).toEqual([{ field: '', message: 'the file is empty' }]);
    expect(refusal(' \n\t ')).toEqual([{ field: '', message: 'the file is empty' }]);
  });

  it('names the line and column of an unexpected token (V8 gives no position for it)', () => {
    const text = '{\n  "name": "a",\n  "count": x1\n}';
    expect(refusal(text)).toEqual([{ field: '', message: "not valid JSON at line 3, column 12: Unexpected token 'x'" }]);
  });

  it('names the line and column of an error V8 gives a position for', () => {
    expect(refusal('{\n "name": "a"\n "count": 1}')[0]!.message).toBe("not valid JSON at line 3, column 2: Expected ',' or '}' after property value");
  });

  it('says a truncated file ends before its JSON is complete, at its last line', () => {
    const text = JSON.stringify(ok, null, 2);
    const cut = text.slice(0, text.indexOf('"tags"') + 3);
    const lines = cut.split('\n');
    expect(refusal(cut)[0]!.message).toBe(`the file ends before its JSON is complete (line ${lines.length}, column ${lines.at(-1)!.length + 1}): it may be cut short`);
  });

  it('refuses a text larger than the limit before parsing it, counting bytes not characters', () => {
    expect(refusal(' '.repeat(LAB_FILE_MAX_BYTES + 1))).toEqual([{ field: '', message: 'the file is larger than 32 MiB' }]);
    // Two bytes a character in UTF-8: fewer characters than the limit, more bytes.
    const wide = `"${'é'.repeat(LAB_FILE_MAX_BYTES / 2)}"`;
    expect(wide.length).toBeLessThan(LAB_FILE_MAX_BYTES);
    expect(refusal(wide)[0]!.message).toBe('the file is larger than 32 MiB');
  });

  it('refuses 100,000 nested arrays or objects by their depth, before JSON.parse builds them', () => {
    expect(refusal('['.repeat(100_000) + ']'.repeat(100_000))).toEqual([{ field: '', message: 'the file nests deeper than 32 levels (line 1, column 33)' }]);
    expect(refusal('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000))[0]!.message).toContain('nests deeper than 32 levels');
    // Unbalanced: never closed, still refused by depth rather than crashing.
    expect(refusal('['.repeat(1_000_000))[0]!.message).toContain('nests deeper than 32 levels');
  });

  it('does not count brackets inside strings, escaped quotes included, as nesting', () => {
    const name = `\\"${'['.repeat(40)}`;
    const r = readJson(`{"name": "${name}", "deep": [[[1]]]}`);
    expect(r).toEqual({ ok: true, value: { name: `"${'['.repeat(40)}`, deep: [[[1]]] } });
  });

  it('names a field of the wrong type by its path: text where a number goes, a list where an object goes', () => {
    expect(refusal(JSON.stringify({ ...ok, count: '5' }))).toEqual([{ field: 'count', message: 'must be a number, not text' }]);
    expect(refusal(JSON.stringify({ ...ok, inner: [] }))).toEqual([{ field: 'inner', message: 'must be an object, not a list' }]);
    expect(refusal(JSON.stringify({ ...ok, tags: ['a', 7] }))).toEqual([{ field: 'tags.1', message: 'must be text, not a whole number' }]);
  });

  it('names a missing field, limits, and keeps a schema\'s own message', () => {
    const { name: _, ...noName } = ok;
    expect(refusal(JSON.stringify({ ...noName, count: 500, tags: ['a', 'b', 'c', 'd'] }))).toEqual([
      { field: 'name', message: 'is missing' },
      { field: 'count', message: 'count: a hundred at most' },
      { field: 'tags', message: 'must have at most 3 entries' },
    ]);
  });

  it('refuses a file that is not a JSON object where the schema wants one', () => {
    expect(refusal('[1, 2, 3]')).toEqual([{ field: '', message: 'the file must hold an object, not a list' }]);
    expect(refusal('"text"')).toEqual([{ field: '', message: 'the file must hold an object, not text' }]);
  });

  it('names each unknown key, at any depth', () => {
    const errors = refusal(JSON.stringify({ ...ok, colour: 'red', inner: { on: true, off: false } }));
    expect(errors).toHaveLength(2);
    expect(errors).toEqual(expect.arrayContaining([
      { field: 'colour', message: 'is not a field of this file (unknown key)' },
      { field: 'inner.off', message: 'is not a field of this file (unknown key)' },
    ]));
  });

  it('refuses a __proto__ key, written plainly or escaped, and no object gains a prototype from it', () => {
    const plain = `{"name": "a", "count": 1, "tags": [], "inner": {"on": true, "__proto__": {"polluted": true}}}`;
    expect(refusal(plain)).toEqual([{ field: 'inner.__proto__', message: 'a key named "__proto__" is not allowed' }]);
    const escaped = `{"\\u005f_proto__": {"polluted": true}}`;
    expect(refusal(escaped, z.record(z.string(), z.unknown()))).toEqual([{ field: '__proto__', message: 'a key named "__proto__" is not allowed' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('names the problems of the union alternative the value came closest to', () => {
    const Lab = z.object({ lab: z.union([z.enum(['demo', 'empty']), z.object({ file: z.string() }).strict(), z.object({ format: z.literal('x'), n: z.number() }).strict()]) });
    expect(refusal(JSON.stringify({ lab: { format: 'x', n: 'one' } }), Lab)).toEqual([{ field: 'lab.n', message: 'must be a number, not text' }]);
    expect(refusal(JSON.stringify({ lab: 7 }), Lab)).toEqual([{ field: 'lab', message: 'matches none of the forms this field takes' }]);
  });

  it(`sums up problems beyond the first ${MAX_PROBLEMS}`, () => {
    const errors = refusal(JSON.stringify(Array.from({ length: 80 }, () => 'x')), z.array(z.number()));
    expect(errors).toHaveLength(MAX_PROBLEMS + 1);
    expect(errors.at(-1)).toEqual({ field: '', message: 'and 30 more problems' });
  });
});
