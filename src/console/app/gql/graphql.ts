/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type ConsoleCustomerAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCustomerAccountQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, name?: string | null, email?: string | null, phone?: string | null, role: UserRole, birthDate?: string | null, nationalId?: string | null } | null, account?: { __typename?: 'Account', id: string, name: string, plan: Plan, planStatus: PlanStatus, region?: string | null, supportAccess: SupportAccess, billingContact?: { __typename?: 'BillingContact', name?: string | null, email?: string | null, phone?: string | null, address?: string | null } | null, users: Array<{ __typename?: 'User', id: string, name?: string | null, email?: string | null, phone?: string | null, role: UserRole, birthDate?: string | null }>, paymentMethods: Array<{ __typename?: 'PaymentMethod', id: string, brand: string, cardNumber?: string | null, expMonth?: number | null, expYear?: number | null, isDefault: boolean, billingAddress?: string | null }>, invoices: Array<{ __typename?: 'Invoice', id: string, number: string, amountCents: number, currency: string, taxRate: number, status: InvoiceStatus, issuedOn: string }>, apiTokens: Array<{ __typename?: 'ApiToken', id: string, name?: string | null, secret?: string | null, state: ApiTokenState }>, privateNotes: Array<{ __typename?: 'PrivateNote', id: string, body?: string | null }> } | null };

export type ConsoleDirectoryQueryVariables = Exact<{
  search: Scalars['String']['input'];
}>;


export type ConsoleDirectoryQuery = { __typename?: 'Query', directory: Array<{ __typename?: 'DirectoryEntry', userId: string, name?: string | null, accountId: string, accountName: string, plan: Plan }> };

export type ConsoleStartSessionMutationVariables = Exact<{
  input: StartImpersonationInput;
}>;


export type ConsoleStartSessionMutation = { __typename?: 'Mutation', startImpersonation: { __typename?: 'StartImpersonationPayload', token?: string | null, session: { __typename?: 'ImpersonationSession', id: string, status: SessionStatus }, approvalRequest?: { __typename?: 'ApprovalRequest', id: string, status: ApprovalStatus } | null } };

export type ConsoleMyOpenSessionQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMyOpenSessionQuery = { __typename?: 'Query', myImpersonationSession?: { __typename?: 'ImpersonationSession', id: string, status: SessionStatus, approvalRequestId?: string | null } | null };

export type ConsoleRequestStatusQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleRequestStatusQuery = { __typename?: 'Query', approvalRequest?: { __typename?: 'ApprovalRequest', id: string, status: ApprovalStatus, decisionNote?: string | null } | null };

export type ConsoleClaimSessionMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
}>;


export type ConsoleClaimSessionMutation = { __typename?: 'Mutation', claimImpersonation: { __typename?: 'StartImpersonationPayload', token?: string | null, session: { __typename?: 'ImpersonationSession', id: string, status: SessionStatus } } };

export type ConsoleEndSessionMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
}>;


export type ConsoleEndSessionMutation = { __typename?: 'Mutation', endImpersonation: { __typename?: 'ImpersonationSession', id: string, status: SessionStatus } };

export type ConsoleViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', id: string, name: string, kind: PrincipalKind, roles: Array<string> } };

export type ConsoleAuditEventsQueryVariables = Exact<{
  filter?: InputMaybe<AuditEventFilter>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleAuditEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', endCursor?: string | null, hasNextPage: boolean, edges: Array<{ __typename?: 'AuditEventEdge', cursor: string, node: { __typename?: 'AuditEvent', id: string, occurredAt: string, kind: string, decision?: string | null, actorName?: string | null, actorId?: string | null, summary: string } }> } };

export type ConsoleAuditExportQueryVariables = Exact<{
  filter?: InputMaybe<AuditEventFilter>;
  format: AuditExportFormat;
}>;


export type ConsoleAuditExportQuery = { __typename?: 'Query', auditExport: { __typename?: 'AuditExport', content: string, events: number, truncated: boolean } };

export type ConsoleAuditChainStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAuditChainStatusQuery = { __typename?: 'Query', auditChainStatus: { __typename?: 'AuditChainStatus', intact?: boolean | null, summary: string, problems: Array<string>, checkpointSeq?: string | null, checkpointSignedAt?: string | null, fromSeq: string, headSeq: string, rowsChecked: number, checkedAt: string, chains: Array<{ __typename?: 'AuditChainTail', chain: number, checkpointSeq?: string | null, fromSeq: string, headSeq: string, rowsChecked: number }> } };

export type ConsoleImpersonationSessionsQueryVariables = Exact<{
  filter?: InputMaybe<ImpersonationSessionFilter>;
  first: Scalars['Int']['input'];
}>;


export type ConsoleImpersonationSessionsQuery = { __typename?: 'Query', impersonationSessions: Array<{ __typename?: 'SessionTimeline', sessionId: string, agentName: string, userName: string, accountName: string, reason: string, ticket: string, status: string, startedAt?: string | null, endedAt?: string | null, story: Array<string> }> };

export type ConsoleAccessHistoryQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleAccessHistoryQuery = { __typename?: 'Query', account?: { __typename?: 'Account', id: string, name: string, supportAccess: SupportAccess } | null, accessHistory: { __typename?: 'AccessHistoryConnection', edges: Array<{ __typename?: 'AccessHistoryEdge', cursor: string, node: { __typename?: 'AccessHistoryEntry', sessionId: string, agentName: string, userName?: string | null, reason: string, ticket: string, mode: string, startedAt: string, endedAt?: string | null, howItEnded?: string | null, minutes?: number | null, changes: Array<string> } }>, pageInfo: { __typename?: 'AccessHistoryPageInfo', endCursor?: string | null, hasNextPage: boolean } } };

export type ConsoleSetSupportAccessMutationVariables = Exact<{
  value: SupportAccess;
}>;


export type ConsoleSetSupportAccessMutation = { __typename?: 'Mutation', setSupportAccess: { __typename?: 'Account', id: string, supportAccess: SupportAccess } };

export type ConsolePendingApprovalsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsolePendingApprovalsQuery = { __typename?: 'Query', pendingApprovals: Array<{ __typename?: 'ApprovalRequest', id: string, kind: ApprovalKind, summary: string, requesterId: string, createdAt: string, expiresAt: string }> };

export type ConsoleApproveRequestMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleApproveRequestMutation = { __typename?: 'Mutation', approveRequest: { __typename?: 'ApprovalRequest', id: string, status: ApprovalStatus } };

export type ConsoleDenyRequestMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type ConsoleDenyRequestMutation = { __typename?: 'Mutation', denyRequest: { __typename?: 'ApprovalRequest', id: string, status: ApprovalStatus } };

export type ConsoleApprovePolicyVersionMutationVariables = Exact<{
  version: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleApprovePolicyVersionMutation = { __typename?: 'Mutation', approvePolicyVersion: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus } };

export type ConsoleRejectPolicyVersionMutationVariables = Exact<{
  version: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
}>;


export type ConsoleRejectPolicyVersionMutation = { __typename?: 'Mutation', rejectPolicyVersion: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus } };

export type ConsoleWithdrawPolicyVersionMutationVariables = Exact<{
  version: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
}>;


export type ConsoleWithdrawPolicyVersionMutation = { __typename?: 'Mutation', withdrawPolicyVersion: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus } };

export type ConsolePublishPolicyMutationVariables = Exact<{
  input: PublishPolicyInput;
}>;


export type ConsolePublishPolicyMutation = { __typename?: 'Mutation', publishPolicy: { __typename?: 'PolicyVersion', version: number, status: PolicyVersionStatus, basedOn: number } };

export type ConsolePolicyPreviewQueryVariables = Exact<{
  document: Scalars['String']['input'];
}>;


export type ConsolePolicyPreviewQuery = { __typename?: 'Query', policyPreview: { __typename?: 'PolicyPreview', basedOn: number, outcome: PolicyPublishOutcome, changes: Array<{ __typename?: 'PolicyChange', rule: string, column?: string | null, before: string, after: string, direction: string }> } };

export type ConsolePolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsolePolicyQuery = { __typename?: 'Query', activePolicy: { __typename?: 'PolicyVersion', version: number, reason: string, document: string, createdAt: string }, policyVersions: Array<{ __typename?: 'PolicyVersion', version: number, basedOn: number, status: PolicyVersionStatus, reason: string, createdBy?: string | null, createdAt: string, changes: Array<{ __typename?: 'PolicyChange', rule: string, column?: string | null, before: string, after: string, direction: string }> }>, policyFields: Array<{ __typename?: 'FieldPolicy', field: string, classification: string, mask: string, customer: string, staff: string, impersonationReadOnly: string, impersonationReadWrite: string }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ConsoleCustomerAccountDocument = new TypedDocumentString(`
    query ConsoleCustomerAccount {
  me {
    id
    name
    email
    phone
    role
    birthDate
    nationalId
  }
  account {
    id
    name
    plan
    planStatus
    region
    supportAccess
    billingContact {
      name
      email
      phone
      address
    }
    users {
      id
      name
      email
      phone
      role
      birthDate
    }
    paymentMethods {
      id
      brand
      cardNumber
      expMonth
      expYear
      isDefault
      billingAddress
    }
    invoices(first: 10) {
      id
      number
      amountCents
      currency
      taxRate
      status
      issuedOn
    }
    apiTokens {
      id
      name
      secret
      state
    }
    privateNotes {
      id
      body
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCustomerAccountQuery, ConsoleCustomerAccountQueryVariables>;
export const ConsoleDirectoryDocument = new TypedDocumentString(`
    query ConsoleDirectory($search: String!) {
  directory(search: $search, first: 20) {
    userId
    name
    accountId
    accountName
    plan
  }
}
    `) as unknown as TypedDocumentString<ConsoleDirectoryQuery, ConsoleDirectoryQueryVariables>;
export const ConsoleStartSessionDocument = new TypedDocumentString(`
    mutation ConsoleStartSession($input: StartImpersonationInput!) {
  startImpersonation(input: $input) {
    session {
      id
      status
    }
    token
    approvalRequest {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleStartSessionMutation, ConsoleStartSessionMutationVariables>;
export const ConsoleMyOpenSessionDocument = new TypedDocumentString(`
    query ConsoleMyOpenSession {
  myImpersonationSession {
    id
    status
    approvalRequestId
  }
}
    `) as unknown as TypedDocumentString<ConsoleMyOpenSessionQuery, ConsoleMyOpenSessionQueryVariables>;
export const ConsoleRequestStatusDocument = new TypedDocumentString(`
    query ConsoleRequestStatus($id: ID!) {
  approvalRequest(id: $id) {
    id
    status
    decisionNote
  }
}
    `) as unknown as TypedDocumentString<ConsoleRequestStatusQuery, ConsoleRequestStatusQueryVariables>;
export const ConsoleClaimSessionDocument = new TypedDocumentString(`
    mutation ConsoleClaimSession($sessionId: ID!) {
  claimImpersonation(sessionId: $sessionId) {
    session {
      id
      status
    }
    token
  }
}
    `) as unknown as TypedDocumentString<ConsoleClaimSessionMutation, ConsoleClaimSessionMutationVariables>;
export const ConsoleEndSessionDocument = new TypedDocumentString(`
    mutation ConsoleEndSession($sessionId: ID!) {
  endImpersonation(sessionId: $sessionId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleEndSessionMutation, ConsoleEndSessionMutationVariables>;
export const ConsoleViewerDocument = new TypedDocumentString(`
    query ConsoleViewer {
  viewer {
    id
    name
    kind
    roles
  }
}
    `) as unknown as TypedDocumentString<ConsoleViewerQuery, ConsoleViewerQueryVariables>;
export const ConsoleAuditEventsDocument = new TypedDocumentString(`
    query ConsoleAuditEvents($filter: AuditEventFilter, $first: Int!, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        occurredAt
        kind
        decision
        actorName
        actorId
        summary
      }
    }
    endCursor
    hasNextPage
  }
}
    `) as unknown as TypedDocumentString<ConsoleAuditEventsQuery, ConsoleAuditEventsQueryVariables>;
export const ConsoleAuditExportDocument = new TypedDocumentString(`
    query ConsoleAuditExport($filter: AuditEventFilter, $format: AuditExportFormat!) {
  auditExport(filter: $filter, format: $format) {
    content
    events
    truncated
  }
}
    `) as unknown as TypedDocumentString<ConsoleAuditExportQuery, ConsoleAuditExportQueryVariables>;
export const ConsoleAuditChainStatusDocument = new TypedDocumentString(`
    query ConsoleAuditChainStatus {
  auditChainStatus {
    intact
    summary
    problems
    checkpointSeq
    checkpointSignedAt
    fromSeq
    headSeq
    rowsChecked
    checkedAt
    chains {
      chain
      checkpointSeq
      fromSeq
      headSeq
      rowsChecked
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAuditChainStatusQuery, ConsoleAuditChainStatusQueryVariables>;
export const ConsoleImpersonationSessionsDocument = new TypedDocumentString(`
    query ConsoleImpersonationSessions($filter: ImpersonationSessionFilter, $first: Int!) {
  impersonationSessions(filter: $filter, first: $first) {
    sessionId
    agentName
    userName
    accountName
    reason
    ticket
    status
    startedAt
    endedAt
    story
  }
}
    `) as unknown as TypedDocumentString<ConsoleImpersonationSessionsQuery, ConsoleImpersonationSessionsQueryVariables>;
export const ConsoleAccessHistoryDocument = new TypedDocumentString(`
    query ConsoleAccessHistory($first: Int!, $after: String) {
  account {
    id
    name
    supportAccess
  }
  accessHistory(first: $first, after: $after) {
    edges {
      cursor
      node {
        sessionId
        agentName
        userName
        reason
        ticket
        mode
        startedAt
        endedAt
        howItEnded
        minutes
        changes
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAccessHistoryQuery, ConsoleAccessHistoryQueryVariables>;
export const ConsoleSetSupportAccessDocument = new TypedDocumentString(`
    mutation ConsoleSetSupportAccess($value: SupportAccess!) {
  setSupportAccess(value: $value) {
    id
    supportAccess
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetSupportAccessMutation, ConsoleSetSupportAccessMutationVariables>;
export const ConsolePendingApprovalsDocument = new TypedDocumentString(`
    query ConsolePendingApprovals {
  pendingApprovals(first: 50) {
    id
    kind
    summary
    requesterId
    createdAt
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ConsolePendingApprovalsQuery, ConsolePendingApprovalsQueryVariables>;
export const ConsoleApproveRequestDocument = new TypedDocumentString(`
    mutation ConsoleApproveRequest($id: ID!, $note: String) {
  approveRequest(id: $id, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleApproveRequestMutation, ConsoleApproveRequestMutationVariables>;
export const ConsoleDenyRequestDocument = new TypedDocumentString(`
    mutation ConsoleDenyRequest($id: ID!, $reason: String!) {
  denyRequest(id: $id, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleDenyRequestMutation, ConsoleDenyRequestMutationVariables>;
export const ConsoleApprovePolicyVersionDocument = new TypedDocumentString(`
    mutation ConsoleApprovePolicyVersion($version: Int!, $note: String) {
  approvePolicyVersion(version: $version, note: $note) {
    version
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleApprovePolicyVersionMutation, ConsoleApprovePolicyVersionMutationVariables>;
export const ConsoleRejectPolicyVersionDocument = new TypedDocumentString(`
    mutation ConsoleRejectPolicyVersion($version: Int!, $reason: String!) {
  rejectPolicyVersion(version: $version, reason: $reason) {
    version
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleRejectPolicyVersionMutation, ConsoleRejectPolicyVersionMutationVariables>;
export const ConsoleWithdrawPolicyVersionDocument = new TypedDocumentString(`
    mutation ConsoleWithdrawPolicyVersion($version: Int!, $reason: String!) {
  withdrawPolicyVersion(version: $version, reason: $reason) {
    version
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleWithdrawPolicyVersionMutation, ConsoleWithdrawPolicyVersionMutationVariables>;
export const ConsolePublishPolicyDocument = new TypedDocumentString(`
    mutation ConsolePublishPolicy($input: PublishPolicyInput!) {
  publishPolicy(input: $input) {
    version
    status
    basedOn
  }
}
    `) as unknown as TypedDocumentString<ConsolePublishPolicyMutation, ConsolePublishPolicyMutationVariables>;
export const ConsolePolicyPreviewDocument = new TypedDocumentString(`
    query ConsolePolicyPreview($document: String!) {
  policyPreview(document: $document) {
    basedOn
    outcome
    changes {
      rule
      column
      before
      after
      direction
    }
  }
}
    `) as unknown as TypedDocumentString<ConsolePolicyPreviewQuery, ConsolePolicyPreviewQueryVariables>;
export const ConsolePolicyDocument = new TypedDocumentString(`
    query ConsolePolicy {
  activePolicy {
    version
    reason
    document
    createdAt
  }
  policyVersions(first: 20) {
    version
    basedOn
    status
    reason
    createdBy
    createdAt
    changes {
      rule
      column
      before
      after
      direction
    }
  }
  policyFields {
    field
    classification
    mask
    customer
    staff
    impersonationReadOnly
    impersonationReadWrite
  }
}
    `) as unknown as TypedDocumentString<ConsolePolicyQuery, ConsolePolicyQueryVariables>;