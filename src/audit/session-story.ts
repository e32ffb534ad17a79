import type { AuditEventRow } from '../db/tables/audit-event.js';
import { fieldReadsOf } from './shown-reads-row.js';

/** How the story names what was read; `schemaLabels` builds one from the schema. */
export interface StoryLabels {
  /** A field as a person names it: `User.phone` → "phone", `User.birthDate` → "birth date". */
  field(typeField: string): string;
  /** Objects of a type, counted: ("Invoice", 3) → "3 invoices", ("Account", 1) → "the account". */
  objects(typeName: string, count: number): string;
}

/** What a field read's `details` says, as far as the story needs it. */
export interface ReadDetails {
  count: number;
  objectIds: string[];
  subjectIds: string[];
  distinctObjectIds: number | null;
  distinctSubjectIds: number | null;
}

/** Reads a row's `details` (JSON from the table) without trusting its shape. */
export function readDetailsOf(details: Record<string, unknown>): ReadDetails {
  const ids = (value: unknown) => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  return {
    count: number(details['count']) ?? 0,
    objectIds: ids(details['objectIds']),
    subjectIds: ids(details['subjectIds']),
    distinctObjectIds: number(details['distinctObjectIds']),
    distinctSubjectIds: number(details['distinctSubjectIds']),
  };
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
/** Names listed before "and N others". */
const NAMES_SHOWN = 5;

/**
 * A session told request by request, for someone who does not build software. Events other
 * than field reads keep their own sentence ("started a read-only session…", "changed the tax
 * rate…"). A request's field reads become one line for what it merely viewed ("viewed the
 * account, 3 invoices and 2 payment methods": public and internal fields shown as they are), and
 * one line for each personal or protected field, naming whose it was and how it was shown ("saw
 * Jane Doe's email masked", "was refused the birth date of Tom Baker"). A mutation's own field
 * read, and what it returned, are left to the mutation's own event when it has one.
 *
 * `agentName` is the session's holder: an agent, or an AI assistant on a session of its own
 * (`holderKind`); `names` gives user ids their names; `events` are in chain order. What an
 * assistant did in a session an agent lent it is told as the assistant's: "Assistant
 * Triage-Bot, for Agent Sarah Lee, viewed the account".
 */
export function sessionStory(
  events: readonly AuditEventRow[],
  agentName: string,
  names: ReadonlyMap<string, string>,
  labels: StoryLabels,
  holderKind: 'person' | 'assistant' = 'person',
): string[] {
  const holder = `${holderKind === 'assistant' ? 'Assistant' : 'Agent'} ${agentName}`;
  const whoOf = (event: AuditEventRow) => (event.actor_kind === 'assistant' && holderKind === 'person' ? `Assistant ${event.actor_name}, for ${holder},` : holder);
  const readsByRequest = new Map<string, AuditEventRow[]>();
  const withOwnEvent = new Set<string>();
  const deniedReads = new Set<string>();
  for (const event of events) {
    if (event.request_id === null) continue;
    if (event.kind === 'field_read') {
      // Fields shown as they are (public, internal) share a row of their class: told field by field.
      const reads = readsByRequest.get(event.request_id);
      if (reads) reads.push(...fieldReadsOf(event));
      else readsByRequest.set(event.request_id, fieldReadsOf(event));
      if (event.decision === 'denied') deniedReads.add(readKey(event));
    } else if (event.kind !== 'access_denied') {
      withOwnEvent.add(event.request_id);
    }
  }
  // A value a resolver refused is a denied read and the refusal it answered with: one line,
  // whose it was and why.
  const reasons = new Map<string, string>();
  for (const event of events) {
    if (event.kind === 'access_denied' && event.reason && deniedReads.has(readKey(event))) reasons.set(readKey(event), event.reason);
  }

  const story: string[] = [];
  const told = new Set<string>();
  for (const event of events) {
    const time = `${event.occurred_at.toISOString().slice(11, 16)} UTC — `;
    if (event.kind === 'access_denied' && reasons.has(readKey(event))) continue;
    if (event.kind !== 'field_read' || event.request_id === null) {
      // A refusal the audit trail recorded names the field by its schema name; say it in words.
      const refusal = event.kind === 'access_denied' && (event.actor_name === agentName || event.actor_kind === 'assistant') && event.type_field && event.reason;
      story.push(time + (refusal ? `${whoOf(event)} was refused the ${labels.field(event.type_field ?? '')}: ${event.reason}` : event.summary));
      continue;
    }
    if (told.has(event.request_id)) continue;
    told.add(event.request_id);
    const reads = readsByRequest.get(event.request_id) ?? [];
    for (const line of requestLines(reads, withOwnEvent.has(event.request_id), names, labels, reasons)) story.push(`${time}${whoOf(event)} ${line}`);
  }
  return story;
}

/** A field as one request read it: `req-1 User.birthDate`. */
function readKey(event: AuditEventRow): string {
  return `${event.request_id ?? ''} ${event.type_field ?? ''}`;
}

/** What one request read: a line of what it viewed, then a line per protected field. */
function requestLines(
  reads: readonly AuditEventRow[],
  hasOwnEvent: boolean,
  names: ReadonlyMap<string, string>,
  labels: StoryLabels,
  reasons: ReadonlyMap<string, string>,
): string[] {
  const viewed = new Map<string, { count: number; depth: number }>();
  const lines: string[] = [];
  for (const read of reads) {
    const typeField = read.type_field ?? '';
    const typeName = typeField.slice(0, typeField.indexOf('.'));
    const details = readDetailsOf(read.details);
    if (typeName === 'Mutation') {
      if (!hasOwnEvent) lines.push(`ran ${labels.field(typeField)}`);
      continue;
    }
    const plain = read.decision === 'allowed' && (read.data_class === 'public' || read.data_class === 'internal');
    if (plain) {
      if (hasOwnEvent || ROOT_TYPES.has(typeName)) continue;
      const depth = (read.path ?? '').split('.').length;
      const seen = viewed.get(typeName);
      viewed.set(typeName, { count: Math.max(seen?.count ?? 0, details.count), depth: Math.min(seen?.depth ?? depth, depth) });
      continue;
    }
    const reason = read.decision === 'denied' ? reasons.get(readKey(read)) : undefined;
    lines.push(protectedRead(read, typeName, details, names, labels) + (reason ? `: ${reason}` : ''));
  }
  const nouns = [...viewed.entries()].sort(([, a], [, b]) => a.depth - b.depth).map(([typeName, { count }]) => labels.objects(typeName, count));
  return nouns.length > 0 ? [`viewed ${listed(nouns)}`, ...lines] : lines;
}

/** "saw Jane Doe's email masked", "was refused the birth date of Tom Baker", "saw the card number of 2 payment methods masked". */
function protectedRead(read: AuditEventRow, typeName: string, details: ReadDetails, names: ReadonlyMap<string, string>, labels: StoryLabels): string {
  const label = labels.field(read.type_field ?? '');
  const subjects = details.subjectIds;
  const whose = (possessive: boolean): string => {
    if (subjects.length > 0) {
      const people = subjects.map((id) => names.get(id) ?? id);
      if (possessive && people.length === 1) return `${people[0]}'s ${label}`;
      const total = details.distinctSubjectIds ?? people.length;
      const shown = people.slice(0, NAMES_SHOWN);
      return `the ${label} of ${listed(total > shown.length ? [...shown, `${total - shown.length} other${total - shown.length === 1 ? '' : 's'}`] : shown)}`;
    }
    if (ROOT_TYPES.has(typeName)) return `the ${label}`;
    const objects = details.distinctObjectIds ?? (details.objectIds.length || details.count || 1);
    return `the ${label} of ${labels.objects(typeName, objects)}`;
  };
  switch (read.decision) {
    case 'denied':
      return `was refused ${whose(false)}`;
    case 'masked':
      return `saw ${whose(true)} masked`;
    default:
      return `saw ${whose(true)}`;
  }
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
