import { mintDevToken, type DevTokenSubject } from '../../src/auth/mint-token.js';
import { DEVELOPMENT_STAFF } from '../../src/proxy/development-staff.js';
import type { UpstreamSigner } from '../../src/proxy/upstream-token.js';
import { jsonHeaders, pick, postGraphQL } from '../http/graphql-client.js';
import { expect, post, type ImpersonationHandle, type StartSessionInput, type Workload } from '../http/workloads.js';

/**
 * A member of Harbour Lettings (1,040 rent payments): the customer who reads her payments, and
 * the one the agent's read-only session is on (a member: no approval needed), so every
 * contender reads the same 1,000 rows.
 */
export const PROXY_CUSTOMER: DevTokenSubject = { sub: 'usr_jess', kind: 'customer', name: 'Jess Lin' };
const [firstAgent] = DEVELOPMENT_STAFF;
/** The agent holding the session: the proxy's first development agent. */
export const PROXY_AGENT: DevTokenSubject = { sub: firstAgent.id, kind: 'staff', name: firstAgent.name, roles: firstAgent.roles };
export const PROXY_SESSION_INPUT: StartSessionInput = {
  userId: PROXY_CUSTOMER.sub,
  reason: 'Customer reports rent payments shown as failed although the direct debits went through',
  ticket: 'SUP-2048',
};

/** Rows the list returns: the most the upstream gives in one page. */
const PAYMENT_ROWS = 1000;
/**
 * Seven fields a payment, as the issue names them. The classification has no mask or denial on
 * `Payment` (two public fields, five internal), so the session sees them all and records them.
 */
const PAYMENTS = `query BenchPayments { payments(first: ${PAYMENT_ROWS}) { id amountPence currency status dueDate method reference } }`;

/** The block's name in logs and profile files: what its requests read. */
export const PROXY_WORKLOAD = 'payments';
export const PROXY_TITLE = `${PAYMENT_ROWS.toLocaleString('en')} rent payments × 7 fields (\`payments(first: ${PAYMENT_ROWS})\`), the upstream alone and Warden in front of it`;

/** What the contenders share: the load's connections, and the upstream's answer, once the baseline has checked it. */
export interface ProxyLoad {
  connections: number;
  expected: { data: string | null };
}

/** Warden's own token (the identity provider's, in production) for the proxy's callers. */
export function wardenToken(secret: string, subject: DevTokenSubject): Promise<string> {
  return mintDevToken(secret, subject, { expiresInSeconds: 3600 });
}

/**
 * The baseline: the customer's client calling the upstream directly, with a token as Warden
 * signs them (same key, issuer, audience and claims; made once a block, where Warden makes
 * one for each call). Its answer is what every contender must return unchanged.
 */
export function upstreamAlone(load: ProxyLoad, signer: UpstreamSigner): Workload {
  const headers = async () => ({ 'content-type': 'application/json', authorization: `Bearer ${await signer.forCustomer({ customerId: PROXY_CUSTOMER.sub })}` });
  return {
    name: PROXY_WORKLOAD,
    title: PROXY_TITLE,
    async plan(tally) {
      return { connections: load.connections, requests: [post({ query: PAYMENTS }, await headers(), tally)] };
    },
    async verify(baseUrl) {
      const body = await postGraphQL(baseUrl, { query: PAYMENTS }, await headers());
      const payments = pick(body.data, 'payments');
      expect(Array.isArray(payments) && payments.length === PAYMENT_ROWS, `${PAYMENT_ROWS} payments from the upstream`, body);
      load.expected.data = JSON.stringify(body.data);
    },
  };
}

/** The customer through Warden: her own reads are not recorded (WARDEN_AUDIT_CUSTOMER_READS is off). */
export function customerThroughWarden(load: ProxyLoad, customerToken: string): Workload {
  const headers = jsonHeaders(customerToken);
  return {
    name: PROXY_WORKLOAD,
    title: PROXY_TITLE,
    async plan(tally) {
      return { connections: load.connections, requests: [post({ query: PAYMENTS }, headers, tally)] };
    },
    async verify(baseUrl) {
      const body = await postGraphQL(baseUrl, { query: PAYMENTS }, headers);
      expect(load.expected.data !== null && JSON.stringify(body.data) === load.expected.data, "the upstream's answer, unchanged", body);
      expect(pick(body.extensions, 'impersonation') === undefined, 'no impersonation banner', body);
    },
  };
}

/**
 * The agent in the read-only session through Warden: the same rows (nothing on `Payment` is
 * masked), the banner, and audit rows written before the answer; none when the trail is off.
 */
export function sessionThroughWarden(load: ProxyLoad, session: ImpersonationHandle, audit: { on: boolean; rows: () => Promise<number> }): Workload {
  const headers = jsonHeaders(session.agentToken, session.impersonationToken);
  return {
    name: PROXY_WORKLOAD,
    title: PROXY_TITLE,
    async plan(tally) {
      return { connections: load.connections, requests: [post({ query: PAYMENTS }, headers, tally)] };
    },
    async verify(baseUrl) {
      const before = await audit.rows();
      const body = await postGraphQL(baseUrl, { query: PAYMENTS }, headers);
      const written = (await audit.rows()) - before;
      expect(load.expected.data !== null && JSON.stringify(body.data) === load.expected.data, "the upstream's answer, unchanged", body);
      expect(pick(body.extensions, 'impersonation', 'sessionId') === session.sessionId, 'the impersonation banner', body);
      expect(audit.on ? written > 0 : written === 0, audit.on ? 'audit rows for the reads' : `no audit rows with the trail off (${written} written)`, body);
    },
  };
}

