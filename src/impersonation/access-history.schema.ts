import { recordAuditRead } from '../audit/index.js';
import { wardenError } from '../errors/index.js';
import { actingCustomer } from '../graphql/acting-customer.js';
import { auditScopeOf } from '../graphql/audit-scope.js';
import type { WardenBuilder } from '../graphql/builder.js';
import { describeVisit, listAccessHistory, type AccessHistoryEntry } from './access-history.js';
import { shownAs } from './shown-as.js';
import { nameFieldsOf } from '../policy/policy-catalog.js';

const PAGE_MAX = 100;

export function defineAccessHistoryTypes(builder: WardenBuilder): void {
  const Entry = builder.objectRef<AccessHistoryEntry>('AccessHistoryEntry').implement({
    description: 'One visit by support to the account.',
    fields: (t) => ({
      sessionId: t.exposeID('sessionId', { classification: 'public' }),
      agentName: t.exposeString('agentName', { classification: 'public' }),
      userId: t.exposeID('userId', { classification: 'public', description: 'The user of the account the agent entered as.' }),
      // Public here because the value is already shown as the reader's policy shows a user's
      // name (the schema's name field, see listAccessHistory): classed again, it would be masked twice.
      userName: t.exposeString('userName', {
        classification: 'public',
        nullable: true,
        description: "The name of the user the agent entered as, as your account shows a user's name; null where the policy hides it.",
      }),
      reason: t.exposeString('reason', { classification: 'public' }),
      ticket: t.exposeString('ticket', { classification: 'public' }),
      mode: t.exposeString('mode', { classification: 'public' }),
      startedAt: t.expose('startedAt', { type: 'DateTime', classification: 'public' }),
      endedAt: t.expose('endedAt', { type: 'DateTime', classification: 'public', nullable: true }),
      endReason: t.exposeString('endReason', { classification: 'public', nullable: true, description: 'How the visit ended, as a code: ended, idle_timeout, expired, revoked, role_lost or target_changed.' }),
      howItEnded: t.exposeString('howItEnded', { classification: 'public', nullable: true, description: 'How the visit ended, in plain words; null while it goes on.' }),
      minutes: t.exposeInt('minutes', { classification: 'public', nullable: true }),
      changes: t.exposeStringList('changes', { classification: 'public' }),
      summary: t.string({ classification: 'public', resolve: describeVisit }),
    }),
  });
  const Edge = builder.objectRef<AccessHistoryEntry>('AccessHistoryEdge').implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor', { classification: 'public' }),
      node: t.field({ type: Entry, classification: 'public', resolve: (entry) => entry }),
    }),
  });
  const PageInfo = builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>('AccessHistoryPageInfo').implement({
    fields: (t) => ({
      hasNextPage: t.exposeBoolean('hasNextPage', { classification: 'public' }),
      endCursor: t.exposeString('endCursor', { classification: 'public', nullable: true }),
    }),
  });
  const Connection = builder.objectRef<{ entries: AccessHistoryEntry[]; hasNextPage: boolean }>('AccessHistoryConnection').implement({
    fields: (t) => ({
      edges: t.field({ type: [Edge], classification: 'public', resolve: (c) => c.entries }),
      pageInfo: t.field({
        type: PageInfo,
        classification: 'public',
        resolve: (c) => ({ hasNextPage: c.hasNextPage, endCursor: c.entries.at(-1)?.cursor ?? null }),
      }),
    }),
  });

  builder.queryField('accessHistory', (t) =>
    t.field({
      type: Connection,
      callers: 'customer',
      classification: 'public',
      description: "Who from support entered the calling customer's account, as which of its users, when, why, and what they changed; newest first.",
      args: { first: t.arg.int({ required: true, defaultValue: 20, filtersBy: false }), after: t.arg.string({ filtersBy: false }) },
      resolve: async (_root, { first, after }, context) => {
        if (context.access.session) throw wardenError('FORBIDDEN', 'The access history is for the customer, not for support acting as them.');
        if (first < 1 || first > PAGE_MAX) throw wardenError('BAD_USER_INPUT', `Ask for between 1 and ${PAGE_MAX} entries.`);
        const customer = actingCustomer(context);
        // It is read from the audit: recorded like every other reading of it.
        await recordAuditRead(context.db, auditScopeOf(context), {
          what: 'accessHistory',
          filter: { account: customer.accountId },
          page: { first, after: after ?? null },
          subject: { userId: customer.id, accountId: customer.accountId },
        });
        // The customer reads their own account: each user's name as it shows them the name field.
        const nameField = nameFieldsOf(context.policyCatalog).customer;
        const rows = await listAccessHistory(context.db, customer.accountId, first + 1, after ?? null, (name) => shownAs(context, nameField, name));
        return { entries: rows.slice(0, first), hasNextPage: rows.length > first };
      },
    }),
  );
}
