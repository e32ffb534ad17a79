import type { ApprovalPayload } from '../db/tables/approval-request.js';

/** How a request is named in summaries: "for access to User.birthDate". */
export function describeRequest(payload: ApprovalPayload): string {
  switch (payload.kind) {
    case 'session_start':
      return `for a ${payload.mode === 'read_only' ? 'read-only' : 'read-write'} session of ${payload.minutes} minutes`;
    case 'mutation':
      return `to run ${payload.field}`;
    case 'field_access':
      return `for access to ${payload.fields.join(', ')}`;
  }
}
