import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical-json.js';
import type { FieldReadGroup } from '../../src/audit/field-read-recorder.js';
import { compactInListOrder, compactPaths, fieldReadsDetails, fieldReadsOf, inListOrder, isSharedReadsRow, sharesRow, shownReadsDetails } from '../../src/audit/shown-reads-row.js';
import { ocsfEventOf } from '../../src/audit/stream/ocsf-event.js';
import type { AuditEventRow } from '../../src/db/tables/audit-event.js';
import { auditEventRow } from './audit-event-row.js';

const group = (typeField: string, count: number, more: Partial<FieldReadGroup> = {}): FieldReadGroup => ({
  typeField,
  dataClass: 'public',
  decision: 'allowed',
  count,
  objectIds: [],
  subjectIds: [],
  truncated: null,
  paths: [`${typeField}-path`],
  ...more,
});

const row = (over: Partial<AuditEventRow>): AuditEventRow => auditEventRow({ chain_seq: '7', summary: 'Agent Sarah Lee read 2 public fields (shown)', prev_hash: 'a'.repeat(64), hash: 'b'.repeat(64), ...over });

describe("a request's shown public (or internal) reads in one row", () => {
  it('keeps each field with its count, objects, users, paths and arguments, and unites the users for the user filter', () => {
    expect([sharesRow({ dataClass: 'public', decision: 'allowed' }), sharesRow({ dataClass: 'internal', decision: 'allowed' })]).toEqual([true, true]);
    // Personal data, masks and denials keep a row per field and decision.
    expect([sharesRow({ dataClass: 'pii', decision: 'allowed' }), sharesRow({ dataClass: 'internal', decision: 'masked' }), sharesRow({ dataClass: 'public', decision: 'denied' }), sharesRow({ dataClass: null, decision: 'allowed' })]).toEqual([false, false, false, false]);
    const details = shownReadsDetails(
      [
        group('Query.directory', 1, { paths: ['directory'] }),
        group('User.id', 2, { objectIds: ['usr_jane', 'usr_tom'], subjectIds: ['usr_jane', 'usr_tom'], paths: ['a[0].id', 'a[1].id'] }),
        group('BillingContact.name', 1, { subjectIds: ['usr_lena'], paths: ['b.name'] }),
      ],
      (typeField) => (typeField === 'Query.directory' ? { directory: { search: 'Jane' } } : undefined),
    );
    expect(details).toEqual({
      fields: {
        'Query.directory': { count: 1, paths: ['directory'], arguments: { directory: { search: 'Jane' } } },
        'User.id': { count: 2, paths: ['a[0-1].id'], objectIds: ['usr_jane', 'usr_tom'], subjectIds: ['usr_jane', 'usr_tom'] },
        'BillingContact.name': { count: 1, paths: ['b.name'], subjectIds: ['usr_lena'] },
      },
      count: 4,
      subjectIds: ['usr_jane', 'usr_tom', 'usr_lena'],
    });
    // Built with its keys in canonical order at every level, so the writer serialises it natively.
    expect(JSON.stringify(details)).toBe(canonicalJson(details));
  });

  it("writes a field's own row and its shared entry with every key in canonical order, whatever the field holds", () => {
    const wide = group('User.email', 300, { dataClass: 'pii', decision: 'masked', subjectIds: ['usr_jane'], objectIds: ['usr_jane'], truncated: { objects: 300, subjects: 250 } });
    const plain = group('Invoice.number', 2);
    for (const [g, asked] of [[wide, { search: 'jane' }], [plain, undefined]] as const) {
      for (const own of [true, false]) {
        const details = fieldReadsDetails(g, asked, g.paths, own);
        expect(JSON.stringify(details)).toBe(canonicalJson(details));
      }
    }
    // A row of its own always says which objects it read, none included; a shared entry leaves an empty list out.
    expect(fieldReadsDetails(plain, undefined, plain.paths, true)).toEqual({ count: 2, objectIds: [], paths: ['Invoice.number-path'] });
    expect(fieldReadsDetails(plain, undefined, plain.paths, false)).toEqual({ count: 2, paths: ['Invoice.number-path'] });
  });

  it('says when it kept fewer users than it read: 200 kept, the distinct count with them', () => {
    const users = (from: number, n: number) => Array.from({ length: n }, (_, i) => `usr_${from + i}`);
    const details = shownReadsDetails([group('User.id', 150, { subjectIds: users(0, 150) }), group('User.role', 150, { subjectIds: users(100, 150) })], () => undefined);
    expect(details.subjectIds).toHaveLength(200);
    expect(details).toMatchObject({ truncated: true, distinctSubjectIds: 250 });
    // A field that read more than it kept says so itself, and the row counts at least as many.
    const wide = shownReadsDetails([group('User.id', 300, { subjectIds: users(0, 200), objectIds: users(0, 200), truncated: { objects: 300, subjects: 300 } })], () => undefined);
    expect(wide.fields['User.id']).toMatchObject({ truncated: true, distinctObjectIds: 300, distinctSubjectIds: 300 });
    expect(wide).toMatchObject({ truncated: true, distinctSubjectIds: 300 });
    expect(shownReadsDetails([group('User.id', 1, { subjectIds: ['usr_jane'] })], () => undefined)).not.toHaveProperty('truncated');
  });

  it('is read back a field at a time, and a row of the older shape as it is', () => {
    const shared = row({
      details: { fields: { 'Query.account': { count: 1, paths: ['account'] }, 'User.id': { count: 2, paths: ['account.users[0].id'], objectIds: ['usr_jane'], subjectIds: ['usr_jane'] } }, count: 3, subjectIds: ['usr_jane'] },
    });
    expect(isSharedReadsRow(shared)).toBe(true);
    const reads = fieldReadsOf(shared);
    expect(reads.map((read) => [read.type_field, read.path, read.details['count'], read.details['objectIds'], read.details['subjectIds']])).toEqual([
      ['Query.account', 'account', 1, [], undefined],
      ['User.id', 'account.users[0].id', 2, ['usr_jane'], ['usr_jane']],
    ]);
    expect(reads.every((read) => read.request_id === 'req-1' && read.decision === 'allowed' && read.data_class === 'public' && read.hash === shared.hash)).toBe(true);

    const older = row({ type_field: 'User.id', path: 'me.id', details: { count: 1, objectIds: ['usr_tom'], paths: ['me.id'] } });
    expect(isSharedReadsRow(older)).toBe(false);
    expect(fieldReadsOf(older)).toEqual([older]);
    // A refusal without a field is not a read of many.
    expect(isSharedReadsRow(row({ kind: 'access_denied', details: { fields: {} } }))).toBe(false);
  });

  it('names each field it read as a resource of its stream event', () => {
    const shared = row({ details: { fields: { 'Account.name': { count: 1, paths: ['account.name'] }, 'Invoice.number': { count: 20, paths: [] } }, count: 21 } });
    expect(ocsfEventOf('default', shared, null).resources).toEqual([
      { type: 'account', uid: 'acc_acme' },
      { type: 'user', uid: 'usr_tom' },
      { type: 'field', name: 'Account.name' },
      { type: 'field', name: 'Invoice.number' },
    ]);
  });
});

describe('example paths over a list, kept as ranges', () => {
  it('joins a run that counts up by one in one index, and keeps every other path as it is', () => {
    const users = Array.from({ length: 4 }, (_, i) => `account.users[${i}].id`);
    expect(compactPaths(users)).toEqual(['account.users[0-3].id']);
    expect(compactPaths(['account.id'])).toEqual(['account.id']);
    expect(compactPaths(['a[0].b[0].c', 'a[0].b[1].c', 'a[1].b[0].c', 'a[1].b[1].c'])).toEqual(['a[0].b[0-1].c', 'a[1].b[0-1].c']);
    // A gap, a step back, an alias or a second varying index starts a new run.
    expect(compactPaths(['l[0].x', 'l[1].x', 'l[3].x', 'l[2].x', 'l[3].y', 'm[4].x'])).toEqual(['l[0-1].x', 'l[3].x', 'l[2].x', 'l[3].y', 'm[4].x']);
    expect(compactPaths(['a[0].b[0]', 'a[1].b[1]'])).toEqual(['a[0].b[0]', 'a[1].b[1]']);
    expect(compactPaths([])).toEqual([]);
  });
});

describe('example paths on a shared row, in list order', () => {
  it('puts paths recorded as resolvers finished in the order the response lists them, then joins them', () => {
    const finished = ['account.users[0].settings.sms', 'account.users[2].settings.sms', 'account.users[1].settings.sms', 'account.users[3].settings.sms'];
    const details = shownReadsDetails([group('Settings.sms', 4, { dataClass: 'internal', paths: finished })], () => undefined);
    expect(details.fields['Settings.sms']?.paths).toEqual(['account.users[0-3].settings.sms']);
    // The same reads in any order make the same row.
    const reversed = shownReadsDetails([group('Settings.sms', 4, { dataClass: 'internal', paths: [...finished].reverse() })], () => undefined);
    expect(canonicalJson(reversed)).toBe(canonicalJson(details));
  });

  it('orders a list index by its number, and nested indexes level by level', () => {
    expect(inListOrder(['x[10].y', 'x[2].y', 'x[1].y'])).toEqual(['x[1].y', 'x[2].y', 'x[10].y']);
    expect(inListOrder(['a[1].b[0]', 'a[0].b[10]', 'a[0].b[9]', 'a[0]'])).toEqual(['a[0]', 'a[0].b[9]', 'a[0].b[10]', 'a[1].b[0]']);
    expect(inListOrder(['b.name', 'a[3].id', 'a.x'])).toEqual(['a.x', 'a[3].id', 'b.name']);
    // Already in order (a list's public reads always are): the very same array.
    const ordered = ['account.invoices[0].id', 'account.invoices[1].id', 'account.invoices[10].id'];
    expect(inListOrder(ordered)).toBe(ordered);
  });

  it('compacts in one pass what it would compact after putting the paths in list order, in any order they come', () => {
    // Runs in order that meet out of it: sorted first, then one range.
    expect(compactInListOrder(['x[2].y', 'x[3].y', 'x[0].y', 'x[1].y'])).toEqual(['x[0-3].y']);
    expect(compactInListOrder(['x[9]', 'x[10]', 'x[1]', 'x[2]'])).toEqual(['x[1-2]', 'x[9-10]']);
    // Seeded shuffles of paths across index widths, nesting, aliases and repeats.
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const pool = [
      ...Array.from({ length: 20 }, (_, i) => `account.invoices[${i}].number`),
      ...Array.from({ length: 6 }, (_, i) => `a[${Math.floor(i / 3)}].b[${(i % 3) * 4}].c`),
      'x[9].y', 'x[10].y', 'x[11].y', 'x[1]', 'x[11]', 'x[2]', 'same', 'same', 'account.name', 'a[01]b',
    ];
    for (let round = 0; round < 200; round += 1) {
      const paths = pool.filter(() => random() < 0.6).sort(() => random() - 0.5);
      expect(compactInListOrder(paths)).toEqual(compactPaths(inListOrder(paths)));
    }
    const ordered = inListOrder(pool);
    expect(compactInListOrder(ordered)).toEqual(compactPaths(ordered));
  });
});

describe('example paths as ranges, against the paths one by one', () => {
  /** The paths a range stands for, to check that nothing is lost or added. */
  const expand = (paths: readonly string[]) =>
    paths.flatMap((path) => {
      const range = /\[(\d+)-(\d+)\]/.exec(path);
      if (!range) return [path];
      const [whole, from, to] = range;
      return Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) => path.replace(whole, `[${Number(from) + i}]`));
    });

  it('gives back exactly the paths it was given, in their order, across index widths and nesting', () => {
    const cases = [
      Array.from({ length: 20 }, (_, i) => `account.invoices[${i}].number`),
      Array.from({ length: 20 }, (_, i) => `l[${i + 5}]`),
      Array.from({ length: 12 }, (_, i) => `a[${Math.floor(i / 4)}].b[${i % 4}].c`),
      ['x[9].y', 'x[10].y', 'x[11].y', 'x[19].y', 'x[20].y', 'x[29].y', 'x[30].y'],
      ['x[1]', 'x[11]', 'x[12]', 'x[1].y', 'x[2].y', 'x[2]', 'x[3]'],
      ['a[0]b', 'a[1]b', 'a[01]b', 'a[2]b'],
      ['same', 'same', 'a[0].b', 'a[0].b'],
    ];
    for (const paths of cases) expect(expand(compactPaths(paths))).toEqual(paths);
    expect(compactPaths(cases[0]!)).toEqual(['account.invoices[0-19].number']);
    expect(compactPaths(cases[3]!)).toEqual(['x[9-11].y', 'x[19-20].y', 'x[29-30].y']);
    expect(compactPaths(cases[4]!)).toEqual(['x[1]', 'x[11-12]', 'x[1-2].y', 'x[2-3]']);
  });
});
