import type { ApprovalPayload } from '../db/tables/approval-request.js';

/**
 * How a request is named in summaries: "for access to User.birthDate, for every user in the
 * account (not only the customer)". A grant is per field, not per record: the summary says so,
 * so that nobody approves more than they think.
 */
export function describeRequest(payload: ApprovalPayload): string {
  switch (payload.kind) {
    case 'session_start':
      return `for a ${payload.mode === 'read_only' ? 'read-only' : 'read-write'} session of ${payload.minutes} minutes`;
    case 'mutation':
      return `to run ${payload.field}`;
    case 'field_access':
      return `for access to ${payload.fields.join(', ')}, for every user in the account (not only the customer)`;
  }
}
