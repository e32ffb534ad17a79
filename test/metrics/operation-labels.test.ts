import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedOperationLabels } from '../../src/metrics/operation-labels.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { scrape } from './scrape.js';

describe('operation names as labels', () => {
  it('keeps the first names seen, up to the bound, and counts the rest as other', () => {
    const label = boundedOperationLabels(2);
    expect([label('Invoices'), label('Me'), label('Invoices'), label('Third'), label('Me')]).toEqual(['Invoices', 'Me', 'Invoices', 'other', 'Me']);
  });

  it('names an operation without a name anonymous, and never keeps a long name or one Warden labels with itself', () => {
    const label = boundedOperationLabels(100);
    expect(label(undefined)).toBe('anonymous');
    expect(label('x'.repeat(65))).toBe('other');
    expect(label('x'.repeat(64))).toBe('x'.repeat(64));
    for (const reserved of ['anonymous', 'other', 'none']) expect(label(reserved)).toBe('other');
  });
});

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t?.close());

describe('a flood of operation names', () => {
  it('grows the label set no further than the bound, however many names callers send', async () => {
    const token = await t.tokenFor('customer');
    const send = (name: string) =>
      t.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `query ${name} { me { id } }` }),
      });
    // A stranger's names are never kept: its requests do not run.
    for (let i = 0; i < 20; i++) {
      const response = await t.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `query Stranger${i} { me { id } }` }) });
      expect(response.status).toBe(401);
    }
    for (let i = 0; i < 130; i++) expect((await send(`Flood${i}`)).status).toBe(200);

    const { series, text } = await scrape(t);
    const operations = new Set(series('warden_graphql_requests_total').map((sample) => sample.labels['operation']));
    expect(operations.size).toBe(100 + 2);
    expect(operations.has('none')).toBe(true);
    expect(operations.has('other')).toBe(true);
    expect(operations.has('Flood99')).toBe(true);
    expect(operations.has('Flood100')).toBe(false);
    expect(text).not.toContain('Stranger');
    const other = series('warden_graphql_requests_total').find((sample) => sample.labels['operation'] === 'other');
    expect(other?.value).toBe(30);
    // The histogram shares the bound: its series are the same names, times the buckets.
    const timed = new Set(series('warden_graphql_request_duration_seconds_count').map((sample) => sample.labels['operation']));
    expect(timed).toEqual(operations);
  });
});
