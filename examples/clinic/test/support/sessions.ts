import { expect } from 'vitest';
import type { ClinicWarden } from './clinic-warden.js';

/** The header an impersonating agent adds to its own bearer token. */
export const withSession = (token: string): Record<string, string> => ({ 'x-impersonation-token': token });

export const REASON = 'Sam reports the appointment list shows Maria Lopez twice since the Monday import';
export const TICKET = 'CLN-2041';

export const START = `mutation Start($input: StartImpersonationInput!) {
  startImpersonation(input: $input) { session { id status mode } token approvalRequest { id status } }
}`;
export const APPROVE = `mutation Approve($id: ID!) { approveRequest(id: $id, note: "Checked the ticket") { id status } }`;
export const CLAIM = `mutation Claim($sessionId: ID!) { claimImpersonation(sessionId: $sessionId) { token } }`;
export const END = `mutation End($sessionId: ID!) { endImpersonation(sessionId: $sessionId) { id status } }`;
export const REQUEST_MUTATION = `mutation RequestMutation($input: RequestMutationApprovalInput!) {
  requestMutationApproval(input: $input) { id status }
}`;
export const REQUEST_FIELDS = `mutation RequestFields($input: RequestFieldAccessInput!) { requestFieldAccess(input: $input) { id status } }`;

export interface OpenSession {
  sessionId: string;
  token: string;
}

export interface StartOptions {
  agent?: string;
  memberId: string;
  mode?: 'read_only' | 'read_write';
}

export function startSession(w: ClinicWarden, { agent = 'agent', memberId, mode = 'read_only' }: StartOptions) {
  return w.graphql(agent, START, { variables: { input: { userId: memberId, reason: REASON, ticket: TICKET, mode } } });
}

/** A real, active session: started, and where a manager must approve it, approved and claimed. */
export async function openSession(w: ClinicWarden, options: StartOptions): Promise<OpenSession> {
  const agent = options.agent ?? 'agent';
  const started = await startSession(w, options);
  expect(started.body.errors, started.text).toBeUndefined();
  const payload = started.body.data?.['startImpersonation'] as { session: { id: string }; token: string | null; approvalRequest: { id: string } | null };
  if (payload.token) return { sessionId: payload.session.id, token: payload.token };
  if (!payload.approvalRequest) throw new Error('a start without a token must carry an approval request');
  const approved = await w.graphql('manager', APPROVE, { variables: { id: payload.approvalRequest.id } });
  expect(approved.body.errors, approved.text).toBeUndefined();
  const claimed = await w.graphql(agent, CLAIM, { variables: { sessionId: payload.session.id } });
  expect(claimed.body.errors, claimed.text).toBeUndefined();
  const { token } = claimed.body.data?.['claimImpersonation'] as { token: string };
  return { sessionId: payload.session.id, token };
}

/** Has `manager` approve a request made in a session (a mutation, a field grant). */
export async function approve(w: ClinicWarden, requestId: string, manager = 'manager'): Promise<void> {
  const approved = await w.graphql(manager, APPROVE, { variables: { id: requestId } });
  expect(approved.body.errors, approved.text).toBeUndefined();
}
