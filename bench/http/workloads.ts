import type { Client, Request } from 'autocannon';
import { demoSubject } from '../../src/domain/demo-principals.js';
import { mintDevToken } from '../../src/auth/mint-token.js';
import { INVOICE_PAGE_MAX } from '../../src/domain/billing/billing.schema.js';
import type { WorkloadName } from '../options.js';
import { jsonHeaders, pick, postGraphQL, type GraphQLBody, type Operation } from './graphql-client.js';

/** Counts what went wrong during a block; the harness refuses a result with errors in it. */
export interface ResponseTally {
  errors: number;
  firstError: string | null;
}

/** What autocannon needs for one block: its requests, or a per-connection setup. */
export interface BlockPlan {
  connections: number;
  requests?: Request[];
  setupClient?: (client: Client) => void;
}

export interface Workload {
  name: string;
  /** For the report: what one request does. */
  title: string;
  /** Builds a block's requests (fresh tokens where a rule asks for a recent sign-in). */
  plan(tally: ResponseTally): Promise<BlockPlan>;
  /** One request outside the load: fails unless the answer is right for this mode (rows, masks). */
  verify(baseUrl: string, mode: string): Promise<void>;
  /** Puts things back after a block (sessions left open when the block stopped mid-pair). */
  afterBlock?(baseUrl: string): Promise<void>;
}

export interface WorkloadContext {
  jwtSecret: string;
  connections: number;
  /** Invoices Acme holds in all (demo plus bench): what the list should return. */
  acmeInvoices: number;
  openInvoiceIds: readonly string[];
  /** The read-only session the list and nested workloads run under (null when neither runs). */
  session: ImpersonationHandle | null;
}

/** A running session as an agent on a customer: both credentials the requests send. */
export interface ImpersonationHandle {
  agentToken: string;
  impersonationToken: string;
  sessionId: string;
}

/** The owner of Acme: reads her own user and may change tax rates. */
export const CUSTOMER = 'usr_jane';
/** A member of an ordinary account: read-only sessions on him start without approval. */
export const IMPERSONATED_USER = 'usr_tom';
/** Holds the session the read workloads use; the session workload starts with all three. */
export const READ_SESSION_AGENT = 'stf_nadia';
const SESSION_AGENTS = ['stf_sarah', 'stf_leo', 'stf_nadia'] as const;
const START_INPUT: StartSessionInput = {
  userId: IMPERSONATED_USER,
  reason: 'Customer reports invoice ACME-2026-012 shows 20% tax instead of 10% since the rate change',
  ticket: 'SUP-1234',
};

const USER_QUERY = `query BenchUser {
  me { id accountId name email phone role birthDate nationalId hasPassword mfaRecoveryCodesRemaining createdAt }
}`;
const LIST_QUERY = `query BenchInvoiceList($first: Int!) {
  account {
    id name
    users { id name email }
    paymentMethods { id brand cardNumber billingAddress }
    invoices(first: $first) { id number amountCents currency taxRate status issuedOn createdAt }
  }
}`;
const NESTED_QUERY = `query BenchNested {
  account {
    id name plan region
    users {
      id name email phone role
      notificationSettings { invoiceEmails securityAlerts productUpdates smsAlerts updatedAt }
    }
    paymentMethods { id brand cardNumber billingAddress expMonth expYear isDefault }
    invoices(first: 20) { id number amountCents currency taxRate status issuedOn }
  }
}`;
const SET_TAX_RATE = `mutation BenchSetTaxRate($input: SetInvoiceTaxRateInput!) {
  setInvoiceTaxRate(input: $input) { id number taxRate status }
}`;
const START_SESSION = `mutation BenchStartSession($input: StartImpersonationInput!) {
  startImpersonation(input: $input) { session { id status expiresAt } token approvalRequest { id status } }
}`;
const END_SESSION = `mutation BenchEndSession($id: ID!) { endImpersonation(sessionId: $id) { id status } }`;
const MY_SESSION = `query BenchMySession { myImpersonationSession { id status } }`;

/** The read documents, for the in-process shield comparison. */
export const READ_QUERIES = { user: USER_QUERY, list: LIST_QUERY, nested: NESTED_QUERY } as const;

/** The agent whose sessions the in-process piece starts and ends (not the read session's). */
export const IN_PROCESS_SESSION_AGENT = 'stf_sarah';

/**
 * The session workload's pair, one request at a time: a start, then the end of the session it
 * started. `answered` keeps the id from a start's answer; an end's answer clears it.
 */
export function startThenEndOperations(): { next(): Operation; answered(body: GraphQLBody): void } {
  let open: string | null = null;
  return {
    next: () => (open === null ? { query: START_SESSION, variables: { input: START_INPUT } } : { query: END_SESSION, variables: { id: open } }),
    answered(body) {
      const id = pick(body.data, 'startImpersonation', 'session', 'id');
      open = typeof id === 'string' ? id : null;
    },
  };
}

export async function tokenFor(secret: string, who: string): Promise<string> {
  const subject = demoSubject(who);
  if (!subject) throw new Error(`no demo principal ${who}`);
  // A fresh auth_time each time: starting a session needs a recent sign-in.
  return mintDevToken(secret, subject, { expiresInSeconds: 3600 });
}

/** What an agent gives to start a session: whom, why, and the ticket. */
export interface StartSessionInput {
  userId: string;
  reason: string;
  ticket: string;
}

/** Starts a read-only session through the API, as an agent would (the demo agent on Tom Baker unless told otherwise). */
export async function startImpersonation(baseUrl: string, agentToken: string, input: StartSessionInput = START_INPUT): Promise<ImpersonationHandle> {
  const body = await postGraphQL(baseUrl, { query: START_SESSION, variables: { input: { ...input, minutes: 60 } } }, jsonHeaders(agentToken));
  const token = pick(body.data, 'startImpersonation', 'token');
  const sessionId = pick(body.data, 'startImpersonation', 'session', 'id');
  if (typeof token !== 'string' || typeof sessionId !== 'string') throw new Error(`startImpersonation gave no token: ${JSON.stringify(body)}`);
  return { agentToken, impersonationToken: token, sessionId };
}

/**
 * Ends whatever session these agents have open. A block stops its load mid-pair, and a start
 * still running on the server can commit after a first look: so look until a pass finds none.
 */
export async function endOpenSessions(baseUrl: string, secret: string, agents: readonly string[]): Promise<void> {
  const headers = await Promise.all(agents.map(async (agent) => jsonHeaders(await tokenFor(secret, agent))));
  for (let pass = 0; pass < 20; pass++) {
    let found = 0;
    for (const agentHeaders of headers) {
      const open = pick((await postGraphQL(baseUrl, { query: MY_SESSION }, agentHeaders)).data, 'myImpersonationSession', 'id');
      if (typeof open !== 'string') continue;
      found += 1;
      await postGraphQL(baseUrl, { query: END_SESSION, variables: { id: open } }, agentHeaders);
    }
    if (found === 0 && pass > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`sessions of ${agents.join(', ')} kept reopening after the load stopped`);
}

export function createWorkloads(context: WorkloadContext): Record<WorkloadName, Workload> {
  const { jwtSecret, connections, session } = context;
  const listFirst = Math.min(INVOICE_PAGE_MAX, context.acmeInvoices);
  const sessionHeaders = session ? jsonHeaders(session.agentToken, session.impersonationToken) : null;
  const inSession = () => {
    if (!sessionHeaders) throw new Error('the list and nested workloads need the read session; start it first');
    return sessionHeaders;
  };

  return {
    user: {
      name: 'user',
      title: 'a customer reads their own user: `me`, 11 fields',
      async plan(tally) {
        const headers = jsonHeaders(await tokenFor(jwtSecret, CUSTOMER));
        return { connections, requests: [post({ query: USER_QUERY }, headers, tally)] };
      },
      async verify(baseUrl) {
        const body = await postGraphQL(baseUrl, { query: USER_QUERY }, jsonHeaders(await tokenFor(jwtSecret, CUSTOMER)));
        expect(pick(body.data, 'me', 'id') === CUSTOMER, 'me is the customer', body);
      },
    },
    list: {
      name: 'list',
      title: `an agent in a read-only session lists ${listFirst} invoices × 8 fields, plus the account's users (masked emails) and cards (masked numbers, redacted addresses)`,
      async plan(tally) {
        return { connections, requests: [post({ query: LIST_QUERY, variables: { first: listFirst } }, inSession(), tally)] };
      },
      async verify(baseUrl, mode) {
        const body = await postGraphQL(baseUrl, { query: LIST_QUERY, variables: { first: listFirst } }, inSession());
        const invoices = pick(body.data, 'account', 'invoices');
        expect(Array.isArray(invoices) && invoices.length === listFirst, `${listFirst} invoices`, body);
        expectMasks(body, mode);
      },
    },
    nested: {
      name: 'nested',
      title: 'an agent in a read-only session reads account → users → notification settings, payment methods, 20 invoices',
      async plan(tally) {
        return { connections, requests: [post({ query: NESTED_QUERY }, inSession(), tally)] };
      },
      async verify(baseUrl, mode) {
        const body = await postGraphQL(baseUrl, { query: NESTED_QUERY }, inSession());
        expect(pick(body.data, 'account', 'users', 0, 'notificationSettings') !== undefined, 'users with notification settings', body);
        expectMasks(body, mode);
      },
    },
    mutation: {
      name: 'mutation',
      title: 'a customer (the owner) changes the tax rate of one of the open invoices, alternating 20% and 10%',
      async plan(tally) {
        const headers = jsonHeaders(await tokenFor(jwtSecret, CUSTOMER));
        let n = 0;
        const request = post({ query: SET_TAX_RATE }, headers, tally);
        // Spread over the open invoices so connections do not queue on one row's lock.
        request.setupRequest = (req) => {
          const invoiceId = context.openInvoiceIds[n % context.openInvoiceIds.length];
          const taxRate = Math.floor(n / context.openInvoiceIds.length) % 2 === 0 ? 10 : 20;
          n += 1;
          return { ...req, body: JSON.stringify({ query: SET_TAX_RATE, variables: { input: { invoiceId, taxRate } } }) };
        };
        return { connections, requests: [request] };
      },
      async verify(baseUrl) {
        const invoiceId = context.openInvoiceIds[0];
        const body = await postGraphQL(baseUrl, { query: SET_TAX_RATE, variables: { input: { invoiceId, taxRate: 20 } } }, jsonHeaders(await tokenFor(jwtSecret, CUSTOMER)));
        expect(pick(body.data, 'setInvoiceTaxRate', 'taxRate') === 20, 'the tax rate changed', body);
      },
    },
    session: {
      name: 'session',
      title: `an agent starts a read-only session as ${IMPERSONATED_USER}, then ends it (one request each; ${SESSION_AGENTS.length} agents, one connection each, since an agent holds one session at a time)`,
      async plan(tally) {
        const tokens = await Promise.all(SESSION_AGENTS.map((agent) => tokenFor(jwtSecret, agent)));
        let next = 0;
        return {
          connections: SESSION_AGENTS.length,
          setupClient: (client) => {
            const token = tokens[next++ % tokens.length] ?? '';
            client.setRequests(startThenEnd(jsonHeaders(token), tally));
          },
        };
      },
      async verify(baseUrl) {
        const agent = SESSION_AGENTS[0];
        const headers = jsonHeaders(await tokenFor(jwtSecret, agent));
        const started = await postGraphQL(baseUrl, { query: START_SESSION, variables: { input: START_INPUT } }, headers);
        const id = pick(started.data, 'startImpersonation', 'session', 'id');
        expect(typeof pick(started.data, 'startImpersonation', 'token') === 'string', 'a session token', started);
        const ended = await postGraphQL(baseUrl, { query: END_SESSION, variables: { id } }, headers);
        expect(pick(ended.data, 'endImpersonation', 'status') === 'ended', 'the session ended', ended);
      },
      afterBlock: (baseUrl) => endOpenSessions(baseUrl, jwtSecret, SESSION_AGENTS),
    },
  };
}

export { SESSION_AGENTS };

/** A POST whose answer is checked cheaply: a status other than 200 or an `errors` key counts. */
export function post(operation: Operation, headers: Record<string, string>, tally: ResponseTally): Request {
  return {
    method: 'POST',
    path: '/graphql',
    headers,
    body: JSON.stringify(operation),
    onResponse: (status, body) => countError(tally, status, body),
  };
}

/** Each connection's loop: start a session (keeping its id for this loop), then end that session. */
function startThenEnd(headers: Record<string, string>, tally: ResponseTally): Request[] {
  // autocannon gives each connection a fresh context object per loop: key the id by it.
  const sessionOf = new WeakMap<object, string>();
  return [
    {
      method: 'POST',
      path: '/graphql',
      headers,
      body: JSON.stringify({ query: START_SESSION, variables: { input: START_INPUT } }),
      onResponse: (status, body, context) => {
        if (countError(tally, status, body)) return;
        const id = pick((JSON.parse(body) as GraphQLBody).data, 'startImpersonation', 'session', 'id');
        if (typeof id === 'string') sessionOf.set(context, id);
      },
    },
    {
      method: 'POST',
      path: '/graphql',
      headers,
      // Without an id (the start failed, already counted) the end fails too: the block is void.
      setupRequest: (req, context) => ({ ...req, body: JSON.stringify({ query: END_SESSION, variables: { id: sessionOf.get(context) ?? 'ses_none' } }) }),
      onResponse: (status, body) => {
        countError(tally, status, body);
      },
    },
  ];
}

function countError(tally: ResponseTally, status: number, body: string): boolean {
  if (status === 200 && !body.includes('"errors"')) return false;
  tally.errors += 1;
  tally.firstError ??= `${status} ${body.slice(0, 300)}`;
  return true;
}

export function expect(condition: boolean, what: string, body: GraphQLBody): void {
  if (!condition) throw new Error(`expected ${what}; got ${JSON.stringify(body).slice(0, 500)}`);
}

/** Masked under the policy (emails and card numbers), in the clear in the baseline's control run. */
function expectMasks(body: GraphQLBody, mode: string): void {
  const email = pick(body.data, 'account', 'users', 0, 'email');
  const card = pick(body.data, 'account', 'paymentMethods', 0, 'cardNumber');
  const masked = typeof email === 'string' && email.includes('•') && typeof card === 'string' && card.includes('•');
  const clear = typeof email === 'string' && !email.includes('•') && typeof card === 'string' && !card.includes('•');
  expect(mode === 'baseline' ? clear : masked, mode === 'baseline' ? 'values in the clear (no policy)' : 'masked emails and card numbers', body);
  expect(pick(body.extensions, 'impersonation', 'sessionId') !== undefined, 'the impersonation banner', body);
}
