import type { AuditEventRow } from '../db/tables/audit-event.js';
import { wardenError } from '../errors/index.js';
import type { WardenBuilder } from '../graphql/builder.js';
import { auditScopeOf } from '../graphql/audit-scope.js';
import { formatAuditExport, type AuditExport } from './audit-export.js';
import { accessReview, auditEventId, findAuditEvents, parseAuditEventId, type AuditFilter } from './audit-queries.js';
import { recordAuditRead } from './record-audit-read.js';
import { sessionTimelines, type SessionTimeline } from './session-timelines.js';
import { schemaLabels } from './story-labels.js';
import { describeChainProblem } from './chain-report.js';
import { describeChainTail, verifyChainTail, type ChainTailStatus } from './verify-chain-tail.js';

/** The longest period one access review covers. */
const REVIEW_SPAN_MAX_DAYS = 366;

const AUDITORS = { auditReader: true } as const;
/** Whether the trail verifies is the auditors' to report (security admins read events, but answer to them). */
const AUDITORS_ONLY = { staffRole: 'auditor' } as const;
const PAGE_MAX = 500;
const EXPORT_MAX = 50_000;

export function defineAuditTypes(builder: WardenBuilder): void {
  const AuditEvent = builder.objectRef<AuditEventRow>('AuditEvent').implement({
    description: 'One audit record: who did or saw what, when, and a sentence saying so.',
    fields: (t) => ({
      // The row's number on chain 0, CHAIN:NUMBER on another (see auditEventId).
      id: t.id({ classification: 'public', resolve: auditEventId }),
      occurredAt: t.expose('occurred_at', { type: 'DateTime', classification: 'public' }),
      kind: t.exposeString('kind', { classification: 'public' }),
      summary: t.exposeString('summary', { classification: 'public' }),
      actorKind: t.exposeString('actor_kind', { classification: 'public' }),
      actorId: t.exposeID('actor_id', { classification: 'public', nullable: true }),
      actorName: t.exposeString('actor_name', { classification: 'public', nullable: true }),
      userId: t.exposeID('subject_user_id', { classification: 'public', nullable: true }),
      accountId: t.exposeID('account_id', { classification: 'public', nullable: true }),
      sessionId: t.exposeID('session_id', { classification: 'public', nullable: true }),
      requestId: t.exposeString('request_id', { classification: 'public', nullable: true }),
      reason: t.exposeString('reason', { classification: 'public', nullable: true }),
      operation: t.exposeString('operation', { classification: 'public', nullable: true }),
      typeField: t.exposeString('type_field', {
        classification: 'public',
        nullable: true,
        description: "The field read or refused (`User.phone`). Empty on a request's shared row for the public or internal fields it was shown: those are in `details.fields`, by field.",
      }),
      path: t.exposeString('path', { classification: 'public', nullable: true }),
      dataClass: t.exposeString('data_class', { classification: 'public', nullable: true }),
      decision: t.exposeString('decision', { classification: 'public', nullable: true }),
      policyVersion: t.exposeInt('policy_version', { classification: 'public', nullable: true }),
      details: t.string({ classification: 'public', description: 'The event as JSON (values masked by class).', resolve: (row) => JSON.stringify(row.details) }),
      hash: t.exposeString('hash', { classification: 'public' }),
    }),
  });

  const Edge = builder.objectRef<AuditEventRow>('AuditEventEdge').implement({
    fields: (t) => ({
      cursor: t.string({ classification: 'public', resolve: auditEventId }),
      node: t.field({ type: AuditEvent, classification: 'public', resolve: (row) => row }),
    }),
  });
  const Connection = builder.objectRef<{ rows: AuditEventRow[]; hasNextPage: boolean }>('AuditEventConnection').implement({
    fields: (t) => ({
      edges: t.field({ type: [Edge], classification: 'public', resolve: (c) => c.rows }),
      hasNextPage: t.boolean({ classification: 'public', resolve: (c) => c.hasNextPage }),
      endCursor: t.string({ classification: 'public', nullable: true, resolve: (c) => c.rows.slice(-1).map(auditEventId)[0] ?? null }),
    }),
  });

  const Filter = builder.inputType('AuditEventFilter', {
    fields: (t) => ({
      actor: t.id({ filtersBy: 'AuditEvent.actorId', description: 'Staff or customer id of who acted.' }),
      user: t.id({ filtersBy: 'AuditEvent.userId', description: 'The customer the event concerns.' }),
      account: t.id({ filtersBy: 'AuditEvent.accountId' }),
      session: t.id({ filtersBy: 'AuditEvent.sessionId' }),
      kinds: t.stringList({ filtersBy: 'AuditEvent.kind', description: 'e.g. session_started, field_read, mutation_executed, access_denied.' }),
      decisions: t.stringList({ filtersBy: 'AuditEvent.decision', description: 'e.g. allowed, masked, denied, refused.' }),
      from: t.field({ type: 'DateTime', filtersBy: 'AuditEvent.occurredAt' }),
      to: t.field({ type: 'DateTime', filtersBy: 'AuditEvent.occurredAt' }),
    }),
  });

  const Timeline = builder.objectRef<SessionTimeline>('SessionTimeline').implement({
    description: 'An impersonation session from start to end, in words a manager can read.',
    fields: (t) => ({
      sessionId: t.exposeID('sessionId', { classification: 'public' }),
      agentName: t.exposeString('agentName', { classification: 'public' }),
      userName: t.exposeString('userName', { classification: 'public' }),
      accountName: t.exposeString('accountName', { classification: 'public' }),
      reason: t.exposeString('reason', { classification: 'public' }),
      ticket: t.exposeString('ticket', { classification: 'public' }),
      status: t.exposeString('status', { classification: 'public' }),
      startedAt: t.expose('startedAt', { type: 'DateTime', classification: 'public', nullable: true }),
      endedAt: t.expose('endedAt', { type: 'DateTime', classification: 'public', nullable: true }),
      story: t.exposeStringList('story', {
        classification: 'public',
        description: 'What happened, request by request, in plain words: started, viewed, saw masked, was refused, changed, ended.',
      }),
      events: t.field({ type: [AuditEvent], classification: 'public', description: 'The audit rows the story is told from.', resolve: (timeline) => timeline.events }),
    }),
  });
  const SessionFilter = builder.inputType('ImpersonationSessionFilter', {
    fields: (t) => ({
      agent: t.id({ filtersBy: 'ImpersonationSession.agentId' }),
      user: t.id({ filtersBy: 'ImpersonationSession.userId' }),
      account: t.id({ filtersBy: 'ImpersonationSession.accountId' }),
      from: t.field({ type: 'DateTime', filtersBy: 'ImpersonationSession.startedAt' }),
      to: t.field({ type: 'DateTime', filtersBy: 'ImpersonationSession.startedAt' }),
    }),
  });

  const ReviewRow = builder
    .objectRef<Awaited<ReturnType<typeof accessReview>>[number]>('AccessReviewRow')
    .implement({
      description: 'One agent over the review period.',
      fields: (t) => ({
        agentId: t.exposeID('agentId', { classification: 'public' }),
        agentName: t.exposeString('agentName', { classification: 'public' }),
        sessions: t.exposeInt('sessions', { classification: 'public' }),
        minutes: t.exposeInt('minutes', { classification: 'public' }),
        accounts: t.exposeStringList('accounts', { classification: 'public' }),
        approvalsRequested: t.exposeInt('approvalsRequested', { classification: 'public' }),
        approvalsGranted: t.exposeInt('approvalsGranted', { classification: 'public' }),
        approvalsDenied: t.exposeInt('approvalsDenied', { classification: 'public' }),
        refusals: t.exposeInt('refusals', { classification: 'public' }),
      }),
    });
  const ExportFormat = builder.enumType('AuditExportFormat', { values: ['CSV', 'JSONL'] as const });
  const Export = builder.objectRef<AuditExport>('AuditExport').implement({
    description: 'Audit events as a file, and whether it holds every event that matched.',
    fields: (t) => ({
      content: t.exposeString('content', {
        classification: 'public',
        description: 'CSV (a header, then one row per event, `details` as JSON) or JSON Lines. A cut export ends with a line saying so.',
      }),
      events: t.exposeInt('events', { classification: 'public', description: 'How many events it holds.' }),
      truncated: t.exposeBoolean('truncated', { classification: 'public', description: 'More events matched than `limit`: only the newest are here.' }),
    }),
  });

  const ChainTail = builder.objectRef<ChainTailStatus['chains'][number]>('AuditChainTail').implement({
    description: 'One audit chain as the check found it: writers at once spread over several, each verified on its own.',
    fields: (t) => ({
      chain: t.exposeInt('chain', { classification: 'public', description: 'The chain: 0, the one every row was on while there was one, or another.' }),
      checkpointSeq: t.id({ classification: 'public', nullable: true, description: 'The row of the signed checkpoint or seal the check of this chain started from.', resolve: (c) => c.checkpoint?.seq ?? null }),
      checkpointSignedAt: t.field({ type: 'DateTime', classification: 'public', nullable: true, resolve: (c) => c.checkpoint?.signedAt ?? null }),
      fromSeq: t.exposeID('fromSeq', { classification: 'public', description: 'The first row checked.' }),
      headSeq: t.exposeID('headSeq', { classification: 'public', description: 'The newest row.' }),
      rowsChecked: t.exposeInt('rowsChecked', { classification: 'public' }),
    }),
  });

  const ChainStatus = builder.objectRef<ChainTailStatus>('AuditChainStatus').implement({
    description:
      'Whether the audit trail verifies, checked cheaply: from the newest signed checkpoint to the head. Rows before that checkpoint are vouched for by its signature; `npm run audit:verify` walks every row.',
    fields: (t) => ({
      intact: t.boolean({ classification: 'public', nullable: true, description: 'True: it verifies; false: a problem was found; null: too many rows to check here.', resolve: (s) => s.intact }),
      summary: t.string({ classification: 'public', description: 'The status in one sentence.', resolve: describeChainTail }),
      problems: t.stringList({ classification: 'public', description: 'Each problem found, in chain order, in a sentence.', resolve: (s) => s.problems.map(describeChainProblem) }),
      checkpointSeq: t.id({ classification: 'public', nullable: true, description: 'The row of the signed checkpoint the check started from.', resolve: (s) => s.checkpoint?.seq ?? null }),
      checkpointSignedAt: t.field({ type: 'DateTime', classification: 'public', nullable: true, resolve: (s) => s.checkpoint?.signedAt ?? null }),
      fromSeq: t.exposeID('fromSeq', { classification: 'public', description: 'The first row checked.' }),
      headSeq: t.exposeID('headSeq', { classification: 'public', description: 'The newest row.' }),
      rowsChecked: t.exposeInt('rowsChecked', { classification: 'public', description: 'Rows checked on every chain.' }),
      checkedAt: t.expose('checkedAt', { type: 'DateTime', classification: 'public' }),
      chains: t.field({
        type: [ChainTail],
        classification: 'public',
        description: 'Each chain checked, in chain order. checkpointSeq, checkpointSignedAt, fromSeq and headSeq above are chain 0’s.',
        resolve: (s) => s.chains,
      }),
    }),
  });

  const toFilter = (filter: Partial<Record<keyof AuditFilter, unknown>> | null | undefined): AuditFilter => (filter ?? {}) as AuditFilter;

  builder.queryFields((t) => ({
    auditEvents: t.field({
      type: Connection,
      callers: 'auditor',
      classification: 'public',
      authScopes: AUDITORS,
      description: 'Audit events, newest first, with a plain-language summary each.',
      args: { filter: t.arg({ type: Filter }), first: t.arg.int({ required: true, defaultValue: 50, filtersBy: false }), after: t.arg.string({ filtersBy: false }) },
      resolve: async (_root, { filter, first, after }, context) => {
        if (first < 1 || first > PAGE_MAX) throw wardenError('BAD_USER_INPUT', `Ask for between 1 and ${PAGE_MAX} events.`);
        if (after && !parseAuditEventId(after)) throw wardenError('BAD_USER_INPUT', 'That cursor is not one this list gave out; start from the first page.');
        await recordAuditRead(context.db, auditScopeOf(context), { what: 'auditEvents', filter: filter ?? {}, page: { first, after: after ?? null } });
        const rows = await findAuditEvents(context.db, toFilter(filter), first + 1, after ?? null);
        return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
      },
    }),
    impersonationSessions: t.field({
      type: [Timeline],
      callers: 'auditor',
      classification: 'public',
      authScopes: AUDITORS,
      description: 'Sessions with their timelines, newest first.',
      args: { filter: t.arg({ type: SessionFilter }), first: t.arg.int({ required: true, defaultValue: 20, filtersBy: false }) },
      resolve: async (_root, { filter, first }, context, info) => {
        if (first < 1 || first > 100) throw wardenError('BAD_USER_INPUT', 'Ask for between 1 and 100 sessions.');
        await recordAuditRead(context.db, auditScopeOf(context), { what: 'impersonationSessions', filter: filter ?? {}, page: { first } });
        const sessionFilter = { agent: filter?.agent ?? null, user: filter?.user ?? null, account: filter?.account ?? null, from: filter?.from ?? null, to: filter?.to ?? null };
        return sessionTimelines(context.db, context.identity, sessionFilter, first, schemaLabels(info.schema));
      },
    }),
    accessReview: t.field({
      type: [ReviewRow],
      callers: 'auditor',
      classification: 'public',
      authScopes: AUDITORS,
      description: 'The periodic access review: per agent, sessions, time, accounts entered, approvals and refusals.',
      args: { from: t.arg({ type: 'DateTime', required: true, filtersBy: 'ImpersonationSession.startedAt' }), to: t.arg({ type: 'DateTime', required: true, filtersBy: 'ImpersonationSession.startedAt' }) },
      resolve: async (_root, { from, to }, context) => {
        if (to <= from) throw wardenError('BAD_USER_INPUT', '`to` must be after `from`, e.g. a quarter: from 2026-07-01 to 2026-10-01.');
        // Every month in the range is read and aggregated: a bounded span keeps one review from scanning the whole trail.
        if (to.getTime() - from.getTime() > REVIEW_SPAN_MAX_DAYS * 86_400_000) {
          throw wardenError('BAD_USER_INPUT', `An access review covers at most ${REVIEW_SPAN_MAX_DAYS} days (a year); review a longer period a year at a time.`);
        }
        await recordAuditRead(context.db, auditScopeOf(context), { what: 'accessReview', filter: { from, to } });
        return accessReview(context.db, from, to);
      },
    }),
    auditChainStatus: t.field({
      type: ChainStatus,
      callers: 'auditor',
      classification: 'public',
      authScopes: AUDITORS_ONLY,
      description: 'Whether the audit trail verifies, from the newest signed checkpoint to the head, and when that was checked.',
      resolve: async (_root, _args, context) => {
        await recordAuditRead(context.db, auditScopeOf(context), { what: 'auditChainStatus', filter: {} });
        return verifyChainTail(context.db, context.auditChain.verifyKeys, { toleranceMs: context.auditChain.toleranceMs });
      },
    }),
    auditExport: t.field({
      type: Export,
      callers: 'auditor',
      classification: 'public',
      authScopes: AUDITORS,
      description: `A filtered range as CSV or JSON Lines (at most ${EXPORT_MAX} events, newest first); says whether it was cut short.`,
      args: { filter: t.arg({ type: Filter }), format: t.arg({ type: ExportFormat, required: true, filtersBy: false }), limit: t.arg.int({ required: true, defaultValue: 10_000, filtersBy: false }) },
      resolve: async (_root, { filter, format, limit }, context) => {
        if (limit < 1 || limit > EXPORT_MAX) throw wardenError('BAD_USER_INPUT', `Export between 1 and ${EXPORT_MAX} events; narrow the time range for more.`);
        // One more than asked for: it tells whether the export was cut short.
        const rows = await findAuditEvents(context.db, toFilter(filter), limit + 1, null);
        const exported = formatAuditExport(rows, format === 'CSV' ? 'csv' : 'jsonl', limit);
        // Recorded once it is known what the file holds, and before it leaves.
        // Named as the list names rows: the number alone on chain 0, CHAIN:NUMBER on another.
        const [first, last] = [rows[0], rows[exported.events - 1]];
        const sent = { events: exported.events, firstChainSeq: first ? auditEventId(first) : null, lastChainSeq: last ? auditEventId(last) : null, truncated: exported.truncated };
        await recordAuditRead(context.db, auditScopeOf(context), { what: `auditExport (${format})`, filter: filter ?? {}, page: { limit }, sent });
        return exported;
      },
    }),
  }));
}

