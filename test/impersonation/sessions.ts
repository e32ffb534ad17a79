import { expect, vi } from 'vitest';
import { sql } from 'kysely';
import { loadBaselinePolicy } from '../../src/policy/baseline.js';
import type { PolicyDocument } from '../../src/policy/policy-document.js';
import { graphql } from '../gql/index.js';
import type { GraphQLResponse, TestGateway } from '../support/gateway.js';

/** Ends every session still open, as its agent, so each test can start its own. */
export { endOpenSessions } from '../audit/audit-support.js';

/**
 * Shared documents and steps for the impersonation tests: start, approve, claim and end real
 * sessions against a gateway started with `realSessions: true`.
 */

export const IMPERSONATION_HEADER = 'x-impersonation-token';

/** The headers an impersonating agent adds to its own bearer token. */
export const withSession = (token: string): Record<string, string> => ({ [IMPERSONATION_HEADER]: token });

export const GOOD_REASON = 'Customer reports invoices showing 20% tax instead of 10% since the January rate change';
export const TICKET = 'SUP-1234';

export const ImpStart = graphql(`
  mutation ImpStart($input: StartImpersonationInput!) {
    startImpersonation(input: $input) {
      session {
        id
        status
        mode
        minutes
        expiresAt
      }
      token
      approvalRequest {
        id
        status
        kind
      }
    }
  }
`);

export const ImpClaim = graphql(`
  mutation ImpClaim($sessionId: ID!) {
    claimImpersonation(sessionId: $sessionId) {
      session {
        id
        status
        expiresAt
      }
      token
    }
  }
`);

export const ImpEnd = graphql(`
  mutation ImpEnd($sessionId: ID!) {
    endImpersonation(sessionId: $sessionId) {
      id
      status
      endReason
    }
  }
`);

export const ImpMine = graphql(`
  query ImpMine {
    myImpersonationSession {
      id
      status
    }
  }
`);

export const ImpRevoke = graphql(`
  mutation ImpRevoke($sessionId: ID!, $reason: String!) {
    revokeImpersonation(sessionId: $sessionId, reason: $reason) {
      id
      status
      endReason
    }
  }
`);

export const ImpApprove = graphql(`
  mutation ImpApprove($id: ID!, $note: String) {
    approveRequest(id: $id, note: $note) {
      id
      status
      decidedBy
      grantExpiresAt
    }
  }
`);

export const ImpDeny = graphql(`
  mutation ImpDeny($id: ID!, $reason: String!) {
    denyRequest(id: $id, reason: $reason) {
      id
      status
      decidedBy
      decisionNote
    }
  }
`);

export const ImpPending = graphql(`
  query ImpPending {
    pendingApprovals {
      id
      kind
      status
      requesterId
      targetUserId
      sessionId
      summary
    }
  }
`);

export const ImpMe = graphql(`
  query ImpMe {
    me {
      id
      name
      email
    }
  }
`);

export const ImpMeBirthDate = graphql(`
  query ImpMeBirthDate {
    me {
      id
      birthDate
    }
  }
`);

export const ImpSetTaxRate = graphql(`
  mutation ImpSetTaxRate($input: SetInvoiceTaxRateInput!) {
    setInvoiceTaxRate(input: $input) {
      id
      taxRate
    }
  }
`);

/** An agent lends their live session to an AI assistant (docs/ai-assistants.md). */
export const ImpDelegate = graphql(`
  mutation ImpDelegate($sessionId: ID!, $assistantId: ID!, $minutes: Int) {
    delegateSession(sessionId: $sessionId, assistantId: $assistantId, minutes: $minutes) {
      delegation {
        id
        sessionId
        assistantId
        expiresAt
      }
      token
    }
  }
`);

export const ImpRefund = graphql(`
  mutation ImpRefund($invoiceId: ID!) {
    refundInvoice(invoiceId: $invoiceId) {
      id
      status
    }
  }
`);

export const REFUND_DOCUMENT = `mutation ImpRefund($invoiceId: ID!) { refundInvoice(invoiceId: $invoiceId) { id status } }`;

export const ImpExport = graphql(`
  mutation ImpExport {
    exportInvoices
  }
`);

export const ImpUpdateNotifications = graphql(`
  mutation ImpUpdateNotifications($input: NotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      smsAlerts
    }
  }
`);

export const ImpSetSupportAccess = graphql(`
  mutation ImpSetSupportAccess($value: SupportAccess!) {
    setSupportAccess(value: $value) {
      id
      supportAccess
    }
  }
`);

export const ImpRequestMutation = graphql(`
  mutation ImpRequestMutation($input: RequestMutationApprovalInput!) {
    requestMutationApproval(input: $input) {
      id
      kind
      status
      sessionId
    }
  }
`);

export const ImpRequestFields = graphql(`
  mutation ImpRequestFields($input: RequestFieldAccessInput!) {
    requestFieldAccess(input: $input) {
      id
      kind
      status
      sessionId
    }
  }
`);

export type Body = GraphQLResponse<unknown>['body'];

export function codeOf(body: Body): unknown {
  return body.errors?.[0]?.extensions?.['code'];
}

export function messageOf(body: Body): string {
  return body.errors?.[0]?.message ?? '';
}

export interface StartOptions {
  agent?: string;
  userId?: string;
  reason?: string;
  ticket?: string;
  mode?: 'read_only' | 'read_write';
  minutes?: number;
  headers?: Record<string, string>;
  /** Send this bearer token instead of a fresh one for `agent`. */
  bearer?: string;
}

export function start(t: TestGateway, options: StartOptions = {}) {
  return t.execute(ImpStart, {
    as: options.bearer ? null : (options.agent ?? 'agent'),
    headers: { ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}), ...options.headers },
    variables: {
      input: {
        userId: options.userId ?? 'usr_tom',
        reason: options.reason ?? GOOD_REASON,
        ticket: options.ticket ?? TICKET,
        ...(options.mode ? { mode: options.mode } : {}),
        ...(options.minutes !== undefined ? { minutes: options.minutes } : {}),
      },
    },
  });
}

export interface OpenSession {
  sessionId: string;
  token: string;
  /** The session-start approval request, when the start needed one. */
  approvalRequestId: string | null;
}

/**
 * Opens an active session: starts it and, when a manager must approve, has `manager` approve
 * it and the agent claim the token.
 */
export async function openSession(t: TestGateway, options: StartOptions & { manager?: string } = {}): Promise<OpenSession> {
  const started = await start(t, options);
  expect(started.body.errors).toBeUndefined();
  const payload = started.body.data?.startImpersonation;
  if (!payload) throw new Error('startImpersonation returned no payload');
  if (payload.token) return { sessionId: payload.session.id, token: payload.token, approvalRequestId: null };
  const requestId = payload.approvalRequest?.id;
  if (!requestId) throw new Error('a start without a token must carry an approval request');
  const approved = await t.execute(ImpApprove, { as: options.manager ?? 'manager', variables: { id: requestId, note: 'Checked the ticket' } });
  expect(approved.body.errors).toBeUndefined();
  const claimed = await t.execute(ImpClaim, {
    as: options.bearer ? null : (options.agent ?? 'agent'),
    headers: options.bearer ? { authorization: `Bearer ${options.bearer}` } : {},
    variables: { sessionId: payload.session.id },
  });
  expect(claimed.body.errors).toBeUndefined();
  const token = claimed.body.data?.claimImpersonation.token;
  if (!token) throw new Error('claimImpersonation returned no token');
  return { sessionId: payload.session.id, token, approvalRequestId: requestId };
}

export async function endSessionAs(t: TestGateway, agent: string, sessionId: string): Promise<void> {
  const ended = await t.execute(ImpEnd, { as: agent, variables: { sessionId } });
  expect(ended.body.errors).toBeUndefined();
}

export function sessionRow(t: TestGateway, id: string) {
  return t.db.selectFrom('impersonation_sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A session's audit events other than field reads (those are recorded per field resolved). */
export function auditOfSession(t: TestGateway, sessionId: string) {
  return t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('kind', '!=', 'field_read')
    .orderBy('occurred_at')
    .execute();
}

export async function auditKindsOfSession(t: TestGateway, sessionId: string): Promise<string[]> {
  return (await auditOfSession(t, sessionId)).map((row) => row.kind);
}

export function outboxRows(t: TestGateway, kind?: string) {
  let query = t.db.selectFrom('notification_outbox').selectAll().orderBy('id');
  if (kind) query = query.where('kind', '=', kind);
  return query.execute();
}

/** Moves a session's clocks: `{ idle: -1 }` puts its idle limit a minute in the past. */
export async function moveClocks(t: TestGateway, sessionId: string, minutes: { idle?: number; hard?: number }): Promise<void> {
  if (minutes.idle !== undefined) {
    await sql`update impersonation_sessions set idle_expires_at = now() + make_interval(mins => ${minutes.idle}) where id = ${sessionId}`.execute(t.db);
  }
  if (minutes.hard !== undefined) {
    await sql`update impersonation_sessions set expires_at = now() + make_interval(mins => ${minutes.hard}) where id = ${sessionId}`.execute(t.db);
  }
}

/** Runs `fn` while every insert into audit_events fails, as an unavailable audit store would. */
export async function withAuditStoreDown<T>(t: TestGateway, fn: () => Promise<T>): Promise<T> {
  await sql`create or replace function imp_refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store down'; end $$`.execute(t.db);
  await sql`create trigger imp_refuse_audit before insert on audit_events for each row execute function imp_refuse_audit()`.execute(t.db);
  try {
    return await fn();
  } finally {
    await sql`drop trigger imp_refuse_audit on audit_events`.execute(t.db);
    await sql`drop function imp_refuse_audit()`.execute(t.db);
  }
}

export const ImpPublishPolicy = graphql(`
  mutation ImpPublishPolicy($input: PublishPolicyInput!) {
    publishPolicy(input: $input) {
      version
      status
    }
  }
`);

export const ImpApprovePolicy = graphql(`
  mutation ImpApprovePolicy($version: Int!) {
    approvePolicyVersion(version: $version) {
      version
      status
    }
  }
`);

/**
 * Puts the baseline policy with `change` in force on a gateway with a live policy store: a
 * security admin publishes it, a second one approves it if it loosens anything, and the call
 * returns once the gateway serves it.
 */
export async function putPolicyInForce(t: TestGateway, change: (document: PolicyDocument) => void): Promise<void> {
  const document = structuredClone(loadBaselinePolicy());
  change(document);
  const published = await t.execute(ImpPublishPolicy, {
    as: 'security',
    variables: { input: { document: JSON.stringify(document), reason: 'Support rules agreed for this quarter with the DPO' } },
  });
  const version = published.body.data?.publishPolicy;
  if (!version) throw new Error(`publishPolicy failed: ${JSON.stringify(published.body.errors)}`);
  if (version.status === 'pending') {
    const approved = await t.execute(ImpApprovePolicy, { as: 'security2', variables: { version: version.version } });
    expect(approved.body.data?.approvePolicyVersion.status).toBe('active');
  }
  await vi.waitFor(() => expect(t.policyStore?.current().version).toBe(version.version), { timeout: 5000, interval: 10 });
}
