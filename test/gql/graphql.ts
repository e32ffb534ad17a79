/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, `YYYY-MM-DD`, with no time zone. */
  Date: { input: string; output: string; }
  /** A point in time, as an ISO 8601 string in UTC. */
  DateTime: { input: string; output: string; }
};

export type AccessHistoryConnection = {
  __typename?: 'AccessHistoryConnection';
  edges: Array<AccessHistoryEdge>;
  pageInfo: AccessHistoryPageInfo;
};

export type AccessHistoryEdge = {
  __typename?: 'AccessHistoryEdge';
  cursor: Scalars['String']['output'];
  node: AccessHistoryEntry;
};

/** One visit by support to the account. */
export type AccessHistoryEntry = {
  __typename?: 'AccessHistoryEntry';
  agentName: Scalars['String']['output'];
  changes: Array<Scalars['String']['output']>;
  /** How the visit ended, as a code: ended, idle_timeout, expired, revoked, role_lost or target_changed. */
  endReason?: Maybe<Scalars['String']['output']>;
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How the visit ended, in plain words; null while it goes on. */
  howItEnded?: Maybe<Scalars['String']['output']>;
  minutes?: Maybe<Scalars['Int']['output']>;
  mode: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  sessionId: Scalars['ID']['output'];
  startedAt: Scalars['DateTime']['output'];
  summary: Scalars['String']['output'];
  ticket: Scalars['String']['output'];
  /** The user of the account the agent entered as. */
  userId: Scalars['ID']['output'];
  /** The name of the user the agent entered as, as your account shows a user's name; null where the policy hides it. */
  userName?: Maybe<Scalars['String']['output']>;
};

export type AccessHistoryPageInfo = {
  __typename?: 'AccessHistoryPageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** One agent over the review period. */
export type AccessReviewRow = {
  __typename?: 'AccessReviewRow';
  accounts: Array<Scalars['String']['output']>;
  agentId: Scalars['ID']['output'];
  agentName: Scalars['String']['output'];
  approvalsDenied: Scalars['Int']['output'];
  approvalsGranted: Scalars['Int']['output'];
  approvalsRequested: Scalars['Int']['output'];
  minutes: Scalars['Int']['output'];
  refusals: Scalars['Int']['output'];
  sessions: Scalars['Int']['output'];
};

/** A customer workspace: its people, billing and settings. */
export type Account = {
  __typename?: 'Account';
  /** Newest first. */
  activity: Array<AccountActivity>;
  apiTokens: Array<ApiToken>;
  billingContact?: Maybe<BillingContact>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  featureFlags?: Maybe<Array<Scalars['String']['output']>>;
  id: Scalars['ID']['output'];
  /** Newest first. */
  invoices: Array<Invoice>;
  name: Scalars['String']['output'];
  paymentMethods: Array<PaymentMethod>;
  plan: Plan;
  planStatus: PlanStatus;
  /** The account's private notes: all of them for its owners and admins, one's own for everyone else. */
  privateNotes: Array<PrivateNote>;
  region?: Maybe<Scalars['String']['output']>;
  /** Regulated or enterprise accounts: support needs a manager to enter. */
  sensitive?: Maybe<Scalars['Boolean']['output']>;
  supportAccess: SupportAccess;
  users: Array<User>;
};


/** A customer workspace: its people, billing and settings. */
export type AccountActivityArgs = {
  first?: Scalars['Int']['input'];
};


/** A customer workspace: its people, billing and settings. */
export type AccountInvoicesArgs = {
  first?: Scalars['Int']['input'];
  status?: InputMaybe<InvoiceStatus>;
};


/** A customer workspace: its people, billing and settings. */
export type AccountUsersArgs = {
  filter?: InputMaybe<UserFilter>;
  orderBy?: InputMaybe<UserOrder>;
};

/** Something created in an account: an invoice, a payment method or an API token. */
export type AccountActivity = ApiToken | Invoice | PaymentMethod;

export type ApiToken = {
  __typename?: 'ApiToken';
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  createdBy: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The token itself, as stored; shown masked. */
  secret?: Maybe<Scalars['String']['output']>;
  state: ApiTokenState;
};

export type ApiTokenState =
  | 'active'
  | 'revoked';

export type ApprovalKind =
  | 'field_access'
  | 'mutation'
  | 'session_start';

/** A request for a second person: to start a session, to run one risky mutation, or to see sensitive fields. */
export type ApprovalRequest = {
  __typename?: 'ApprovalRequest';
  accountId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decidedBy?: Maybe<Scalars['ID']['output']>;
  decisionNote?: Maybe<Scalars['String']['output']>;
  expiresAt: Scalars['DateTime']['output'];
  grantExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  kind: ApprovalKind;
  /** The request as JSON: the mutation and its arguments, the fields, or the session terms. */
  payload?: Maybe<Scalars['String']['output']>;
  reason: Scalars['String']['output'];
  requesterId: Scalars['ID']['output'];
  sessionId?: Maybe<Scalars['ID']['output']>;
  status: ApprovalStatus;
  /** What approving it would do, in one sentence: who asks, the exact effect on the target as it was when asked (each value shown as your policy shows its field: in the session the request was made in as that session shows it, outside sessions in full only to managers, masked to anyone else), where, as whom, the ticket and the reason. */
  summary: Scalars['String']['output'];
  targetUserId: Scalars['ID']['output'];
};

export type ApprovalStatus =
  | 'approved'
  | 'denied'
  | 'expired'
  | 'pending'
  | 'used'
  | 'withdrawn';

/** Whether the audit trail verifies, checked cheaply: from the newest signed checkpoint to the head. Rows before that checkpoint are vouched for by its signature; `npm run audit:verify` walks every row. */
export type AuditChainStatus = {
  __typename?: 'AuditChainStatus';
  /** Each chain checked, in chain order. checkpointSeq, checkpointSignedAt, fromSeq and headSeq above are chain 0’s. */
  chains: Array<AuditChainTail>;
  checkedAt: Scalars['DateTime']['output'];
  /** The row of the signed checkpoint the check started from. */
  checkpointSeq?: Maybe<Scalars['ID']['output']>;
  checkpointSignedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The first row checked. */
  fromSeq: Scalars['ID']['output'];
  /** The newest row. */
  headSeq: Scalars['ID']['output'];
  /** True: it verifies; false: a problem was found; null: too many rows to check here. */
  intact?: Maybe<Scalars['Boolean']['output']>;
  /** Each problem found, in chain order, in a sentence. */
  problems: Array<Scalars['String']['output']>;
  /** Rows checked on every chain. */
  rowsChecked: Scalars['Int']['output'];
  /** The status in one sentence. */
  summary: Scalars['String']['output'];
};

/** One audit chain as the check found it: writers at once spread over several, each verified on its own. */
export type AuditChainTail = {
  __typename?: 'AuditChainTail';
  /** The chain: 0, the one every row was on while there was one, or another. */
  chain: Scalars['Int']['output'];
  /** The row of the signed checkpoint or seal the check of this chain started from. */
  checkpointSeq?: Maybe<Scalars['ID']['output']>;
  checkpointSignedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The first row checked. */
  fromSeq: Scalars['ID']['output'];
  /** The newest row. */
  headSeq: Scalars['ID']['output'];
  rowsChecked: Scalars['Int']['output'];
};

/** One audit record: who did or saw what, when, and a sentence saying so. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  accountId?: Maybe<Scalars['ID']['output']>;
  actorId?: Maybe<Scalars['ID']['output']>;
  actorKind: Scalars['String']['output'];
  actorName?: Maybe<Scalars['String']['output']>;
  dataClass?: Maybe<Scalars['String']['output']>;
  decision?: Maybe<Scalars['String']['output']>;
  /** The event as JSON (values masked by class). */
  details: Scalars['String']['output'];
  hash: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  operation?: Maybe<Scalars['String']['output']>;
  path?: Maybe<Scalars['String']['output']>;
  policyVersion?: Maybe<Scalars['Int']['output']>;
  reason?: Maybe<Scalars['String']['output']>;
  requestId?: Maybe<Scalars['String']['output']>;
  sessionId?: Maybe<Scalars['ID']['output']>;
  summary: Scalars['String']['output'];
  /** The field read or refused (`User.phone`). Empty on a request's shared row for the public or internal fields it was shown: those are in `details.fields`, by field. */
  typeField?: Maybe<Scalars['String']['output']>;
  userId?: Maybe<Scalars['ID']['output']>;
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  edges: Array<AuditEventEdge>;
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  cursor: Scalars['String']['output'];
  node: AuditEvent;
};

export type AuditEventFilter = {
  account?: InputMaybe<Scalars['ID']['input']>;
  /** Staff or customer id of who acted. */
  actor?: InputMaybe<Scalars['ID']['input']>;
  /** e.g. allowed, masked, denied, refused. */
  decisions?: InputMaybe<Array<Scalars['String']['input']>>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** e.g. session_started, field_read, mutation_executed, access_denied. */
  kinds?: InputMaybe<Array<Scalars['String']['input']>>;
  session?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  /** The customer the event concerns. */
  user?: InputMaybe<Scalars['ID']['input']>;
};

/** Audit events as a file, and whether it holds every event that matched. */
export type AuditExport = {
  __typename?: 'AuditExport';
  /** CSV (a header, then one row per event, `details` as JSON) or JSON Lines. A cut export ends with a line saying so. */
  content: Scalars['String']['output'];
  /** How many events it holds. */
  events: Scalars['Int']['output'];
  /** More events matched than `limit`: only the newest are here. */
  truncated: Scalars['Boolean']['output'];
};

export type AuditExportFormat =
  | 'CSV'
  | 'JSONL';

/** Who receives the invoices, and where. */
export type BillingContact = Contact & {
  __typename?: 'BillingContact';
  address?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
};

/** Someone who can be reached: a user, or an account’s billing contact. */
export type Contact = {
  email?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
};

export type DelegateSessionPayload = {
  __typename?: 'DelegateSessionPayload';
  delegation: SessionDelegation;
  /** Give it to the assistant: it sends it as X-Impersonation-Token with its own bearer token. Shown once. */
  token: Scalars['String']['output'];
};

/** A customer as the staff directory shows them: who they are and where, nothing more. */
export type DirectoryEntry = {
  __typename?: 'DirectoryEntry';
  accountId: Scalars['ID']['output'];
  accountName: Scalars['String']['output'];
  name?: Maybe<Scalars['String']['output']>;
  plan: Plan;
  userId: Scalars['ID']['output'];
};

/** A field of the schema, its data class and mask, and what each kind of caller gets under the active policy. */
export type FieldPolicy = {
  __typename?: 'FieldPolicy';
  classification: Scalars['String']['output'];
  customer: Scalars['String']['output'];
  field: Scalars['String']['output'];
  impersonationReadOnly: Scalars['String']['output'];
  impersonationReadWrite: Scalars['String']['output'];
  mask: Scalars['String']['output'];
  staff: Scalars['String']['output'];
};

/** Support acting as a customer: who, as whom, why, and for how long. */
export type ImpersonationSession = {
  __typename?: 'ImpersonationSession';
  accountId: Scalars['ID']['output'];
  agentId: Scalars['ID']['output'];
  approvalRequestId?: Maybe<Scalars['ID']['output']>;
  endReason?: Maybe<Scalars['String']['output']>;
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  idleExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  minutes: Scalars['Int']['output'];
  mode: SessionMode;
  reason: Scalars['String']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: SessionStatus;
  ticket: Scalars['String']['output'];
  userId: Scalars['ID']['output'];
};

export type ImpersonationSessionFilter = {
  account?: InputMaybe<Scalars['ID']['input']>;
  agent?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  user?: InputMaybe<Scalars['ID']['input']>;
};

export type Invoice = {
  __typename?: 'Invoice';
  /** The amount in the smallest unit of the currency. */
  amountCents: Scalars['Int']['output'];
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  issuedOn: Scalars['Date']['output'];
  number: Scalars['String']['output'];
  status: InvoiceStatus;
  /** Percent: 20 means 20%. */
  taxRate: Scalars['Float']['output'];
};

export type InvoiceStatus =
  | 'draft'
  | 'open'
  | 'paid'
  | 'refunded'
  | 'void';

export type Mutation = {
  __typename?: 'Mutation';
  approvePolicyVersion: PolicyVersion;
  approveRequest: ApprovalRequest;
  /** Cancels the account's plan (the owner only). */
  cancelPlan: Account;
  /** Moves the account to another plan (owners, admins and billing contacts). */
  changePlan: Account;
  /** Changes the address a user signs in with: one's own, or a colleague's (owners and admins). */
  changeUserEmail: User;
  /** After a manager approved the start: collect the session token (once). */
  claimImpersonation: StartImpersonationPayload;
  /** Lends your live session to an AI assistant for at most the session's remaining time (or `minutes`, if sooner). */
  delegateSession: DelegateSessionPayload;
  /** Deletes a private note: one you wrote, or any (owners and admins). Its text is erased at once. */
  deletePrivateNote: PrivateNote;
  denyRequest: ApprovalRequest;
  endImpersonation: ImpersonationSession;
  /** The account's invoices as CSV (owners and admins). */
  exportInvoices: Scalars['String']['output'];
  /** Publishes a policy version: in force at once if it only tightens, pending a second security admin if it loosens. One that does both is split: its tightening part goes into force at once as its own version (the basedOn of the pending version returned). */
  publishPolicy: PolicyVersion;
  /** Refunds a paid invoice (owners, admins and billing contacts). */
  refundInvoice: Invoice;
  rejectPolicyVersion: PolicyVersion;
  /** Break-glass: ask a manager to show named sensitive fields in this session. */
  requestFieldAccess: ApprovalRequest;
  /** Ask a manager to approve one exact risky mutation (document and variables) in this session. */
  requestMutationApproval: ApprovalRequest;
  /** Revokes an API token of the account: any (owners and admins), or one you created. */
  revokeApiToken: ApiToken;
  /** Takes a delegated session back from its assistant, at once. Its agent or a support manager may. */
  revokeDelegation: SessionDelegation;
  /** A manager ends another agent's session, with a reason. */
  revokeImpersonation: ImpersonationSession;
  /** Publishes an earlier version again (same rules: loosening waits for approval). */
  rollbackPolicy: PolicyVersion;
  /** Sends a user a link to set a new password: oneself, or a colleague (owners and admins). */
  sendLoginReset: User;
  /** Changes the tax rate of a draft or open invoice (owners, admins and billing contacts). */
  setInvoiceTaxRate: Invoice;
  /** Whether support may enter this account: allow, ask_first or never (owners and admins). */
  setSupportAccess: Account;
  /** Starts a session as a customer, or asks a manager first (then token is null). */
  startImpersonation: StartImpersonationPayload;
  /** Changes the calling customer's own notification settings. */
  updateNotificationSettings: NotificationSettings;
  /** Takes back a pending version you published yourself. */
  withdrawPolicyVersion: PolicyVersion;
};


export type MutationApprovePolicyVersionArgs = {
  note?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationApproveRequestArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationChangePlanArgs = {
  plan: Plan;
};


export type MutationChangeUserEmailArgs = {
  email: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationClaimImpersonationArgs = {
  sessionId: Scalars['ID']['input'];
};


export type MutationDelegateSessionArgs = {
  assistantId: Scalars['ID']['input'];
  minutes?: InputMaybe<Scalars['Int']['input']>;
  sessionId: Scalars['ID']['input'];
};


export type MutationDeletePrivateNoteArgs = {
  noteId: Scalars['ID']['input'];
};


export type MutationDenyRequestArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationEndImpersonationArgs = {
  sessionId: Scalars['ID']['input'];
};


export type MutationPublishPolicyArgs = {
  input: PublishPolicyInput;
};


export type MutationRefundInvoiceArgs = {
  invoiceId: Scalars['ID']['input'];
};


export type MutationRejectPolicyVersionArgs = {
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRequestFieldAccessArgs = {
  input: RequestFieldAccessInput;
};


export type MutationRequestMutationApprovalArgs = {
  input: RequestMutationApprovalInput;
};


export type MutationRevokeApiTokenArgs = {
  tokenId: Scalars['ID']['input'];
};


export type MutationRevokeDelegationArgs = {
  delegationId: Scalars['ID']['input'];
};


export type MutationRevokeImpersonationArgs = {
  reason: Scalars['String']['input'];
  sessionId: Scalars['ID']['input'];
};


export type MutationRollbackPolicyArgs = {
  reason: Scalars['String']['input'];
  toVersion: Scalars['Int']['input'];
};


export type MutationSendLoginResetArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationSetInvoiceTaxRateArgs = {
  input: SetInvoiceTaxRateInput;
};


export type MutationSetSupportAccessArgs = {
  value: SupportAccess;
};


export type MutationStartImpersonationArgs = {
  input: StartImpersonationInput;
};


export type MutationUpdateNotificationSettingsArgs = {
  input: NotificationSettingsInput;
};


export type MutationWithdrawPolicyVersionArgs = {
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};

export type NotificationSettings = {
  __typename?: 'NotificationSettings';
  invoiceEmails?: Maybe<Scalars['Boolean']['output']>;
  productUpdates?: Maybe<Scalars['Boolean']['output']>;
  securityAlerts?: Maybe<Scalars['Boolean']['output']>;
  smsAlerts?: Maybe<Scalars['Boolean']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** The settings to change; leave out the ones to keep. */
export type NotificationSettingsInput = {
  invoiceEmails?: InputMaybe<Scalars['Boolean']['input']>;
  productUpdates?: InputMaybe<Scalars['Boolean']['input']>;
  securityAlerts?: InputMaybe<Scalars['Boolean']['input']>;
  smsAlerts?: InputMaybe<Scalars['Boolean']['input']>;
};

export type PaymentMethod = {
  __typename?: 'PaymentMethod';
  billingAddress?: Maybe<Scalars['String']['output']>;
  brand: Scalars['String']['output'];
  cardNumber?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  expMonth?: Maybe<Scalars['Int']['output']>;
  expYear?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  isDefault: Scalars['Boolean']['output'];
};

export type Plan =
  | 'enterprise'
  | 'free'
  | 'team';

export type PlanStatus =
  /** The plan runs. */
  | 'active'
  /** The plan was cancelled; `plan` says which it was. */
  | 'cancelled';

/** One rule that differs between two policy versions. */
export type PolicyChange = {
  __typename?: 'PolicyChange';
  after: Scalars['String']['output'];
  before: Scalars['String']['output'];
  column?: Maybe<Scalars['String']['output']>;
  direction: Scalars['String']['output'];
  rule: Scalars['String']['output'];
};

/** A draft policy checked as publishing checks it, and what it changes against the version in force; nothing is written. */
export type PolicyPreview = {
  __typename?: 'PolicyPreview';
  /** The version in force the draft is compared with. */
  basedOn: Scalars['Int']['output'];
  /** Each changed rule, labelled loosens or tightens. */
  changes: Array<PolicyChange>;
  outcome: PolicyPublishOutcome;
};

/** What publishing the draft would do. */
export type PolicyPublishOutcome =
  /** It only tightens: in force at once. */
  | 'active'
  /** It loosens: it waits for a second security admin. */
  | 'pending'
  /** Both: the tightening part in force at once, the loosening part waits. */
  | 'split'
  /** Nothing: it is the policy in force. */
  | 'unchanged';

/** A version of the field policy. Version 0 is the first baseline (schema/policy.json) recorded; a deploy that changes the file records the new baseline as a version too. */
export type PolicyVersion = {
  __typename?: 'PolicyVersion';
  basedOn: Scalars['Int']['output'];
  changes: Array<PolicyChange>;
  createdAt: Scalars['DateTime']['output'];
  /** The security admin who published it; null for a baseline recorded from schema/policy.json. */
  createdBy?: Maybe<Scalars['ID']['output']>;
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decidedBy?: Maybe<Scalars['ID']['output']>;
  decisionNote?: Maybe<Scalars['String']['output']>;
  document: Scalars['String']['output'];
  loosens: Scalars['Boolean']['output'];
  reason: Scalars['String']['output'];
  status: PolicyVersionStatus;
  version: Scalars['Int']['output'];
};

export type PolicyVersionStatus =
  | 'active'
  | 'pending'
  | 'rejected'
  | 'superseded'
  | 'withdrawn';

export type PrincipalKind =
  | 'assistant'
  | 'customer'
  | 'staff';

/** Notes the customer keeps for themselves; support should rarely need them. */
export type PrivateNote = {
  __typename?: 'PrivateNote';
  authorId: Scalars['ID']['output'];
  body?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
};

export type PublishPolicyInput = {
  /** The whole policy, as JSON (the format of schema/policy.json). */
  document: Scalars['String']['input'];
  /** Why: kept with the version and in the audit trail. */
  reason: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** Who from support entered the calling customer's account, as which of its users, when, why, and what they changed; newest first. */
  accessHistory: AccessHistoryConnection;
  /** The periodic access review: per agent, sessions, time, accounts entered, approvals and refusals. */
  accessReview: Array<AccessReviewRow>;
  /** The calling customer's own account. */
  account?: Maybe<Account>;
  /** The policy version in force. */
  activePolicy: PolicyVersion;
  /** Requests only the caller may decide, oldest first: the routine writes the assistants they delegated a session to propose. */
  addressedApprovals: Array<ApprovalRequest>;
  /** One request: for its requester, and for managers. */
  approvalRequest?: Maybe<ApprovalRequest>;
  /** Whether the audit trail verifies, from the newest signed checkpoint to the head, and when that was checked. */
  auditChainStatus: AuditChainStatus;
  /** Audit events, newest first, with a plain-language summary each. */
  auditEvents: AuditEventConnection;
  /** A filtered range as CSV or JSON Lines (at most 50000 events, newest first); says whether it was cut short. */
  auditExport: AuditExport;
  /** Staff only: find a customer by their name or their account name. */
  directory: Array<DirectoryEntry>;
  /** Sessions with their timelines, newest first. */
  impersonationSessions: Array<SessionTimeline>;
  /** An invoice of the calling customer's own account; null for any other id. */
  invoice?: Maybe<Invoice>;
  /** The calling customer. */
  me?: Maybe<User>;
  /** The caller's open session (pending, approved or active), if any. */
  myImpersonationSession?: Maybe<ImpersonationSession>;
  /** Requests waiting for a manager, oldest first (those addressed to one person are in their addressedApprovals). */
  pendingApprovals: Array<ApprovalRequest>;
  /** What `to` changes relative to `from`, rule by rule. */
  policyDiff: Array<PolicyChange>;
  /** Every field with its class, mask and decision per kind of caller, under the active policy. */
  policyFields: Array<FieldPolicy>;
  /** Checks a draft policy as publishPolicy would (BAD_USER_INPUT lists every problem, with its line, in extensions.problems) and returns its changes against the version in force, each labelled loosens or tightens. Nothing is written. */
  policyPreview: PolicyPreview;
  /** Versions, newest first, baselines recorded from schema/policy.json included (the first is version 0). */
  policyVersions: Array<PolicyVersion>;
  /** A user of the calling customer’s own account; null for anyone else. */
  user?: Maybe<User>;
  viewer: Viewer;
};


export type QueryAccessHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryAccessReviewArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryAddressedApprovalsArgs = {
  first?: Scalars['Int']['input'];
};


export type QueryApprovalRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  first?: Scalars['Int']['input'];
};


export type QueryAuditExportArgs = {
  filter?: InputMaybe<AuditEventFilter>;
  format: AuditExportFormat;
  limit?: Scalars['Int']['input'];
};


export type QueryDirectoryArgs = {
  first?: Scalars['Int']['input'];
  search: Scalars['String']['input'];
};


export type QueryImpersonationSessionsArgs = {
  filter?: InputMaybe<ImpersonationSessionFilter>;
  first?: Scalars['Int']['input'];
};


export type QueryInvoiceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPendingApprovalsArgs = {
  first?: Scalars['Int']['input'];
};


export type QueryPolicyDiffArgs = {
  from: Scalars['Int']['input'];
  to: Scalars['Int']['input'];
};


export type QueryPolicyPreviewArgs = {
  document: Scalars['String']['input'];
};


export type QueryPolicyVersionsArgs = {
  first?: Scalars['Int']['input'];
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};

export type RequestFieldAccessInput = {
  /** Sensitive fields as Type.field, e.g. User.birthDate. */
  fields: Array<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
};

export type RequestMutationApprovalInput = {
  /** The exact mutation you will send. */
  document: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  /** Its variables as JSON, exactly as you will send them. */
  variables?: InputMaybe<Scalars['String']['input']>;
};

/** An agent lending their live session to an AI assistant: until revoked, lapsed, or the session ends. */
export type SessionDelegation = {
  __typename?: 'SessionDelegation';
  assistantId: Scalars['ID']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  sessionId: Scalars['ID']['output'];
};

export type SessionMode =
  | 'read_only'
  | 'read_write';

export type SessionStatus =
  | 'active'
  | 'approved'
  | 'ended'
  | 'pending_approval'
  | 'refused';

/** An impersonation session from start to end, in words a manager can read. */
export type SessionTimeline = {
  __typename?: 'SessionTimeline';
  accountName: Scalars['String']['output'];
  agentName: Scalars['String']['output'];
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The audit rows the story is told from. */
  events: Array<AuditEvent>;
  reason: Scalars['String']['output'];
  sessionId: Scalars['ID']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: Scalars['String']['output'];
  /** What happened, request by request, in plain words: started, viewed, saw masked, was refused, changed, ended. */
  story: Array<Scalars['String']['output']>;
  ticket: Scalars['String']['output'];
  userName: Scalars['String']['output'];
};

export type SetInvoiceTaxRateInput = {
  invoiceId: Scalars['ID']['input'];
  /** Percent, 0 to 100, at most two decimals. */
  taxRate: Scalars['Float']['input'];
};

export type StartImpersonationInput = {
  /** Default 30; from 15 to 60. */
  minutes?: InputMaybe<Scalars['Int']['input']>;
  /** Default read_only; read_write always needs a manager. */
  mode?: InputMaybe<SessionMode>;
  /** What the customer reported and what you will check. */
  reason: Scalars['String']['input'];
  /** The support ticket, e.g. SUP-1234. */
  ticket: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

export type StartImpersonationPayload = {
  __typename?: 'StartImpersonationPayload';
  approvalRequest?: Maybe<ApprovalRequest>;
  session: ImpersonationSession;
  /** Send as X-Impersonation-Token with your own bearer token. Null while approval is pending. */
  token?: Maybe<Scalars['String']['output']>;
};

/** Whether support staff may enter the account. */
export type SupportAccess =
  /** Support may enter under the normal rules. */
  | 'allow'
  /** A manager must approve each entry. */
  | 'ask_first'
  /** Support may not enter. */
  | 'never';

/** A person in a customer account. */
export type User = Contact & {
  __typename?: 'User';
  accountId: Scalars['ID']['output'];
  birthDate?: Maybe<Scalars['Date']['output']>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  hasPassword?: Maybe<Scalars['Boolean']['output']>;
  id: Scalars['ID']['output'];
  /** When a login reset link was last sent; the link itself is never stored. */
  loginResetSentAt?: Maybe<Scalars['DateTime']['output']>;
  mfaRecoveryCodesRemaining?: Maybe<Scalars['Int']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  nationalId?: Maybe<Scalars['String']['output']>;
  notificationSettings?: Maybe<NotificationSettings>;
  phone?: Maybe<Scalars['String']['output']>;
  role: UserRole;
};

export type UserFilter = {
  /** Exact address, case-insensitive. */
  email?: InputMaybe<Scalars['String']['input']>;
  nameContains?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<UserRole>;
};

export type UserOrder =
  | 'CREATED_AT'
  | 'EMAIL'
  | 'NAME'
  | 'ROLE';

export type UserRole =
  | 'admin'
  | 'billing'
  | 'member'
  | 'owner';

/** Who the gateway thinks is calling: useful for a frontend to check its token. */
export type Viewer = {
  __typename?: 'Viewer';
  accountId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  kind: PrincipalKind;
  name: Scalars['String']['output'];
  /** Staff roles both the token and Warden agree on; empty for customers. */
  roles: Array<Scalars['String']['output']>;
};

/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __Schema = {
  __typename?: '__Schema';
  description?: Maybe<Scalars['String']['output']>;
  /** A list of all types supported by this server. */
  types: Array<__Type>;
  /** The type that query operations will be rooted at. */
  queryType: __Type;
  /** If this server supports mutation, the type that mutation operations will be rooted at. */
  mutationType?: Maybe<__Type>;
  /** If this server support subscription, the type that subscription operations will be rooted at. */
  subscriptionType?: Maybe<__Type>;
  /** A list of all directives supported by this server. */
  directives: Array<__Directive>;
};

/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __Type = {
  __typename?: '__Type';
  kind: __TypeKind;
  name?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  specifiedByURL?: Maybe<Scalars['String']['output']>;
  fields?: Maybe<Array<__Field>>;
  interfaces?: Maybe<Array<__Type>>;
  possibleTypes?: Maybe<Array<__Type>>;
  enumValues?: Maybe<Array<__EnumValue>>;
  inputFields?: Maybe<Array<__InputValue>>;
  ofType?: Maybe<__Type>;
  isOneOf?: Maybe<Scalars['Boolean']['output']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeEnumValuesArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeInputFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An enum describing what kind of type a given `__Type` is. */
export type __TypeKind =
  /** Indicates this type is a scalar. */
  | 'SCALAR'
  /** Indicates this type is an object. `fields` and `interfaces` are valid fields. */
  | 'OBJECT'
  /** Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields. */
  | 'INTERFACE'
  /** Indicates this type is a union. `possibleTypes` is a valid field. */
  | 'UNION'
  /** Indicates this type is an enum. `enumValues` is a valid field. */
  | 'ENUM'
  /** Indicates this type is an input object. `inputFields` is a valid field. */
  | 'INPUT_OBJECT'
  /** Indicates this type is a list. `ofType` is a valid field. */
  | 'LIST'
  /** Indicates this type is a non-null. `ofType` is a valid field. */
  | 'NON_NULL';

/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __Field = {
  __typename?: '__Field';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  args: Array<__InputValue>;
  type: __Type;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __FieldArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value. */
export type __InputValue = {
  __typename?: '__InputValue';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  type: __Type;
  /** A GraphQL-formatted string representing the default value for this input value. */
  defaultValue?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/** One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string. */
export type __EnumValue = {
  __typename?: '__EnumValue';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __Directive = {
  __typename?: '__Directive';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isRepeatable: Scalars['Boolean']['output'];
  locations: Array<__DirectiveLocation>;
  args: Array<__InputValue>;
};


/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __DirectiveArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies. */
export type __DirectiveLocation =
  /** Location adjacent to a query operation. */
  | 'QUERY'
  /** Location adjacent to a mutation operation. */
  | 'MUTATION'
  /** Location adjacent to a subscription operation. */
  | 'SUBSCRIPTION'
  /** Location adjacent to a field. */
  | 'FIELD'
  /** Location adjacent to a fragment definition. */
  | 'FRAGMENT_DEFINITION'
  /** Location adjacent to a fragment spread. */
  | 'FRAGMENT_SPREAD'
  /** Location adjacent to an inline fragment. */
  | 'INLINE_FRAGMENT'
  /** Location adjacent to a variable definition. */
  | 'VARIABLE_DEFINITION'
  /** Location adjacent to a schema definition. */
  | 'SCHEMA'
  /** Location adjacent to a scalar definition. */
  | 'SCALAR'
  /** Location adjacent to an object type definition. */
  | 'OBJECT'
  /** Location adjacent to a field definition. */
  | 'FIELD_DEFINITION'
  /** Location adjacent to an argument definition. */
  | 'ARGUMENT_DEFINITION'
  /** Location adjacent to an interface definition. */
  | 'INTERFACE'
  /** Location adjacent to a union definition. */
  | 'UNION'
  /** Location adjacent to an enum definition. */
  | 'ENUM'
  /** Location adjacent to an enum value definition. */
  | 'ENUM_VALUE'
  /** Location adjacent to an input object type definition. */
  | 'INPUT_OBJECT'
  /** Location adjacent to an input object field definition. */
  | 'INPUT_FIELD_DEFINITION';

export type AppRoleAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type AppRoleAccountQuery = { __typename?: 'Query', account?: { __typename?: 'Account', name: string, users: Array<{ __typename?: 'User', id: string, email?: string | null }>, invoices: Array<{ __typename?: 'Invoice', number: string, taxRate: number }> } | null };

export type AppRoleTaxRateMutationVariables = Exact<{
  input: SetInvoiceTaxRateInput;
}>;


export type AppRoleTaxRateMutation = { __typename?: 'Mutation', setInvoiceTaxRate: { __typename?: 'Invoice', id: string, taxRate: number } };

export type AppRoleAuditEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type AppRoleAuditEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', edges: Array<{ __typename?: 'AuditEventEdge', node: { __typename?: 'AuditEvent', kind: string, summary: string } }> } };

export type AuditStartSessionMutationVariables = Exact<{
  input: StartImpersonationInput;
}>;


export type AuditStartSessionMutation = { __typename?: 'Mutation', startImpersonation: { __typename?: 'StartImpersonationPayload', token?: string | null, session: { __typename?: 'ImpersonationSession', id: string, status: SessionStatus }, approvalRequest?: { __typename?: 'ApprovalRequest', id: string } | null } };

export type AuditApproveStartMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AuditApproveStartMutation = { __typename?: 'Mutation', approveRequest: { __typename?: 'ApprovalRequest', id: string, status: ApprovalStatus } };

export type AuditClaimSessionMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
}>;


export type AuditClaimSessionMutation = { __typename?: 'Mutation', claimImpersonation: { __typename?: 'StartImpersonationPayload', token?: string | null } };

export type AuditEndSessionMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
}>;


export type AuditEndSessionMutation = { __typename?: 'Mutation', endImpersonation: { __typename?: 'ImpersonationSession', id: string, status: SessionStatus } };

export type AuditApiEventsQueryVariables = Exact<{
  filter?: InputMaybe<AuditEventFilter>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditApiEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', hasNextPage: boolean, endCursor?: string | null, edges: Array<{ __typename?: 'AuditEventEdge', cursor: string, node: { __typename?: 'AuditEvent', id: string, occurredAt: string, kind: string, summary: string, actorId?: string | null, userId?: string | null, accountId?: string | null, sessionId?: string | null, typeField?: string | null, decision?: string | null, details: string } }> } };

export type AuditApiSessionsQueryVariables = Exact<{
  agent?: InputMaybe<Scalars['ID']['input']>;
}>;


export type AuditApiSessionsQuery = { __typename?: 'Query', impersonationSessions: Array<{ __typename?: 'SessionTimeline', sessionId: string, agentName: string, userName: string, accountName: string, reason: string, ticket: string, status: string, startedAt?: string | null, endedAt?: string | null, story: Array<string>, events: Array<{ __typename?: 'AuditEvent', kind: string }> }> };

export type AuditApiReviewQueryVariables = Exact<{
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
}>;


export type AuditApiReviewQuery = { __typename?: 'Query', accessReview: Array<{ __typename?: 'AccessReviewRow', agentId: string, agentName: string, sessions: number, accounts: Array<string>, approvalsRequested: number, approvalsGranted: number, refusals: number }> };

export type AuditApiExportQueryVariables = Exact<{
  filter?: InputMaybe<AuditEventFilter>;
  format: AuditExportFormat;
  limit?: Scalars['Int']['input'];
}>;


export type AuditApiExportQuery = { __typename?: 'Query', auditExport: { __typename?: 'AuditExport', content: string, events: number, truncated: boolean } };

export type AuditApiMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditApiMeQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, phone?: string | null, birthDate?: string | null } | null };

export type AuditApiTaxRateMutationVariables = Exact<{
  input: SetInvoiceTaxRateInput;
}>;


export type AuditApiTaxRateMutation = { __typename?: 'Mutation', setInvoiceTaxRate: { __typename?: 'Invoice', id: string } };

export type AuditApiDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditApiDirectoryQuery = { __typename?: 'Query', directory: Array<{ __typename?: 'DirectoryEntry', userId: string }> };

export type AuditApiAccessHistoryQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditApiAccessHistoryQuery = { __typename?: 'Query', accessHistory: { __typename?: 'AccessHistoryConnection', edges: Array<{ __typename?: 'AccessHistoryEdge', node: { __typename?: 'AccessHistoryEntry', sessionId: string, agentName: string } }> } };

export type AuditChainStatusQueryQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditChainStatusQueryQuery = { __typename?: 'Query', auditChainStatus: { __typename?: 'AuditChainStatus', intact?: boolean | null, summary: string, problems: Array<string>, checkpointSeq?: string | null, checkpointSignedAt?: string | null, fromSeq: string, headSeq: string, rowsChecked: number, checkedAt: string } };

export type ChainStatusTrafficQueryVariables = Exact<{ [key: string]: never; }>;


export type ChainStatusTrafficQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', name?: string | null, phone?: string | null }> } | null };

export type ChainsStatusQueryQueryVariables = Exact<{ [key: string]: never; }>;


export type ChainsStatusQueryQuery = { __typename?: 'Query', auditChainStatus: { __typename?: 'AuditChainStatus', intact?: boolean | null, summary: string, rowsChecked: number, chains: Array<{ __typename?: 'AuditChainTail', chain: number, checkpointSeq?: string | null, fromSeq: string, headSeq: string, rowsChecked: number }> } };

export type ChainsAuditEventsQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ChainsAuditEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', hasNextPage: boolean, endCursor?: string | null, edges: Array<{ __typename?: 'AuditEventEdge', cursor: string, node: { __typename?: 'AuditEvent', id: string, summary: string } }> } };

export type AuditLoadPeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditLoadPeopleQuery = { __typename?: 'Query', account?: { __typename?: 'Account', id: string, users: Array<{ __typename?: 'User', id: string, name?: string | null, phone?: string | null }> } | null };

export type AuditLoadDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditLoadDirectoryQuery = { __typename?: 'Query', directory: Array<{ __typename?: 'DirectoryEntry', userId: string, name?: string | null }> };

export type AuditLoadRefusedQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditLoadRefusedQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string } | null };

export type AuditLoadTaxRateMutationVariables = Exact<{
  input: SetInvoiceTaxRateInput;
}>;


export type AuditLoadTaxRateMutation = { __typename?: 'Mutation', setInvoiceTaxRate: { __typename?: 'Invoice', id: string, taxRate: number } };

export type CustomerAuditEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomerAuditEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', hasNextPage: boolean } };

export type CustomerDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomerDirectoryQuery = { __typename?: 'Query', directory: Array<{ __typename?: 'DirectoryEntry', userId: string }> };

export type CustomerStartSessionMutationVariables = Exact<{
  input: StartImpersonationInput;
}>;


export type CustomerStartSessionMutation = { __typename?: 'Mutation', startImpersonation: { __typename?: 'StartImpersonationPayload', token?: string | null } };

export type CustomerTaxRateMutationVariables = Exact<{
  input: SetInvoiceTaxRateInput;
}>;


export type CustomerTaxRateMutation = { __typename?: 'Mutation', setInvoiceTaxRate: { __typename?: 'Invoice', id: string } };

export type CustomerBirthDateQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomerBirthDateQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, birthDate?: string | null } | null };

export type AuditFailPeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditFailPeopleQuery = { __typename?: 'Query', account?: { __typename?: 'Account', id: string, users: Array<{ __typename?: 'User', id: string, name?: string | null, phone?: string | null }> } | null };

export type AuditFailDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditFailDirectoryQuery = { __typename?: 'Query', directory: Array<{ __typename?: 'DirectoryEntry', userId: string, name?: string | null }> };

export type AuditFailTaxRateMutationVariables = Exact<{
  input: SetInvoiceTaxRateInput;
}>;


export type AuditFailTaxRateMutation = { __typename?: 'Mutation', setInvoiceTaxRate: { __typename?: 'Invoice', id: string, taxRate: number } };

export type AuditFailEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditFailEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', edges: Array<{ __typename?: 'AuditEventEdge', node: { __typename?: 'AuditEvent', summary: string } }> } };

export type AuditAccountPeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditAccountPeopleQuery = { __typename?: 'Query', account?: { __typename?: 'Account', id: string, name: string, users: Array<{ __typename?: 'User', id: string, name?: string | null, phone?: string | null, birthDate?: string | null }> } | null };

export type AuditMyPhoneQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditMyPhoneQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, phone?: string | null } | null };

export type AuditDirectoryQueryVariables = Exact<{
  search: Scalars['String']['input'];
}>;


export type AuditDirectoryQuery = { __typename?: 'Query', directory: Array<{ __typename?: 'DirectoryEntry', userId: string, name?: string | null, accountName: string }> };

export type AuditViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', id: string, name: string, roles: Array<string> } };

export type AuditUsersByEmailQueryVariables = Exact<{
  email: Scalars['String']['input'];
}>;


export type AuditUsersByEmailQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> } | null };

export type AuditPeopleAndBillingQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditPeopleAndBillingQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string, phone?: string | null }>, billingContact?: { __typename?: 'BillingContact', name?: string | null, phone?: string | null } | null } | null };

export type AuditManyInvoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditManyInvoicesQuery = { __typename?: 'Query', account?: { __typename?: 'Account', invoices: Array<{ __typename?: 'Invoice', createdAt?: string | null }> } | null };

export type AuditFieldReadEventsQueryVariables = Exact<{
  filter: AuditEventFilter;
}>;


export type AuditFieldReadEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', edges: Array<{ __typename?: 'AuditEventEdge', node: { __typename?: 'AuditEvent', actorId?: string | null, userId?: string | null, sessionId?: string | null, requestId?: string | null, typeField?: string | null, decision?: string | null, details: string } }> } };

export type AuditSchemaTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditSchemaTypesQuery = { __typename?: 'Query', __schema: { __typename?: '__Schema', types: Array<{ __typename?: '__Type', name?: string | null }> } };

export type AuditRootTypenameQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditRootTypenameQuery = { __typename: 'Query' };

export type AuditBirthDatesQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditBirthDatesQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string, birthDate?: string | null }> } | null };

export type AuditTooManyInvoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditTooManyInvoicesQuery = { __typename?: 'Query', account?: { __typename?: 'Account', many: Array<{ __typename?: 'Invoice', id: string }> } | null };

export type AuditDirectoryAccountsQueryVariables = Exact<{
  search: Scalars['String']['input'];
}>;


export type AuditDirectoryAccountsQuery = { __typename?: 'Query', directory: Array<{ __typename?: 'DirectoryEntry', userId: string, accountName: string }>, plansOnly: Array<{ __typename?: 'DirectoryEntry', plan: Plan }> };

export type AuditAccountRolesQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditAccountRolesQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string, role: UserRole }> } | null };

export type RefusalAccessHistoryQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type RefusalAccessHistoryQuery = { __typename?: 'Query', accessHistory: { __typename?: 'AccessHistoryConnection', edges: Array<{ __typename?: 'AccessHistoryEdge', cursor: string }> } };

export type RefusalDirectoryQueryVariables = Exact<{
  search: Scalars['String']['input'];
}>;


export type RefusalDirectoryQuery = { __typename?: 'Query', directory: Array<{ __typename?: 'DirectoryEntry', userId: string }> };

export type AuditDenyTaxRateMutationVariables = Exact<{
  input: SetInvoiceTaxRateInput;
}>;


export type AuditDenyTaxRateMutation = { __typename?: 'Mutation', setInvoiceTaxRate: { __typename?: 'Invoice', id: string } };

export type AuditDenyPersonalIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditDenyPersonalIdsQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, birthDate?: string | null, nationalId?: string | null } | null };

export type AuditDenyEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditDenyEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', hasNextPage: boolean } };

export type StoryBillingQueryVariables = Exact<{ [key: string]: never; }>;


export type StoryBillingQuery = { __typename?: 'Query', account?: { __typename?: 'Account', name: string, plan: Plan, invoices: Array<{ __typename?: 'Invoice', number: string, status: InvoiceStatus, taxRate: number }>, paymentMethods: Array<{ __typename?: 'PaymentMethod', brand: string, cardNumber?: string | null }> } | null };

export type StoryPeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type StoryPeopleQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', name?: string | null, email?: string | null }> } | null };

export type StoryBirthDateQueryVariables = Exact<{ [key: string]: never; }>;


export type StoryBirthDateQuery = { __typename?: 'Query', me?: { __typename?: 'User', birthDate?: string | null } | null };

export type StoryUsersByEmailQueryVariables = Exact<{
  email: Scalars['String']['input'];
}>;


export type StoryUsersByEmailQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> } | null };

export type StoryTimelineQueryVariables = Exact<{
  agent?: InputMaybe<Scalars['ID']['input']>;
}>;


export type StoryTimelineQuery = { __typename?: 'Query', impersonationSessions: Array<{ __typename?: 'SessionTimeline', sessionId: string, story: Array<string>, events: Array<{ __typename?: 'AuditEvent', kind: string, typeField?: string | null, details: string }> }> };

export type StreamPeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type StreamPeopleQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', name?: string | null, email?: string | null }> } | null };

export type StreamUsersByEmailQueryVariables = Exact<{
  email: Scalars['String']['input'];
}>;


export type StreamUsersByEmailQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> } | null };

export type AuditTamperPeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditTamperPeopleQuery = { __typename?: 'Query', account?: { __typename?: 'Account', id: string, users: Array<{ __typename?: 'User', id: string, name?: string | null, phone?: string | null }> } | null };

export type AuditTamperTaxRateMutationVariables = Exact<{
  input: SetInvoiceTaxRateInput;
}>;


export type AuditTamperTaxRateMutation = { __typename?: 'Mutation', setInvoiceTaxRate: { __typename?: 'Invoice', id: string, taxRate: number } };

export type VerifyCliPeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type VerifyCliPeopleQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string, phone?: string | null }> } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', id: string, kind: PrincipalKind, name: string, roles: Array<string>, accountId?: string | null } };

export type ColleaguesPrivateDataQueryVariables = Exact<{ [key: string]: never; }>;


export type ColleaguesPrivateDataQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string, birthDate?: string | null, nationalId?: string | null }>, privateNotes: Array<{ __typename?: 'PrivateNote', id: string, body?: string | null }> } | null };

export type ColleagueByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ColleagueByIdQuery = { __typename?: 'Query', user?: { __typename?: 'User', id: string, birthDate?: string | null } | null };

export type OwnAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type OwnAccountQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, name?: string | null } | null, account?: { __typename?: 'Account', id: string, name: string, users: Array<{ __typename?: 'User', id: string }>, invoices: Array<{ __typename?: 'Invoice', id: string }>, paymentMethods: Array<{ __typename?: 'PaymentMethod', id: string }>, apiTokens: Array<{ __typename?: 'ApiToken', id: string }>, privateNotes: Array<{ __typename?: 'PrivateNote', id: string }> } | null };

export type InvoiceByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InvoiceByIdQuery = { __typename?: 'Query', invoice?: { __typename?: 'Invoice', id: string, number: string } | null };

export type UserByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UserByIdQuery = { __typename?: 'Query', user?: { __typename?: 'User', id: string, name?: string | null } | null };

export type StaffDirectoryQueryVariables = Exact<{
  search: Scalars['String']['input'];
}>;


export type StaffDirectoryQuery = { __typename?: 'Query', directory: Array<{ __typename?: 'DirectoryEntry', userId: string, name?: string | null, accountName: string, plan: Plan }> };

export type SomethingSecretQueryVariables = Exact<{ [key: string]: never; }>;


export type SomethingSecretQuery = { __typename?: 'Query', account?: { __typename?: 'Account', apiTokens: Array<{ __typename?: 'ApiToken', secret?: string | null }> } | null };

export type IdentityMeQueryVariables = Exact<{ [key: string]: never; }>;


export type IdentityMeQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, name?: string | null } | null };

export type IdentityViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type IdentityViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', kind: PrincipalKind, id: string } };

export type SetTaxRateMutationVariables = Exact<{
  input: SetInvoiceTaxRateInput;
}>;


export type SetTaxRateMutation = { __typename?: 'Mutation', setInvoiceTaxRate: { __typename?: 'Invoice', id: string, taxRate: number } };

export type UpdateNotificationsMutationVariables = Exact<{
  input: NotificationSettingsInput;
}>;


export type UpdateNotificationsMutation = { __typename?: 'Mutation', updateNotificationSettings: { __typename?: 'NotificationSettings', smsAlerts?: boolean | null, productUpdates?: boolean | null } };

export type RiskyOwnNotesQueryVariables = Exact<{ [key: string]: never; }>;


export type RiskyOwnNotesQuery = { __typename?: 'Query', account?: { __typename?: 'Account', privateNotes: Array<{ __typename?: 'PrivateNote', id: string }> } | null };

export type EveryUserFieldQueryVariables = Exact<{ [key: string]: never; }>;


export type EveryUserFieldQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string, accountId: string, name?: string | null, email?: string | null, phone?: string | null, role: UserRole, birthDate?: string | null, nationalId?: string | null, hasPassword?: boolean | null, mfaRecoveryCodesRemaining?: number | null, createdAt?: string | null, notificationSettings?: { __typename?: 'NotificationSettings', invoiceEmails?: boolean | null, securityAlerts?: boolean | null, productUpdates?: boolean | null, smsAlerts?: boolean | null, updatedAt?: string | null } | null }> } | null };

export type WellFormedDirectoryQueryVariables = Exact<{
  search: Scalars['String']['input'];
}>;


export type WellFormedDirectoryQuery = { __typename?: 'Query', directory: Array<{ __typename?: 'DirectoryEntry', userId: string, name?: string | null }> };

export type WellFormedStartMutationVariables = Exact<{
  input: StartImpersonationInput;
}>;


export type WellFormedStartMutation = { __typename?: 'Mutation', startImpersonation: { __typename?: 'StartImpersonationPayload', token?: string | null, session: { __typename?: 'ImpersonationSession', id: string } } };

export type ImpApprovalSummaryQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ImpApprovalSummaryQuery = { __typename?: 'Query', approvalRequest?: { __typename?: 'ApprovalRequest', id: string, summary: string, payload?: string | null } | null };

export type ImpEffectsTaxThenRefundMutationVariables = Exact<{
  input: SetInvoiceTaxRateInput;
  invoiceId: Scalars['ID']['input'];
}>;


export type ImpEffectsTaxThenRefundMutation = { __typename?: 'Mutation', setInvoiceTaxRate: { __typename?: 'Invoice', id: string }, refundInvoice: { __typename?: 'Invoice', id: string } };

export type ImpApprovalRequestQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ImpApprovalRequestQuery = { __typename?: 'Query', approvalRequest?: { __typename?: 'ApprovalRequest', id: string, kind: ApprovalKind, status: ApprovalStatus, requesterId: string, decidedBy?: string | null, decisionNote?: string | null, reason: string, summary: string } | null };

export type OwnHistoryQueryVariables = Exact<{ [key: string]: never; }>;


export type OwnHistoryQuery = { __typename?: 'Query', accessHistory: { __typename?: 'AccessHistoryConnection', edges: Array<{ __typename?: 'AccessHistoryEdge', node: { __typename?: 'AccessHistoryEntry', sessionId: string, agentName: string, summary: string } }> } };

export type OwnTimelineQueryVariables = Exact<{
  agent?: InputMaybe<Scalars['ID']['input']>;
}>;


export type OwnTimelineQuery = { __typename?: 'Query', impersonationSessions: Array<{ __typename?: 'SessionTimeline', sessionId: string, agentName: string, story: Array<string> }> };

export type AstRevokeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AstRevokeMutation = { __typename?: 'Mutation', revokeDelegation: { __typename?: 'SessionDelegation', id: string, revokedAt?: string | null } };

export type AstAddressedQueryVariables = Exact<{ [key: string]: never; }>;


export type AstAddressedQuery = { __typename?: 'Query', addressedApprovals: Array<{ __typename?: 'ApprovalRequest', id: string, requesterId: string }> };

export type AstViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type AstViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', id: string, kind: PrincipalKind, name: string, roles: Array<string> } };

export type ImpAccessHistoryQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ImpAccessHistoryQuery = { __typename?: 'Query', accessHistory: { __typename?: 'AccessHistoryConnection', edges: Array<{ __typename?: 'AccessHistoryEdge', cursor: string, node: { __typename?: 'AccessHistoryEntry', sessionId: string, agentName: string, userId: string, userName?: string | null, reason: string, ticket: string, mode: string, startedAt: string, endedAt?: string | null, endReason?: string | null, howItEnded?: string | null, minutes?: number | null, changes: Array<string>, summary: string } }>, pageInfo: { __typename?: 'AccessHistoryPageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ImpRefundViaFragmentMutationVariables = Exact<{
  invoiceId: Scalars['ID']['input'];
}>;


export type ImpRefundViaFragmentMutation = { __typename?: 'Mutation', again: { __typename?: 'Invoice', id: string, status: InvoiceStatus } };

export type ImpRefundItFragment = { __typename?: 'Mutation', again: { __typename?: 'Invoice', id: string, status: InvoiceStatus } };

export type ImpRefundInlineMutationVariables = Exact<{ [key: string]: never; }>;


export type ImpRefundInlineMutation = { __typename?: 'Mutation', refundInvoice: { __typename?: 'Invoice', id: string, status: InvoiceStatus } };

export type ImpTaxThenRefundMutationVariables = Exact<{
  input: SetInvoiceTaxRateInput;
  invoiceId: Scalars['ID']['input'];
}>;


export type ImpTaxThenRefundMutation = { __typename?: 'Mutation', setInvoiceTaxRate: { __typename?: 'Invoice', id: string }, refundInvoice: { __typename?: 'Invoice', id: string } };

export type ImpRefundWithDefaultMutationVariables = Exact<{
  id?: Scalars['ID']['input'];
}>;


export type ImpRefundWithDefaultMutation = { __typename?: 'Mutation', refundInvoice: { __typename?: 'Invoice', id: string, status: InvoiceStatus } };

export type ImpRefundTwoMutationVariables = Exact<{
  a: Scalars['ID']['input'];
  b: Scalars['ID']['input'];
}>;


export type ImpRefundTwoMutation = { __typename?: 'Mutation', x: { __typename?: 'Invoice', id: string, status: InvoiceStatus }, y: { __typename?: 'Invoice', id: string, status: InvoiceStatus } };

export type ImpExportBesideBrokenRefundMutationVariables = Exact<{
  v?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ImpExportBesideBrokenRefundMutation = { __typename?: 'Mutation', exportInvoices: string, z?: { __typename?: 'Invoice', id: string } };

export type ImpRefundBesideBrokenRefundMutationVariables = Exact<{
  invoiceId: Scalars['ID']['input'];
  v?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ImpRefundBesideBrokenRefundMutation = { __typename?: 'Mutation', refundInvoice: { __typename?: 'Invoice', id: string, status: InvoiceStatus }, z?: { __typename?: 'Invoice', id: string } };

export type ImpOptOutBesideBrokenRefundMutationVariables = Exact<{
  v?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ImpOptOutBesideBrokenRefundMutation = { __typename?: 'Mutation', setSupportAccess: { __typename?: 'Account', supportAccess: SupportAccess }, z: { __typename?: 'Invoice', id: string } };

export type ImpStartMutationVariables = Exact<{
  input: StartImpersonationInput;
}>;


export type ImpStartMutation = { __typename?: 'Mutation', startImpersonation: { __typename?: 'StartImpersonationPayload', token?: string | null, session: { __typename?: 'ImpersonationSession', id: string, status: SessionStatus, mode: SessionMode, minutes: number, expiresAt?: string | null }, approvalRequest?: { __typename?: 'ApprovalRequest', id: string, status: ApprovalStatus, kind: ApprovalKind } | null } };

export type ImpClaimMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
}>;


export type ImpClaimMutation = { __typename?: 'Mutation', claimImpersonation: { __typename?: 'StartImpersonationPayload', token?: string | null, session: { __typename?: 'ImpersonationSession', id: string, status: SessionStatus, expiresAt?: string | null } } };

export type ImpEndMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
}>;


export type ImpEndMutation = { __typename?: 'Mutation', endImpersonation: { __typename?: 'ImpersonationSession', id: string, status: SessionStatus, endReason?: string | null } };

export type ImpMineQueryVariables = Exact<{ [key: string]: never; }>;


export type ImpMineQuery = { __typename?: 'Query', myImpersonationSession?: { __typename?: 'ImpersonationSession', id: string, status: SessionStatus } | null };

export type ImpRevokeMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type ImpRevokeMutation = { __typename?: 'Mutation', revokeImpersonation: { __typename?: 'ImpersonationSession', id: string, status: SessionStatus, endReason?: string | null } };

export type ImpApproveMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type ImpApproveMutation = { __typename?: 'Mutation', approveRequest: { __typename?: 'ApprovalRequest', id: string, status: ApprovalStatus, decidedBy?: string | null, grantExpiresAt?: string | null } };

export type ImpDenyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type ImpDenyMutation = { __typename?: 'Mutation', denyRequest: { __typename?: 'ApprovalRequest', id: string, status: ApprovalStatus, decidedBy?: string | null, decisionNote?: string | null } };

export type ImpPendingQueryVariables = Exact<{ [key: string]: never; }>;


export type ImpPendingQuery = { __typename?: 'Query', pendingApprovals: Array<{ __typename?: 'ApprovalRequest', id: string, kind: ApprovalKind, status: ApprovalStatus, requesterId: string, targetUserId: string, sessionId?: string | null, summary: string }> };

export type ImpMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ImpMeQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, name?: string | null, email?: string | null } | null };

export type ImpMeBirthDateQueryVariables = Exact<{ [key: string]: never; }>;


export type ImpMeBirthDateQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, birthDate?: string | null } | null };

export type ImpSetTaxRateMutationVariables = Exact<{
  input: SetInvoiceTaxRateInput;
}>;


export type ImpSetTaxRateMutation = { __typename?: 'Mutation', setInvoiceTaxRate: { __typename?: 'Invoice', id: string, taxRate: number } };

export type ImpDelegateMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
  assistantId: Scalars['ID']['input'];
  minutes?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ImpDelegateMutation = { __typename?: 'Mutation', delegateSession: { __typename?: 'DelegateSessionPayload', token: string, delegation: { __typename?: 'SessionDelegation', id: string, sessionId: string, assistantId: string, expiresAt: string } } };

export type ImpRefundMutationVariables = Exact<{
  invoiceId: Scalars['ID']['input'];
}>;


export type ImpRefundMutation = { __typename?: 'Mutation', refundInvoice: { __typename?: 'Invoice', id: string, status: InvoiceStatus } };

export type ImpExportMutationVariables = Exact<{ [key: string]: never; }>;


export type ImpExportMutation = { __typename?: 'Mutation', exportInvoices: string };

export type ImpUpdateNotificationsMutationVariables = Exact<{
  input: NotificationSettingsInput;
}>;


export type ImpUpdateNotificationsMutation = { __typename?: 'Mutation', updateNotificationSettings: { __typename?: 'NotificationSettings', smsAlerts?: boolean | null } };

export type ImpSetSupportAccessMutationVariables = Exact<{
  value: SupportAccess;
}>;


export type ImpSetSupportAccessMutation = { __typename?: 'Mutation', setSupportAccess: { __typename?: 'Account', id: string, supportAccess: SupportAccess } };

export type ImpRequestMutationMutationVariables = Exact<{
  input: RequestMutationApprovalInput;
}>;


export type ImpRequestMutationMutation = { __typename?: 'Mutation', requestMutationApproval: { __typename?: 'ApprovalRequest', id: string, kind: ApprovalKind, status: ApprovalStatus, sessionId?: string | null } };

export type ImpRequestFieldsMutationVariables = Exact<{
  input: RequestFieldAccessInput;
}>;


export type ImpRequestFieldsMutation = { __typename?: 'Mutation', requestFieldAccess: { __typename?: 'ApprovalRequest', id: string, kind: ApprovalKind, status: ApprovalStatus, sessionId?: string | null } };

export type ImpPublishPolicyMutationVariables = Exact<{
  input: PublishPolicyInput;
}>;


export type ImpPublishPolicyMutation = { __typename?: 'Mutation', publishPolicy: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus } };

export type ImpApprovePolicyMutationVariables = Exact<{
  version: Scalars['Int']['input'];
}>;


export type ImpApprovePolicyMutation = { __typename?: 'Mutation', approvePolicyVersion: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus } };

export type UsersByEmailQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersByEmailQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> } | null };

export type UsersOrderedByEmailQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersOrderedByEmailQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> } | null };

export type UsersByEmailVariableQueryVariables = Exact<{
  email?: InputMaybe<Scalars['String']['input']>;
}>;


export type UsersByEmailVariableQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> } | null };

export type UsersByFilterVariableQueryVariables = Exact<{
  filter?: InputMaybe<UserFilter>;
}>;


export type UsersByFilterVariableQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> } | null };

export type UsersOrderedByQueryVariables = Exact<{
  orderBy?: InputMaybe<UserOrder>;
}>;


export type UsersOrderedByQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> } | null };

export type UsersByDefaultEmailQueryVariables = Exact<{
  email?: InputMaybe<Scalars['String']['input']>;
}>;


export type UsersByDefaultEmailQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> } | null };

export type UsersByDefaultOrderQueryVariables = Exact<{
  orderBy?: InputMaybe<UserOrder>;
}>;


export type UsersByDefaultOrderQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> } | null };

export type UsersByEmailFieldsFragment = { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> };

export type UsersByEmailInFragmentQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersByEmailInFragmentQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> } | null };

export type UsersByRoleQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersByRoleQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string, role: UserRole }> } | null };

export type UsersByNameQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersByNameQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string, name?: string | null }> } | null };

export type AllUsersQueryVariables = Exact<{ [key: string]: never; }>;


export type AllUsersQuery = { __typename?: 'Query', account?: { __typename?: 'Account', users: Array<{ __typename?: 'User', id: string }> } | null };

export type CanaryPublishPolicyMutationVariables = Exact<{
  input: PublishPolicyInput;
}>;


export type CanaryPublishPolicyMutation = { __typename?: 'Mutation', publishPolicy: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus } };

export type CanaryNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type CanaryNamesQuery = { __typename?: 'Query', me?: { __typename?: 'User', name?: string | null } | null, account?: { __typename?: 'Account', billingContact?: { __typename?: 'BillingContact', name?: string | null } | null, users: Array<{ __typename?: 'User', id: string, name?: string | null }> } | null };

export type AdminActivePolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminActivePolicyQuery = { __typename?: 'Query', activePolicy: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus, basedOn: number, createdBy?: string | null, document: string } };

export type AdminPolicyFieldsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminPolicyFieldsQuery = { __typename?: 'Query', policyFields: Array<{ __typename?: 'FieldPolicy', field: string, classification: string, mask: string, customer: string, staff: string, impersonationReadOnly: string, impersonationReadWrite: string }> };

export type AdminPolicyVersionsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminPolicyVersionsQuery = { __typename?: 'Query', policyVersions: Array<{ __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus }> };

export type AdminPolicyDiffQueryVariables = Exact<{
  from: Scalars['Int']['input'];
  to: Scalars['Int']['input'];
}>;


export type AdminPolicyDiffQuery = { __typename?: 'Query', policyDiff: Array<{ __typename?: 'PolicyChange', rule: string, column?: string | null, before: string, after: string, direction: string }> };

export type AdminPublishPolicyMutationVariables = Exact<{
  input: PublishPolicyInput;
}>;


export type AdminPublishPolicyMutation = { __typename?: 'Mutation', publishPolicy: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus, basedOn: number, loosens: boolean, reason: string, createdBy?: string | null, changes: Array<{ __typename?: 'PolicyChange', rule: string, column?: string | null, before: string, after: string, direction: string }> } };

export type AdminApprovePolicyMutationVariables = Exact<{
  version: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminApprovePolicyMutation = { __typename?: 'Mutation', approvePolicyVersion: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus, decidedBy?: string | null, decisionNote?: string | null } };

export type AdminRejectPolicyMutationVariables = Exact<{
  version: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
}>;


export type AdminRejectPolicyMutation = { __typename?: 'Mutation', rejectPolicyVersion: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus, decidedBy?: string | null, decisionNote?: string | null } };

export type AdminWithdrawPolicyMutationVariables = Exact<{
  version: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
}>;


export type AdminWithdrawPolicyMutation = { __typename?: 'Mutation', withdrawPolicyVersion: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus, decidedBy?: string | null, decisionNote?: string | null } };

export type AdminRollbackPolicyMutationVariables = Exact<{
  toVersion: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
}>;


export type AdminRollbackPolicyMutation = { __typename?: 'Mutation', rollbackPolicy: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus, basedOn: number, loosens: boolean, reason: string, document: string } };

export type AdminCustomerEmailQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminCustomerEmailQuery = { __typename?: 'Query', me?: { __typename?: 'User', email?: string | null } | null };

export type AdminImpersonatedBirthDateQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminImpersonatedBirthDateQuery = { __typename?: 'Query', me?: { __typename?: 'User', birthDate?: string | null } | null };

export type AdminImpersonatedNationalIdQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminImpersonatedNationalIdQuery = { __typename?: 'Query', me?: { __typename?: 'User', nationalId?: string | null } | null };

export type BaselineDiffQueryVariables = Exact<{
  from: Scalars['Int']['input'];
  to: Scalars['Int']['input'];
}>;


export type BaselineDiffQuery = { __typename?: 'Query', policyDiff: Array<{ __typename?: 'PolicyChange', rule: string, column?: string | null, before: string, after: string }> };

export type BaselineVersionsQueryVariables = Exact<{ [key: string]: never; }>;


export type BaselineVersionsQuery = { __typename?: 'Query', policyVersions: Array<{ __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus, createdBy?: string | null, reason: string }> };

export type BaselineMeQueryVariables = Exact<{ [key: string]: never; }>;


export type BaselineMeQuery = { __typename?: 'Query', me?: { __typename?: 'User', email?: string | null } | null };

export type BaselineBirthDateQueryVariables = Exact<{ [key: string]: never; }>;


export type BaselineBirthDateQuery = { __typename?: 'Query', me?: { __typename?: 'User', birthDate?: string | null } | null };

export type BaselinePublishMutationVariables = Exact<{
  input: PublishPolicyInput;
}>;


export type BaselinePublishMutation = { __typename?: 'Mutation', publishPolicy: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus } };

export type BaselineApproveMutationVariables = Exact<{
  version: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type BaselineApproveMutation = { __typename?: 'Mutation', approvePolicyVersion: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus, decidedBy?: string | null } };

export type InstancePublishPolicyMutationVariables = Exact<{
  input: PublishPolicyInput;
}>;


export type InstancePublishPolicyMutation = { __typename?: 'Mutation', publishPolicy: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus } };

export type InstanceApprovePolicyMutationVariables = Exact<{
  version: Scalars['Int']['input'];
}>;


export type InstanceApprovePolicyMutation = { __typename?: 'Mutation', approvePolicyVersion: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus } };

export type InstanceCustomerEmailQueryVariables = Exact<{ [key: string]: never; }>;


export type InstanceCustomerEmailQuery = { __typename?: 'Query', me?: { __typename?: 'User', email?: string | null } | null };

export type PreviewPolicyQueryVariables = Exact<{
  document: Scalars['String']['input'];
}>;


export type PreviewPolicyQuery = { __typename?: 'Query', policyPreview: { __typename?: 'PolicyPreview', basedOn: number, outcome: PolicyPublishOutcome, changes: Array<{ __typename?: 'PolicyChange', rule: string, column?: string | null, before: string, after: string, direction: string }> } };

export type PreviewPublishMutationVariables = Exact<{
  input: PublishPolicyInput;
}>;


export type PreviewPublishMutation = { __typename?: 'Mutation', publishPolicy: { __typename?: 'PolicyVersion', version: number } };

export type RiskyChangeEmailMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
  email: Scalars['String']['input'];
}>;


export type RiskyChangeEmailMutation = { __typename?: 'Mutation', changeUserEmail: { __typename?: 'User', id: string, email?: string | null } };

export type RiskySendLoginResetMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
}>;


export type RiskySendLoginResetMutation = { __typename?: 'Mutation', sendLoginReset: { __typename?: 'User', id: string, loginResetSentAt?: string | null } };

export type RiskyChangePlanMutationVariables = Exact<{
  plan: Plan;
}>;


export type RiskyChangePlanMutation = { __typename?: 'Mutation', changePlan: { __typename?: 'Account', id: string, plan: Plan, planStatus: PlanStatus } };

export type RiskyCancelPlanMutationVariables = Exact<{ [key: string]: never; }>;


export type RiskyCancelPlanMutation = { __typename?: 'Mutation', cancelPlan: { __typename?: 'Account', id: string, plan: Plan, planStatus: PlanStatus } };

export type RiskyRevokeTokenMutationVariables = Exact<{
  tokenId: Scalars['ID']['input'];
}>;


export type RiskyRevokeTokenMutation = { __typename?: 'Mutation', revokeApiToken: { __typename?: 'ApiToken', id: string, state: ApiTokenState, revokedAt?: string | null } };

export type RiskyDeleteNoteMutationVariables = Exact<{
  noteId: Scalars['ID']['input'];
}>;


export type RiskyDeleteNoteMutation = { __typename?: 'Mutation', deletePrivateNote: { __typename?: 'PrivateNote', id: string } };

export const ImpRefundItFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImpRefundIt"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Mutation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"again"},"name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ImpRefundItFragment, unknown>;
export const UsersByEmailFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UsersByEmailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"StringValue","value":"jane.doe@acme.example","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<UsersByEmailFieldsFragment, unknown>;
export const AppRoleAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AppRoleAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"taxRate"}}]}}]}}]}}]} as unknown as DocumentNode<AppRoleAccountQuery, AppRoleAccountQueryVariables>;
export const AppRoleTaxRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AppRoleTaxRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetInvoiceTaxRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setInvoiceTaxRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taxRate"}}]}}]}}]} as unknown as DocumentNode<AppRoleTaxRateMutation, AppRoleTaxRateMutationVariables>;
export const AppRoleAuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AppRoleAuditEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"mutation_executed","block":false}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AppRoleAuditEventsQuery, AppRoleAuditEventsQueryVariables>;
export const AuditStartSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditStartSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartImpersonationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startImpersonation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"approvalRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AuditStartSessionMutation, AuditStartSessionMutationVariables>;
export const AuditApproveStartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditApproveStart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"StringValue","value":"Checked the ticket","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AuditApproveStartMutation, AuditApproveStartMutationVariables>;
export const AuditClaimSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditClaimSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimImpersonation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<AuditClaimSessionMutation, AuditClaimSessionMutationVariables>;
export const AuditEndSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditEndSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endImpersonation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AuditEndSessionMutation, AuditEndSessionMutationVariables>;
export const AuditApiEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditApiEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"typeField"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<AuditApiEventsQuery, AuditApiEventsQueryVariables>;
export const AuditApiSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditApiSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agent"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impersonationSessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"agent"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agent"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"userName"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"ticket"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"story"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<AuditApiSessionsQuery, AuditApiSessionsQueryVariables>;
export const AuditApiReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditApiReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"}},{"kind":"Field","name":{"kind":"Name","value":"approvalsRequested"}},{"kind":"Field","name":{"kind":"Name","value":"approvalsGranted"}},{"kind":"Field","name":{"kind":"Name","value":"refusals"}}]}}]}}]} as unknown as DocumentNode<AuditApiReviewQuery, AuditApiReviewQueryVariables>;
export const AuditApiExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditApiExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditExportFormat"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"10000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}}]}}]}}]} as unknown as DocumentNode<AuditApiExportQuery, AuditApiExportQueryVariables>;
export const AuditApiMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditApiMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]} as unknown as DocumentNode<AuditApiMeQuery, AuditApiMeQueryVariables>;
export const AuditApiTaxRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditApiTaxRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetInvoiceTaxRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setInvoiceTaxRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AuditApiTaxRateMutation, AuditApiTaxRateMutationVariables>;
export const AuditApiDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditApiDirectory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"StringValue","value":"Acme","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]} as unknown as DocumentNode<AuditApiDirectoryQuery, AuditApiDirectoryQueryVariables>;
export const AuditApiAccessHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditApiAccessHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditApiAccessHistoryQuery, AuditApiAccessHistoryQueryVariables>;
export const AuditChainStatusQueryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditChainStatusQuery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditChainStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intact"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"problems"}},{"kind":"Field","name":{"kind":"Name","value":"checkpointSeq"}},{"kind":"Field","name":{"kind":"Name","value":"checkpointSignedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromSeq"}},{"kind":"Field","name":{"kind":"Name","value":"headSeq"}},{"kind":"Field","name":{"kind":"Name","value":"rowsChecked"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}}]}}]}}]} as unknown as DocumentNode<AuditChainStatusQueryQuery, AuditChainStatusQueryQueryVariables>;
export const ChainStatusTrafficDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChainStatusTraffic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]}}]} as unknown as DocumentNode<ChainStatusTrafficQuery, ChainStatusTrafficQueryVariables>;
export const ChainsStatusQueryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChainsStatusQuery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditChainStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intact"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"rowsChecked"}},{"kind":"Field","name":{"kind":"Name","value":"chains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chain"}},{"kind":"Field","name":{"kind":"Name","value":"checkpointSeq"}},{"kind":"Field","name":{"kind":"Name","value":"fromSeq"}},{"kind":"Field","name":{"kind":"Name","value":"headSeq"}},{"kind":"Field","name":{"kind":"Name","value":"rowsChecked"}}]}}]}}]}}]} as unknown as DocumentNode<ChainsStatusQueryQuery, ChainsStatusQueryQueryVariables>;
export const ChainsAuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChainsAuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"actor"},"value":{"kind":"StringValue","value":"stf_chains","block":false}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<ChainsAuditEventsQuery, ChainsAuditEventsQueryVariables>;
export const AuditLoadPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLoadPeople"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLoadPeopleQuery, AuditLoadPeopleQueryVariables>;
export const AuditLoadDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLoadDirectory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"StringValue","value":"Acme","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AuditLoadDirectoryQuery, AuditLoadDirectoryQueryVariables>;
export const AuditLoadRefusedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLoadRefused"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AuditLoadRefusedQuery, AuditLoadRefusedQueryVariables>;
export const AuditLoadTaxRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditLoadTaxRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetInvoiceTaxRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setInvoiceTaxRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taxRate"}}]}}]}}]} as unknown as DocumentNode<AuditLoadTaxRateMutation, AuditLoadTaxRateMutationVariables>;
export const CustomerAuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerAuditEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]} as unknown as DocumentNode<CustomerAuditEventsQuery, CustomerAuditEventsQueryVariables>;
export const CustomerDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerDirectory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"StringValue","value":"Acme","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]} as unknown as DocumentNode<CustomerDirectoryQuery, CustomerDirectoryQueryVariables>;
export const CustomerStartSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CustomerStartSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartImpersonationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startImpersonation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<CustomerStartSessionMutation, CustomerStartSessionMutationVariables>;
export const CustomerTaxRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CustomerTaxRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetInvoiceTaxRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setInvoiceTaxRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CustomerTaxRateMutation, CustomerTaxRateMutationVariables>;
export const CustomerBirthDateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerBirthDate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]} as unknown as DocumentNode<CustomerBirthDateQuery, CustomerBirthDateQueryVariables>;
export const AuditFailPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditFailPeople"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]}}]} as unknown as DocumentNode<AuditFailPeopleQuery, AuditFailPeopleQueryVariables>;
export const AuditFailDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditFailDirectory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"StringValue","value":"Acme","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AuditFailDirectoryQuery, AuditFailDirectoryQueryVariables>;
export const AuditFailTaxRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditFailTaxRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetInvoiceTaxRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setInvoiceTaxRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taxRate"}}]}}]}}]} as unknown as DocumentNode<AuditFailTaxRateMutation, AuditFailTaxRateMutationVariables>;
export const AuditFailEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditFailEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditFailEventsQuery, AuditFailEventsQueryVariables>;
export const AuditAccountPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditAccountPeople"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]}}]} as unknown as DocumentNode<AuditAccountPeopleQuery, AuditAccountPeopleQueryVariables>;
export const AuditMyPhoneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditMyPhone"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]} as unknown as DocumentNode<AuditMyPhoneQuery, AuditMyPhoneQueryVariables>;
export const AuditDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditDirectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}}]}}]}}]} as unknown as DocumentNode<AuditDirectoryQuery, AuditDirectoryQueryVariables>;
export const AuditViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<AuditViewerQuery, AuditViewerQueryVariables>;
export const AuditUsersByEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditUsersByEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AuditUsersByEmailQuery, AuditUsersByEmailQueryVariables>;
export const AuditPeopleAndBillingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditPeopleAndBilling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billingContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]}}]} as unknown as DocumentNode<AuditPeopleAndBillingQuery, AuditPeopleAndBillingQueryVariables>;
export const AuditManyInvoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditManyInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<AuditManyInvoicesQuery, AuditManyInvoicesQueryVariables>;
export const AuditFieldReadEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditFieldReadEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"typeField"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditFieldReadEventsQuery, AuditFieldReadEventsQueryVariables>;
export const AuditSchemaTypesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditSchemaTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"types"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AuditSchemaTypesQuery, AuditSchemaTypesQueryVariables>;
export const AuditRootTypenameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditRootTypename"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]} as unknown as DocumentNode<AuditRootTypenameQuery, AuditRootTypenameQueryVariables>;
export const AuditBirthDatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditBirthDates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]}}]} as unknown as DocumentNode<AuditBirthDatesQuery, AuditBirthDatesQueryVariables>;
export const AuditTooManyInvoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditTooManyInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"many"},"name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AuditTooManyInvoicesQuery, AuditTooManyInvoicesQueryVariables>;
export const AuditDirectoryAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditDirectoryAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"plansOnly"},"name":{"kind":"Name","value":"directory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"}}]}}]}}]} as unknown as DocumentNode<AuditDirectoryAccountsQuery, AuditDirectoryAccountsQueryVariables>;
export const AuditAccountRolesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditAccountRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<AuditAccountRolesQuery, AuditAccountRolesQueryVariables>;
export const RefusalAccessHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RefusalAccessHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]}}]}}]} as unknown as DocumentNode<RefusalAccessHistoryQuery, RefusalAccessHistoryQueryVariables>;
export const RefusalDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RefusalDirectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]} as unknown as DocumentNode<RefusalDirectoryQuery, RefusalDirectoryQueryVariables>;
export const AuditDenyTaxRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditDenyTaxRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetInvoiceTaxRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setInvoiceTaxRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AuditDenyTaxRateMutation, AuditDenyTaxRateMutationVariables>;
export const AuditDenyPersonalIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditDenyPersonalIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationalId"}}]}}]}}]} as unknown as DocumentNode<AuditDenyPersonalIdsQuery, AuditDenyPersonalIdsQueryVariables>;
export const AuditDenyEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditDenyEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]} as unknown as DocumentNode<AuditDenyEventsQuery, AuditDenyEventsQueryVariables>;
export const StoryBillingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoryBilling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"taxRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"cardNumber"}}]}}]}}]}}]} as unknown as DocumentNode<StoryBillingQuery, StoryBillingQueryVariables>;
export const StoryPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoryPeople"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<StoryPeopleQuery, StoryPeopleQueryVariables>;
export const StoryBirthDateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoryBirthDate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]} as unknown as DocumentNode<StoryBirthDateQuery, StoryBirthDateQueryVariables>;
export const StoryUsersByEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoryUsersByEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<StoryUsersByEmailQuery, StoryUsersByEmailQueryVariables>;
export const StoryTimelineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoryTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agent"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impersonationSessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"agent"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agent"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"story"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"typeField"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}}]}}]} as unknown as DocumentNode<StoryTimelineQuery, StoryTimelineQueryVariables>;
export const StreamPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StreamPeople"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<StreamPeopleQuery, StreamPeopleQueryVariables>;
export const StreamUsersByEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StreamUsersByEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<StreamUsersByEmailQuery, StreamUsersByEmailQueryVariables>;
export const AuditTamperPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditTamperPeople"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]}}]} as unknown as DocumentNode<AuditTamperPeopleQuery, AuditTamperPeopleQueryVariables>;
export const AuditTamperTaxRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditTamperTaxRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetInvoiceTaxRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setInvoiceTaxRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taxRate"}}]}}]}}]} as unknown as DocumentNode<AuditTamperTaxRateMutation, AuditTamperTaxRateMutationVariables>;
export const VerifyCliPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyCliPeople"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]}}]} as unknown as DocumentNode<VerifyCliPeopleQuery, VerifyCliPeopleQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const ColleaguesPrivateDataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ColleaguesPrivateData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"privateNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]}}]} as unknown as DocumentNode<ColleaguesPrivateDataQuery, ColleaguesPrivateDataQueryVariables>;
export const ColleagueByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ColleagueById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]} as unknown as DocumentNode<ColleagueByIdQuery, ColleagueByIdQueryVariables>;
export const OwnAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OwnAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"apiTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"privateNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<OwnAccountQuery, OwnAccountQueryVariables>;
export const InvoiceByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvoiceById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<InvoiceByIdQuery, InvoiceByIdQueryVariables>;
export const UserByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UserByIdQuery, UserByIdQueryVariables>;
export const StaffDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaffDirectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}}]}}]}}]} as unknown as DocumentNode<StaffDirectoryQuery, StaffDirectoryQueryVariables>;
export const SomethingSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SomethingSecret"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}}]}}]} as unknown as DocumentNode<SomethingSecretQuery, SomethingSecretQueryVariables>;
export const IdentityMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IdentityMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<IdentityMeQuery, IdentityMeQueryVariables>;
export const IdentityViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IdentityViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<IdentityViewerQuery, IdentityViewerQueryVariables>;
export const SetTaxRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTaxRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetInvoiceTaxRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setInvoiceTaxRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taxRate"}}]}}]}}]} as unknown as DocumentNode<SetTaxRateMutation, SetTaxRateMutationVariables>;
export const UpdateNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateNotificationSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsAlerts"}},{"kind":"Field","name":{"kind":"Name","value":"productUpdates"}}]}}]}}]} as unknown as DocumentNode<UpdateNotificationsMutation, UpdateNotificationsMutationVariables>;
export const RiskyOwnNotesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RiskyOwnNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privateNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RiskyOwnNotesQuery, RiskyOwnNotesQueryVariables>;
export const EveryUserFieldDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EveryUserField"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"hasPassword"}},{"kind":"Field","name":{"kind":"Name","value":"mfaRecoveryCodesRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"notificationSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceEmails"}},{"kind":"Field","name":{"kind":"Name","value":"securityAlerts"}},{"kind":"Field","name":{"kind":"Name","value":"productUpdates"}},{"kind":"Field","name":{"kind":"Name","value":"smsAlerts"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EveryUserFieldQuery, EveryUserFieldQueryVariables>;
export const WellFormedDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WellFormedDirectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<WellFormedDirectoryQuery, WellFormedDirectoryQueryVariables>;
export const WellFormedStartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WellFormedStart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartImpersonationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startImpersonation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<WellFormedStartMutation, WellFormedStartMutationVariables>;
export const ImpApprovalSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImpApprovalSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvalRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]} as unknown as DocumentNode<ImpApprovalSummaryQuery, ImpApprovalSummaryQueryVariables>;
export const ImpEffectsTaxThenRefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpEffectsTaxThenRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetInvoiceTaxRateInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setInvoiceTaxRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ImpEffectsTaxThenRefundMutation, ImpEffectsTaxThenRefundMutationVariables>;
export const ImpApprovalRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImpApprovalRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvalRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requesterId"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]} as unknown as DocumentNode<ImpApprovalRequestQuery, ImpApprovalRequestQueryVariables>;
export const OwnHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OwnHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OwnHistoryQuery, OwnHistoryQueryVariables>;
export const OwnTimelineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OwnTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agent"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impersonationSessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"agent"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agent"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"story"}}]}}]}}]} as unknown as DocumentNode<OwnTimelineQuery, OwnTimelineQueryVariables>;
export const AstRevokeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AstRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeDelegation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"delegationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<AstRevokeMutation, AstRevokeMutationVariables>;
export const AstAddressedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AstAddressed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressedApprovals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requesterId"}}]}}]}}]} as unknown as DocumentNode<AstAddressedQuery, AstAddressedQueryVariables>;
export const AstViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AstViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<AstViewerQuery, AstViewerQueryVariables>;
export const ImpAccessHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImpAccessHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"userName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"ticket"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}},{"kind":"Field","name":{"kind":"Name","value":"howItEnded"}},{"kind":"Field","name":{"kind":"Name","value":"minutes"}},{"kind":"Field","name":{"kind":"Name","value":"changes"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ImpAccessHistoryQuery, ImpAccessHistoryQueryVariables>;
export const ImpRefundViaFragmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpRefundViaFragment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImpRefundIt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImpRefundIt"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Mutation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"again"},"name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ImpRefundViaFragmentMutation, ImpRefundViaFragmentMutationVariables>;
export const ImpRefundInlineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpRefundInline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"StringValue","value":"inv_acme_006","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ImpRefundInlineMutation, ImpRefundInlineMutationVariables>;
export const ImpTaxThenRefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpTaxThenRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetInvoiceTaxRateInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setInvoiceTaxRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ImpTaxThenRefundMutation, ImpTaxThenRefundMutationVariables>;
export const ImpRefundWithDefaultDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpRefundWithDefault"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"inv_acme_009","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ImpRefundWithDefaultMutation, ImpRefundWithDefaultMutationVariables>;
export const ImpRefundTwoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpRefundTwo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"x"},"name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y"},"name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ImpRefundTwoMutation, ImpRefundTwoMutationVariables>;
export const ImpExportBesideBrokenRefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpExportBesideBrokenRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}},"defaultValue":{"kind":"StringValue","value":"x","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportInvoices"}},{"kind":"Field","alias":{"kind":"Name","value":"z"},"name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"skip"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"BooleanValue","value":true}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ImpExportBesideBrokenRefundMutation, ImpExportBesideBrokenRefundMutationVariables>;
export const ImpRefundBesideBrokenRefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpRefundBesideBrokenRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}},"defaultValue":{"kind":"StringValue","value":"x","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"z"},"name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"skip"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"BooleanValue","value":true}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ImpRefundBesideBrokenRefundMutation, ImpRefundBesideBrokenRefundMutationVariables>;
export const ImpOptOutBesideBrokenRefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpOptOutBesideBrokenRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}},"defaultValue":{"kind":"StringValue","value":"x","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSupportAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"value"},"value":{"kind":"EnumValue","value":"never"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supportAccess"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"z"},"name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ImpOptOutBesideBrokenRefundMutation, ImpOptOutBesideBrokenRefundMutationVariables>;
export const ImpStartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpStart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartImpersonationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startImpersonation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"minutes"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"approvalRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<ImpStartMutation, ImpStartMutationVariables>;
export const ImpClaimDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpClaim"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimImpersonation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<ImpClaimMutation, ImpClaimMutationVariables>;
export const ImpEndDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpEnd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endImpersonation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}}]}}]}}]} as unknown as DocumentNode<ImpEndMutation, ImpEndMutationVariables>;
export const ImpMineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImpMine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myImpersonationSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ImpMineQuery, ImpMineQueryVariables>;
export const ImpRevokeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeImpersonation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}}]}}]}}]} as unknown as DocumentNode<ImpRevokeMutation, ImpRevokeMutationVariables>;
export const ImpApproveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpApprove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"grantExpiresAt"}}]}}]}}]} as unknown as DocumentNode<ImpApproveMutation, ImpApproveMutationVariables>;
export const ImpDenyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpDeny"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"denyRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}}]}}]}}]} as unknown as DocumentNode<ImpDenyMutation, ImpDenyMutationVariables>;
export const ImpPendingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImpPending"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingApprovals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requesterId"}},{"kind":"Field","name":{"kind":"Name","value":"targetUserId"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]} as unknown as DocumentNode<ImpPendingQuery, ImpPendingQueryVariables>;
export const ImpMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImpMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<ImpMeQuery, ImpMeQueryVariables>;
export const ImpMeBirthDateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImpMeBirthDate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]} as unknown as DocumentNode<ImpMeBirthDateQuery, ImpMeBirthDateQueryVariables>;
export const ImpSetTaxRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpSetTaxRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetInvoiceTaxRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setInvoiceTaxRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taxRate"}}]}}]}}]} as unknown as DocumentNode<ImpSetTaxRateMutation, ImpSetTaxRateMutationVariables>;
export const ImpDelegateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpDelegate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assistantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minutes"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delegateSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"assistantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assistantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"minutes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minutes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delegation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"assistantId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<ImpDelegateMutation, ImpDelegateMutationVariables>;
export const ImpRefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ImpRefundMutation, ImpRefundMutationVariables>;
export const ImpExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpExport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportInvoices"}}]}}]} as unknown as DocumentNode<ImpExportMutation, ImpExportMutationVariables>;
export const ImpUpdateNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpUpdateNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateNotificationSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsAlerts"}}]}}]}}]} as unknown as DocumentNode<ImpUpdateNotificationsMutation, ImpUpdateNotificationsMutationVariables>;
export const ImpSetSupportAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpSetSupportAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"value"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SupportAccess"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSupportAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"value"},"value":{"kind":"Variable","name":{"kind":"Name","value":"value"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"supportAccess"}}]}}]}}]} as unknown as DocumentNode<ImpSetSupportAccessMutation, ImpSetSupportAccessMutationVariables>;
export const ImpRequestMutationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpRequestMutation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestMutationApprovalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestMutationApproval"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}}]}}]}}]} as unknown as DocumentNode<ImpRequestMutationMutation, ImpRequestMutationMutationVariables>;
export const ImpRequestFieldsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpRequestFields"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestFieldAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestFieldAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}}]}}]}}]} as unknown as DocumentNode<ImpRequestFieldsMutation, ImpRequestFieldsMutationVariables>;
export const ImpPublishPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpPublishPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ImpPublishPolicyMutation, ImpPublishPolicyMutationVariables>;
export const ImpApprovePolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpApprovePolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvePolicyVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ImpApprovePolicyMutation, ImpApprovePolicyMutationVariables>;
export const UsersByEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersByEmail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"StringValue","value":"jane.doe@acme.example","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UsersByEmailQuery, UsersByEmailQueryVariables>;
export const UsersOrderedByEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersOrderedByEmail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"EMAIL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UsersOrderedByEmailQuery, UsersOrderedByEmailQueryVariables>;
export const UsersByEmailVariableDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersByEmailVariable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UsersByEmailVariableQuery, UsersByEmailVariableQueryVariables>;
export const UsersByFilterVariableDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersByFilterVariable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UsersByFilterVariableQuery, UsersByFilterVariableQueryVariables>;
export const UsersOrderedByDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersOrderedBy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UsersOrderedByQuery, UsersOrderedByQueryVariables>;
export const UsersByDefaultEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersByDefaultEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"jane.doe@acme.example","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UsersByDefaultEmailQuery, UsersByDefaultEmailQueryVariables>;
export const UsersByDefaultOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersByDefaultOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserOrder"}},"defaultValue":{"kind":"EnumValue","value":"EMAIL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UsersByDefaultOrderQuery, UsersByDefaultOrderQueryVariables>;
export const UsersByEmailInFragmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersByEmailInFragment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UsersByEmailFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UsersByEmailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"StringValue","value":"jane.doe@acme.example","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<UsersByEmailInFragmentQuery, UsersByEmailInFragmentQueryVariables>;
export const UsersByRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersByRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"EnumValue","value":"billing"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"ROLE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<UsersByRoleQuery, UsersByRoleQueryVariables>;
export const UsersByNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersByName"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"nameContains"},"value":{"kind":"StringValue","value":"omar","block":false}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"NAME"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<UsersByNameQuery, UsersByNameQueryVariables>;
export const AllUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AllUsers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AllUsersQuery, AllUsersQueryVariables>;
export const CanaryPublishPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CanaryPublishPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CanaryPublishPolicyMutation, CanaryPublishPolicyMutationVariables>;
export const CanaryNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CanaryNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CanaryNamesQuery, CanaryNamesQueryVariables>;
export const AdminActivePolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminActivePolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activePolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"basedOn"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"document"}}]}}]}}]} as unknown as DocumentNode<AdminActivePolicyQuery, AdminActivePolicyQueryVariables>;
export const AdminPolicyFieldsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminPolicyFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"mask"}},{"kind":"Field","name":{"kind":"Name","value":"customer"}},{"kind":"Field","name":{"kind":"Name","value":"staff"}},{"kind":"Field","name":{"kind":"Name","value":"impersonationReadOnly"}},{"kind":"Field","name":{"kind":"Name","value":"impersonationReadWrite"}}]}}]}}]} as unknown as DocumentNode<AdminPolicyFieldsQuery, AdminPolicyFieldsQueryVariables>;
export const AdminPolicyVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminPolicyVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AdminPolicyVersionsQuery, AdminPolicyVersionsQueryVariables>;
export const AdminPolicyDiffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminPolicyDiff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyDiff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]} as unknown as DocumentNode<AdminPolicyDiffQuery, AdminPolicyDiffQueryVariables>;
export const AdminPublishPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminPublishPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"basedOn"}},{"kind":"Field","name":{"kind":"Name","value":"loosens"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]}}]} as unknown as DocumentNode<AdminPublishPolicyMutation, AdminPublishPolicyMutationVariables>;
export const AdminApprovePolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminApprovePolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvePolicyVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}}]}}]}}]} as unknown as DocumentNode<AdminApprovePolicyMutation, AdminApprovePolicyMutationVariables>;
export const AdminRejectPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminRejectPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectPolicyVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}}]}}]}}]} as unknown as DocumentNode<AdminRejectPolicyMutation, AdminRejectPolicyMutationVariables>;
export const AdminWithdrawPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminWithdrawPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawPolicyVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}}]}}]}}]} as unknown as DocumentNode<AdminWithdrawPolicyMutation, AdminWithdrawPolicyMutationVariables>;
export const AdminRollbackPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminRollbackPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollbackPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"toVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"basedOn"}},{"kind":"Field","name":{"kind":"Name","value":"loosens"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"document"}}]}}]}}]} as unknown as DocumentNode<AdminRollbackPolicyMutation, AdminRollbackPolicyMutationVariables>;
export const AdminCustomerEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminCustomerEmail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<AdminCustomerEmailQuery, AdminCustomerEmailQueryVariables>;
export const AdminImpersonatedBirthDateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminImpersonatedBirthDate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]} as unknown as DocumentNode<AdminImpersonatedBirthDateQuery, AdminImpersonatedBirthDateQueryVariables>;
export const AdminImpersonatedNationalIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminImpersonatedNationalId"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nationalId"}}]}}]}}]} as unknown as DocumentNode<AdminImpersonatedNationalIdQuery, AdminImpersonatedNationalIdQueryVariables>;
export const BaselineDiffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BaselineDiff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyDiff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]} as unknown as DocumentNode<BaselineDiffQuery, BaselineDiffQueryVariables>;
export const BaselineVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BaselineVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<BaselineVersionsQuery, BaselineVersionsQueryVariables>;
export const BaselineMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BaselineMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<BaselineMeQuery, BaselineMeQueryVariables>;
export const BaselineBirthDateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BaselineBirthDate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]} as unknown as DocumentNode<BaselineBirthDateQuery, BaselineBirthDateQueryVariables>;
export const BaselinePublishDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BaselinePublish"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BaselinePublishMutation, BaselinePublishMutationVariables>;
export const BaselineApproveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BaselineApprove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvePolicyVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}}]}}]}}]} as unknown as DocumentNode<BaselineApproveMutation, BaselineApproveMutationVariables>;
export const InstancePublishPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstancePublishPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<InstancePublishPolicyMutation, InstancePublishPolicyMutationVariables>;
export const InstanceApprovePolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstanceApprovePolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvePolicyVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<InstanceApprovePolicyMutation, InstanceApprovePolicyMutationVariables>;
export const InstanceCustomerEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceCustomerEmail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<InstanceCustomerEmailQuery, InstanceCustomerEmailQueryVariables>;
export const PreviewPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"document"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"document"},"value":{"kind":"Variable","name":{"kind":"Name","value":"document"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basedOn"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewPolicyQuery, PreviewPolicyQueryVariables>;
export const PreviewPublishDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PreviewPublish"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<PreviewPublishMutation, PreviewPublishMutationVariables>;
export const RiskyChangeEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RiskyChangeEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeUserEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<RiskyChangeEmailMutation, RiskyChangeEmailMutationVariables>;
export const RiskySendLoginResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RiskySendLoginReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendLoginReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"loginResetSentAt"}}]}}]}}]} as unknown as DocumentNode<RiskySendLoginResetMutation, RiskySendLoginResetMutationVariables>;
export const RiskyChangePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RiskyChangePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"plan"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"plan"},"value":{"kind":"Variable","name":{"kind":"Name","value":"plan"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"planStatus"}}]}}]}}]} as unknown as DocumentNode<RiskyChangePlanMutation, RiskyChangePlanMutationVariables>;
export const RiskyCancelPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RiskyCancelPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"planStatus"}}]}}]}}]} as unknown as DocumentNode<RiskyCancelPlanMutation, RiskyCancelPlanMutationVariables>;
export const RiskyRevokeTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RiskyRevokeToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RiskyRevokeTokenMutation, RiskyRevokeTokenMutationVariables>;
export const RiskyDeleteNoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RiskyDeleteNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"noteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePrivateNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"noteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"noteId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RiskyDeleteNoteMutation, RiskyDeleteNoteMutationVariables>;