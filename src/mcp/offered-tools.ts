import type { Principal } from '../auth/principal.js';
import { admits } from '../firewall/admits.js';
import type { AccessContext } from '../policy/access.js';
import { grantReaches } from '../policy/decide.js';
import { DENY, type FieldPlan, type MutationRisk, type RequestPolicy } from '../policy/plugin/types.js';
import type { McpTool } from './mcp-tools.js';

/**
 * Who is asking for tools: the person, how this request reaches data (its policy column, the
 * customer acted as, the session) and the decisions of that column under the policy in force.
 * The caller's kind and column decide everything below, so a new kind of caller with a column
 * of its own is offered tools by the same rules.
 */
export interface ToolCaller {
  principal: Principal;
  access: Pick<AccessContext, 'column' | 'actingAs' | 'session'>;
  policy: Pick<RequestPolicy, 'decisions'>;
}

/**
 * The tools a caller could ever use, in the declared order. A tool is offered when
 * - the operation firewall admits the caller to every root field it calls;
 * - for a mutation, the gate could let every root field run in the caller's session (outside
 *   a session the gate does nothing; a read-only session runs only session controls; a
 *   read-write session runs routine changes, and risky ones once a manager approves them).
 *   An AI assistant changes nothing outside a delegated session and never controls one; in a
 *   read-write one each change it sends becomes a request a person decides, then runs once;
 * - at least one value it selects could be shown: every field on the way to it is allowed or
 *   masked in the caller's column, or is denied only until a manager grants it in a session.
 * Pure: the request's context supplies the caller, the policy in force supplies the decisions,
 * so a published policy changes the list on the next request.
 */
export function offeredTools(tools: readonly McpTool[], caller: ToolCaller): McpTool[] {
  return tools.filter((tool) => isOffered(tool, caller));
}

export function isOffered(tool: McpTool, caller: ToolCaller): boolean {
  const { principal, access } = caller;
  if (!tool.rootFields.every((field) => field.callers !== null && admits(field.callers, principal, access))) return false;
  if (tool.operation === 'mutation' && !tool.rootFields.every((field) => gateCouldPass(field.risk, caller))) return false;
  return tool.paths.some((path) => path.every((plan) => couldBeShown(plan, caller)));
}

/** Whether the mutation gate could ever let a root field of this risk run for this caller in their session (see `useMutationGate`). */
export function gateCouldPass(risk: MutationRisk, caller: Pick<ToolCaller, 'principal' | 'access'>): boolean {
  const session = caller.access.session;
  // The gate refuses an assistant's every change outside a delegated session, and every session control in one.
  const assistant = caller.principal.kind === 'assistant';
  if (!session) return !assistant;
  if (risk === 'session-control') return !assistant;
  if (risk === 'never-during-impersonation') return false;
  return session.mode === 'read_write';
}

/** Whether a field could be shown to this caller: as `effectiveDecision` decides, with any grant a manager could give. */
function couldBeShown(plan: FieldPlan, caller: ToolCaller): boolean {
  if (plan.classification === 'public') return true;
  const decision = caller.policy.decisions[plan.index];
  if (decision !== undefined && decision !== DENY) return true;
  return caller.access.session !== null && grantReaches(plan.classification, caller.access.column);
}
