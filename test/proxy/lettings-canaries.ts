import { buildSchema } from 'graphql';
import { typeDefs, type LettingsData } from '../../examples/proxy/upstream/server.mjs';
import { loadClassification } from '../../src/proxy/classification.js';
import { proxySchemaOf } from '../../src/proxy/proxy-schema.js';
import type { ArgumentValues } from '../support/application-schema.js';
import type { CanaryWorld } from '../support/canary-check.js';
import { LETTINGS_CLASSES } from '../support/proxy-world.js';
import { schemaCanaries, type CanaryPlan } from '../support/schema-canaries.js';

/**
 * The Lettings API behind Warden with one more organisation, holding a canary in every field a
 * session does not see in full: what the canary, oracle and audit suites of test/proxy run
 * against. The upstream keeps its own rows in memory, so the canaries are added there
 * (`startProxyWorld({ seed })`), not in Warden's database.
 */

const CANARY_ORGANISATION = 'org_canary';
/** The canary organisation's owner: the customer every session of these suites acts as. */
export const CANARY_OWNER = 'usr_canary_owner';
export const CANARY_OWNER_NAME = 'Casey Quill';

/**
 * One row per table of the upstream's data, each in the canary organisation: ids, foreign keys
 * and the columns no canary fills. The canaries fill every pii, sensitive and secret column
 * (see schema-canaries.ts); the owner sees the bank account, and their own API key.
 */
const CANARY_PLAN: CanaryPlan = {
  tables: [
    { type: 'Organisation', table: 'organisations', row: { id: CANARY_ORGANISATION, name: 'Canary Lettings', createdAt: '2024-02-01T09:00:00.000Z', sensitive: false, supportAccess: 'allow' } },
    { type: 'User', table: 'users', row: { id: CANARY_OWNER, organisationId: CANARY_ORGANISATION, name: CANARY_OWNER_NAME, role: 'owner', createdAt: '2024-02-01T09:00:00.000Z' } },
    { type: 'Tenant', table: 'tenants', row: { id: 'ten_canary_001', organisationId: CANARY_ORGANISATION, status: 'active', createdAt: '2024-02-02T09:00:00.000Z' } },
    {
      type: 'Lease',
      table: 'leases',
      row: { id: 'lse_canary_001', organisationId: CANARY_ORGANISATION, tenantId: 'ten_canary_001', startDate: '2024-03-01', endDate: null, monthlyRentPence: 90000, depositPence: 100000, status: 'active' },
    },
    {
      type: 'Payment',
      table: 'payments',
      row: {
        id: 'pay_canary_0001',
        organisationId: CANARY_ORGANISATION,
        leaseId: 'lse_canary_001',
        tenantId: 'ten_canary_001',
        amountPence: 90000,
        currency: 'GBP',
        status: 'paid',
        method: 'card',
        dueDate: '2024-03-01',
        paidAt: '2024-03-01T08:00:00.000Z',
        reference: 'RENT-CANARY-2024-03',
        refundedAt: null,
        refundReason: null,
        refundedBy: null,
        refundedByAgent: null,
      },
    },
    // No query reads an export back; the row is there so its classified field has a canary too.
    { type: 'TenantExport', table: 'exports', row: { id: 'exp_canary', organisationId: CANARY_ORGANISATION, format: 'CSV', rowCount: 1, createdAt: '2024-03-02T09:00:00.000Z', requestedBy: CANARY_OWNER, requestedByAgent: null } },
  ],
  // The upstream's resolvers read each field from the row property of the same name.
  columnOf: (field) => field.name,
};

/** Arguments are sent the canary organisation's ids, and "cnry", which every canary text contains. */
export const CANARY_ARGUMENTS: ArgumentValues = {
  idOf: (type) => {
    const id = CANARY_PLAN.tables.find((table) => table.type === type)?.row['id'];
    return typeof id === 'string' ? id : undefined;
  },
  // `tenant(id:)` and `node(id:)` are declared to read nothing: they are sent the canary tenant.
  anyId: 'ten_canary_001',
  text: 'cnry',
};

export interface LettingsCanaryWorld extends CanaryWorld {
  rows: ReturnType<typeof schemaCanaries>['rows'];
}

/**
 * The schema Warden serves in front of the Lettings API, built from the API's own SDL and the
 * example's classification without starting anything, with its canaries. A proxy world
 * introspects the same schema from the running API (the canary suite checks they agree).
 */
export function lettingsCanaryWorld(): LettingsCanaryWorld {
  const { schema, catalog } = proxySchemaOf({ upstream: buildSchema(typeDefs), executor: notServed, classification: loadClassification(LETTINGS_CLASSES) });
  const { canaries, rows } = schemaCanaries(schema, catalog, CANARY_PLAN);
  return { schema, catalog, canaries, neverShown: [], rows };
}

function notServed(): never {
  throw new Error('This schema only says what is served; a proxy world serves it.');
}

/** Adds the canary organisation's rows to the upstream's data: `startProxyWorld({ seed })`. */
export function seedCanaries(rows: LettingsCanaryWorld['rows']): (data: LettingsData) => void {
  return (data) => {
    // `data` keyed by table: the same arrays, so a push adds to the upstream's data.
    const tables: Record<string, unknown[]> = { ...data };
    for (const { table, row } of rows) {
      const into = tables[table];
      if (!into) throw new Error(`The Lettings data has no table ${table}`);
      into.push(row);
    }
  };
}
