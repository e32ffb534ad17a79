import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical-json.js';

/** The definition every audit hash rests on, written the plain way: keys sorted at every level, undefined dropped. */
function definition(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(definition).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${definition(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Objects with their keys re-inserted in sorted order, at every level: what the native fast path takes. */
function inKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inKeyOrder);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const record = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  // Defined, not assigned: a key "__proto__" stays a key, as fast-check made it, and sets no prototype.
  for (const key of Object.keys(record).sort()) Object.defineProperty(sorted, key, { value: inKeyOrder(record[key]), enumerable: true, writable: true, configurable: true });
  return sorted;
}

const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'grapheme' }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('any')),
    // Keys as they come (integer-like ones too: "9" and "10" are listed numerically, not as text).
    fc.dictionary(fc.oneof(fc.string(), fc.integer({ min: 0, max: 20 }).map(String)), tie('any')),
  ),
})).any;

describe('canonical JSON', () => {
  it('is the sorted-keys definition for any value, whatever order its keys were written in', () => {
    fc.assert(
      fc.property(value, (input) => {
        expect(canonicalJson(input)).toBe(definition(input));
        expect(canonicalJson(inKeyOrder(input))).toBe(definition(input));
      }),
      { numRuns: 2000 },
    );
    // A key "__proto__" (fast-check makes such objects) is a key like any other, on both paths.
    const own = (value: unknown) => Object.defineProperty({}, '__proto__', { value, enumerable: true, writable: true, configurable: true });
    expect(canonicalJson(own(new Date(0)))).toBe('{"__proto__":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalJson(inKeyOrder(own(new Date(0))))).toBe('{"__proto__":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalJson(own('x'))).toBe('{"__proto__":"x"}');
  });

  it('writes objects already in key order natively and the rest sorted, to the same text', () => {
    const details = { count: 2, fields: { 'Invoice.id': { count: 1, paths: ['a.b'] }, 'Invoice.number': { count: 1, paths: ['a.c'] } } };
    const shuffled = { fields: { 'Invoice.number': { paths: ['a.c'], count: 1 }, 'Invoice.id': { paths: ['a.b'], count: 1 } }, count: 2 };
    expect(canonicalJson(details)).toBe(JSON.stringify(details));
    expect(canonicalJson(shuffled)).toBe(JSON.stringify(details));
  });

  it('keeps what the native serialiser would write otherwise: integer-like keys sorted as text, dates, functions, toJSON, undefined', () => {
    expect(canonicalJson({ 9: 'a', 10: 'b' })).toBe('{"10":"b","9":"a"}');
    expect(canonicalJson({ at: new Date('2026-12-06T10:00:00.000Z') })).toBe('{"at":"2026-12-06T10:00:00.000Z"}');
    expect(canonicalJson({ a: () => 1, b: 1 })).toBe('{"a":null,"b":1}');
    expect(canonicalJson({ a: { toJSON: () => 'x', z: 1 } })).toBe('{"a":{"toJSON":null,"z":1}}');
    expect(canonicalJson(Object.assign([1, 2], { toJSON: () => 'x' }))).toBe('[1,2]');
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
  });
});
