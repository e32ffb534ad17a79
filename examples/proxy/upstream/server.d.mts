// Types for server.mjs, for callers written in TypeScript (the tests).
import type { JSONWebKeySet } from 'jose';

export type Role = 'owner' | 'admin' | 'member';
export type SupportAccess = 'allow' | 'ask_first' | 'never';

export interface OrganisationRow {
  id: string;
  name: string;
  createdAt: string;
  sensitive: boolean;
  supportAccess: SupportAccess;
  bankAccountNumber: string;
}

export interface UserRow {
  id: string;
  organisationId: string;
  name: string;
  email: string;
  role: Role;
  apiKey: string;
  createdAt: string;
}

export interface TenantRow {
  id: string;
  organisationId: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  /** `YYYY-MM-DD` */
  dateOfBirth: string | null;
  nationalId: string | null;
  notes: string | null;
  status: 'applicant' | 'active' | 'former';
  createdAt: string;
}

export interface LeaseRow {
  id: string;
  organisationId: string;
  tenantId: string;
  propertyAddress: string;
  startDate: string;
  endDate: string | null;
  monthlyRentPence: number;
  depositPence: number;
  status: 'active' | 'ended';
}

export interface PaymentRow {
  id: string;
  organisationId: string;
  leaseId: string;
  tenantId: string;
  amountPence: number;
  currency: string;
  status: 'pending' | 'paid' | 'failed' | 'refunded';
  method: 'direct_debit' | 'bank_transfer' | 'card';
  dueDate: string;
  paidAt: string | null;
  reference: string;
  refundedAt: string | null;
  refundReason: string | null;
  /** The user the refund was made as. */
  refundedBy: string | null;
  /** The token's `act.sub` when someone acted for that user. */
  refundedByAgent: string | null;
}

export interface ExportRow {
  id: string;
  organisationId: string;
  format: 'CSV' | 'JSON';
  rowCount: number;
  createdAt: string;
  content: string;
  requestedBy: string;
  requestedByAgent: string | null;
}

/** Everything the API serves, in memory. Mutate it to add rows (canaries) or change users. */
export interface LettingsData {
  organisations: OrganisationRow[];
  users: UserRow[];
  tenants: TenantRow[];
  leases: LeaseRow[];
  payments: PaymentRow[];
  exports: ExportRow[];
}

/** One authenticated GraphQL operation, as the API received it. */
export interface UpstreamCall {
  /** The token's `sub`: a user id, or `warden` for the service token. */
  sub: string;
  /** The token's `act` claim (RFC 8693) when someone acted for the user. */
  act: { sub: string; [claim: string]: unknown } | null;
  /** The token's `sid` claim. */
  sid: string | null;
  operationName: string | null;
  /** Every field the operation selected, as `Type.field` (fragments followed, `__` fields left out). */
  fields: string[];
}

export interface StartUpstreamOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Where to fetch the verification keys; one of `jwksUrl` and `keys` is required. */
  jwksUrl?: string;
  /** The verification keys themselves. */
  keys?: JSONWebKeySet;
  /** The `iss` tokens must carry; null accepts any. @default 'warden' */
  issuer?: string | null;
  /** The `aud` tokens must carry; unchecked when absent. */
  audience?: string | string[] | null;
  /** Runs after the built-in seed, and again after every `reset()`. */
  seed?: (data: LettingsData) => void;
  /** Told of every operation the API accepts, after it is logged in `calls`: an access log, say. */
  onCall?: (call: UpstreamCall) => void;
}

export interface Upstream {
  /** The GraphQL endpoint, `http://127.0.0.1:<port>/graphql`. */
  url: string;
  /** The last 1,000 authenticated operations, oldest first. */
  calls: UpstreamCall[];
  data: LettingsData;
  /** Puts the seed back (in place: `data` and its arrays stay the same objects) and clears `calls`. */
  reset(): void;
  close(): Promise<void>;
}

export function startUpstream(options: StartUpstreamOptions): Promise<Upstream>;

/** A fresh copy of the seed. */
export function createSeedData(): LettingsData;

/** The served schema's SDL (without data classes: those are in schema.graphql). */
export const typeDefs: string;

export const ids: {
  readonly organisations: {
    readonly harbour: 'org_harbour';
    readonly northside: 'org_northside';
    readonly meridian: 'org_meridian';
    readonly quayside: 'org_quayside';
    readonly eastgate: 'org_eastgate';
  };
  readonly users: {
    readonly maya: 'usr_maya';
    readonly tom: 'usr_tom';
    readonly jess: 'usr_jess';
    readonly priya: 'usr_priya';
    readonly owen: 'usr_owen';
    readonly ruth: 'usr_ruth';
    readonly sam: 'usr_sam';
    readonly dan: 'usr_dan';
    readonly nina: 'usr_nina';
    readonly leah: 'usr_leah';
    readonly ben: 'usr_ben';
  };
  readonly grace: 'ten_hl_001';
  readonly graceLease: 'lse_hl_001';
  readonly gracePayment: 'pay_hl_0001';
  readonly refundedPayment: 'pay_hl_0002';
  readonly northsideTenant: 'ten_nh_001';
};
