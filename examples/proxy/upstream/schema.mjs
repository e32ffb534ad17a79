// The Lettings GraphQL schema: SDL plus resolvers, graphql-js only. Every resolver reads the
// caller from `context.viewer` (set by server.mjs from the verified token) and answers from
// the caller's own organisation only.
import { GraphQLError, buildSchema } from 'graphql';

export const typeDefs = /* GraphQL */ `
"""A calendar date, \`YYYY-MM-DD\`."""
scalar Date

"""An instant, ISO 8601 in UTC."""
scalar DateTime

"""Anything with a global id."""
interface Node {
  id: ID!
}

enum UserRole {
  OWNER
  ADMIN
  MEMBER
}

"""Whether the Lettings support team may sign in to the organisation on a customer's behalf."""
enum SupportAccess {
  ALLOW
  ASK_FIRST
  NEVER
}

enum TenantStatus {
  APPLICANT
  ACTIVE
  FORMER
}

enum TenantOrder {
  CREATED_AT_ASC
  CREATED_AT_DESC
  NAME_ASC
  NAME_DESC
  DATE_OF_BIRTH_ASC
  DATE_OF_BIRTH_DESC
}

enum LeaseStatus {
  ACTIVE
  ENDED
}

enum PaymentStatus {
  PENDING
  PAID
  FAILED
  REFUNDED
}

enum PaymentMethod {
  DIRECT_DEBIT
  BANK_TRANSFER
  CARD
}

enum PaymentOrder {
  DUE_DATE_DESC
  DUE_DATE_ASC
  AMOUNT_DESC
  AMOUNT_ASC
}

enum ExportFormat {
  CSV
  JSON
}

"""A letting agency: the customer account. Its users, tenants, leases and payments are its own."""
type Organisation implements Node {
  id: ID!
  name: String!
  createdAt: DateTime!

  """Flagged by Lettings: regulated or vulnerable tenants."""
  sensitive: Boolean!
  supportAccess: SupportAccess!

  """The account rent is paid out to. Null for members: only owners and admins see it."""
  bankAccountNumber: String
  members: [User!]!

  """The organisation's tenants: the same filters as \`Query.tenants\`."""
  tenants(search: String, emailContains: String, status: TenantStatus, orderBy: TenantOrder = CREATED_AT_ASC, first: Int = 50): [Tenant!]!
  tenantCount: Int!

  """The newest payments and leases, newest first."""
  recentActivity(first: Int = 10): [Activity!]!
}

"""Someone who signs in to Lettings: a member of one organisation."""
type User implements Node {
  id: ID!
  name: String!
  email: String!
  role: UserRole!

  """The user's key for the Lettings REST API. Only the user themself sees it."""
  apiKey: String
  createdAt: DateTime!
  organisation: Organisation!
}

type Tenant implements Node {
  id: ID!
  fullName: String!
  email: String
  phone: String
  dateOfBirth: Date

  """National Insurance number, checked for right to rent."""
  nationalId: String

  """Free text kept by the agency."""
  notes: String
  status: TenantStatus!
  createdAt: DateTime!
  leases: [Lease!]!
  payments(status: PaymentStatus, first: Int = 100): [Payment!]!
}

type Lease implements Node {
  id: ID!
  propertyAddress: String!
  startDate: Date!
  endDate: Date
  monthlyRentPence: Int!
  depositPence: Int!
  status: LeaseStatus!
  tenant: Tenant!
  payments(status: PaymentStatus, first: Int = 100): [Payment!]!
}

"""A rent payment collected from a tenant."""
type Payment implements Node {
  id: ID!
  amountPence: Int!
  currency: String!
  status: PaymentStatus!
  method: PaymentMethod!
  dueDate: Date!
  paidAt: DateTime
  reference: String!
  refundedAt: DateTime
  refundReason: String
  lease: Lease!
  tenant: Tenant!
}

union Activity = Payment | Lease

"""A bulk export of the organisation's tenants."""
type TenantExport {
  id: ID!
  format: ExportFormat!
  rowCount: Int!
  createdAt: DateTime!

  """The file itself: name, email, phone and status of every tenant exported."""
  content: String!
}

"""Who a user is, for the support tooling in front of this API."""
type SupportIdentity {
  id: ID!
  name: String!
  email: String

  """\`owner\`, \`admin\` or \`member\`."""
  role: String!

  """Why support entering as this user needs a manager's approval, or null for a member."""
  privileged: String
  account: SupportAccount!
}

type SupportAccount {
  id: ID!
  name: String!
  sensitive: Boolean!

  """\`allow\`, \`ask_first\` or \`never\`."""
  supportAccess: String!
}

type Query {
  """The signed-in user."""
  me: User!

  """The signed-in user's organisation."""
  organisation: Organisation!
  node(id: ID!): Node
  tenant(id: ID!): Tenant

  """
  Tenants of the caller's organisation. \`search\` matches the tenant's name, \`emailContains\` their email.
  """
  tenants(search: String, emailContains: String, status: TenantStatus, orderBy: TenantOrder = CREATED_AT_ASC, first: Int = 50): [Tenant!]!

  """Rent payments of the caller's organisation, up to 1000 at a time."""
  payments(status: PaymentStatus, tenantId: ID, orderBy: PaymentOrder = DUE_DATE_DESC, first: Int = 100, offset: Int = 0): [Payment!]!

  """Service only: a token with \`sub: "warden"\` and the \`warden:identity\` scope."""
  supportIdentity(userId: ID!): SupportIdentity
}

type Mutation {
  updateTenantPhone(tenantId: ID!, phone: String!): Tenant!

  """Refunds a paid payment to the tenant. Owners and admins only."""
  refundPayment(paymentId: ID!, reason: String!): Payment!

  """Exports every tenant (or those with \`status\`). Owners and admins only."""
  exportTenants(format: ExportFormat = CSV, status: TenantStatus): TenantExport!

  """Who may let the Lettings support team in. Owners only."""
  setSupportAccess(access: SupportAccess!): Organisation!
}
`;

const MAX_TENANTS = 100;
const MAX_PAYMENTS = 1000;

/** Builds the executable schema: the SDL above with the resolvers below attached. */
export function createSchema() {
  const schema = buildSchema(typeDefs);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!type) throw new Error(`No type ${typeName} in the schema`);
    if (typeof fields === 'function') {
      type.resolveType = fields;
      continue;
    }
    const typeFields = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fields)) {
      if (!typeFields[fieldName]) throw new Error(`No field ${typeName}.${fieldName} in the schema`);
      typeFields[fieldName].resolve = resolve;
    }
  }
  return schema;
}

// --- errors ---------------------------------------------------------------------------------

const fail = (message, code, extra = {}) => new GraphQLError(message, { extensions: { code, ...extra } });
const badInput = (message, argumentName) => fail(message, 'BAD_USER_INPUT', { argumentName });
const notFound = (message) => fail(message, 'NOT_FOUND');
const forbidden = (message) => fail(message, 'FORBIDDEN');

/** The signed-in customer; the service token may not read customer data. */
function customer(context) {
  if (context.viewer.kind !== 'user') {
    throw forbidden('The service token may only look up support identities.');
  }
  return context.viewer;
}

function requireRole(viewer, roles, action) {
  if (!roles.includes(viewer.user.role)) throw forbidden(`Only ${roles.join(' or ')}s can ${action}.`);
}

function checkFirst(first, max) {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badInput(`first must be between 1 and ${max}, got ${first}`, 'first');
  }
}

// --- reads ----------------------------------------------------------------------------------

const upper = (value) => (value == null ? value : value.toUpperCase());
const lower = (value) => (value == null ? value : value.toLowerCase());

function compare(a, b) {
  if (a === b) return 0;
  if (a == null) return 1; // nulls last, whichever the direction
  if (b == null) return -1;
  return a < b ? -1 : 1;
}

const TENANT_ORDER = {
  CREATED_AT_ASC: ['createdAt', 1],
  CREATED_AT_DESC: ['createdAt', -1],
  NAME_ASC: ['fullName', 1],
  NAME_DESC: ['fullName', -1],
  DATE_OF_BIRTH_ASC: ['dateOfBirth', 1],
  DATE_OF_BIRTH_DESC: ['dateOfBirth', -1],
};

const PAYMENT_ORDER = {
  DUE_DATE_DESC: ['dueDate', -1],
  DUE_DATE_ASC: ['dueDate', 1],
  AMOUNT_DESC: ['amountPence', -1],
  AMOUNT_ASC: ['amountPence', 1],
};

function sortBy(rows, [key, direction]) {
  return rows.sort((a, b) => {
    const order = a[key] == null || b[key] == null ? compare(a[key], b[key]) : compare(a[key], b[key]) * direction;
    return order || compare(a.id, b.id);
  });
}

function listTenants(data, organisationId, { search, emailContains, status, orderBy = 'CREATED_AT_ASC', first = 50 }) {
  checkFirst(first, MAX_TENANTS);
  let rows = data.tenants.filter((t) => t.organisationId === organisationId);
  if (search != null && search.trim() !== '') {
    const needle = search.trim().toLowerCase();
    rows = rows.filter((t) => t.fullName.toLowerCase().includes(needle));
  }
  if (emailContains != null && emailContains !== '') {
    const needle = emailContains.toLowerCase();
    rows = rows.filter((t) => t.email != null && t.email.toLowerCase().includes(needle));
  }
  if (status != null) rows = rows.filter((t) => t.status === lower(status));
  return sortBy(rows, TENANT_ORDER[orderBy]).slice(0, first);
}

function listPayments(data, organisationId, { status, tenantId, leaseId, orderBy = 'DUE_DATE_DESC', first = 100, offset = 0 }) {
  checkFirst(first, MAX_PAYMENTS);
  if (!Number.isInteger(offset) || offset < 0) throw badInput(`offset must be 0 or more, got ${offset}`, 'offset');
  let rows = data.payments.filter((p) => p.organisationId === organisationId);
  if (status != null) rows = rows.filter((p) => p.status === lower(status));
  if (tenantId != null) rows = rows.filter((p) => p.tenantId === tenantId);
  if (leaseId != null) rows = rows.filter((p) => p.leaseId === leaseId);
  return sortBy(rows, PAYMENT_ORDER[orderBy]).slice(offset, offset + first);
}

const findIn = (rows, id, organisationId) => rows.find((row) => row.id === id && row.organisationId === organisationId) ?? null;
const organisationOf = (data, id) => data.organisations.find((o) => o.id === id);

/** Which GraphQL type a row is: rows carry no type name, their fields tell them apart. */
function typeOfRow(row) {
  if ('amountPence' in row) return 'Payment';
  if ('monthlyRentPence' in row) return 'Lease';
  if ('fullName' in row) return 'Tenant';
  if ('role' in row) return 'User';
  if ('supportAccess' in row) return 'Organisation';
  return undefined;
}

const PRIVILEGED = {
  owner: "the organisation's owner",
  admin: 'an admin of the organisation',
};

// --- writes ---------------------------------------------------------------------------------

/** Digits, spaces, brackets and dashes with an optional leading +; 7 to 15 digits. */
function validPhone(phone) {
  const digits = phone.replace(/\D/g, '').length;
  return /^\+?[\d\s()-]+$/.test(phone) && digits >= 7 && digits <= 15;
}

function csvCell(value) {
  const text = value == null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const now = () => new Date().toISOString();

// --- resolvers ------------------------------------------------------------------------------

const resolvers = {
  Query: {
    me: (_root, _args, context) => customer(context).user,
    organisation: (_root, _args, context) => customer(context).organisation,
    node: (_root, { id }, context) => {
      const { organisation } = customer(context);
      if (id === organisation.id) return organisation;
      const { data } = context;
      for (const rows of [data.users, data.tenants, data.leases, data.payments]) {
        const row = findIn(rows, id, organisation.id);
        if (row) return row;
      }
      return null;
    },
    tenant: (_root, { id }, context) => findIn(context.data.tenants, id, customer(context).organisation.id),
    tenants: (_root, args, context) => listTenants(context.data, customer(context).organisation.id, args),
    payments: (_root, args, context) => listPayments(context.data, customer(context).organisation.id, args),
    supportIdentity: (_root, { userId }, context) => {
      const { viewer, data } = context;
      if (viewer.kind !== 'service' || !viewer.scopes.includes('warden:identity')) {
        throw forbidden('supportIdentity needs the service token with the warden:identity scope.');
      }
      const user = data.users.find((u) => u.id === userId);
      if (!user) return null;
      const account = organisationOf(data, user.organisationId);
      return {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        privileged: PRIVILEGED[user.role] ?? null,
        account: { id: account.id, name: account.name, sensitive: account.sensitive, supportAccess: account.supportAccess },
      };
    },
  },

  Mutation: {
    updateTenantPhone: (_root, { tenantId, phone }, context) => {
      const { organisation } = customer(context);
      const tenant = findIn(context.data.tenants, tenantId, organisation.id);
      if (!tenant) throw notFound(`Tenant ${tenantId} was not found`);
      const trimmed = phone.trim();
      if (!validPhone(trimmed)) throw badInput(`Phone "${phone}" is not valid`, 'phone');
      tenant.phone = trimmed;
      return tenant;
    },
    refundPayment: (_root, { paymentId, reason }, context) => {
      const viewer = customer(context);
      requireRole(viewer, ['owner', 'admin'], 'refund payments');
      const payment = findIn(context.data.payments, paymentId, viewer.organisation.id);
      if (!payment) throw notFound(`Payment ${paymentId} was not found`);
      if (payment.status === 'refunded') throw fail(`Payment ${paymentId} has already been refunded`, 'CONFLICT');
      if (payment.status !== 'paid') throw fail(`Payment ${paymentId} is ${payment.status} and cannot be refunded`, 'CONFLICT');
      if (reason.trim() === '') throw badInput('A refund needs a reason', 'reason');
      Object.assign(payment, {
        status: 'refunded',
        refundedAt: now(),
        refundReason: reason.trim(),
        refundedBy: viewer.user.id,
        // Who actually pressed the button when someone acts for the user (the token's `act`).
        refundedByAgent: context.act?.sub ?? null,
      });
      return payment;
    },
    exportTenants: (_root, { format = 'CSV', status }, context) => {
      const viewer = customer(context);
      requireRole(viewer, ['owner', 'admin'], 'export tenants');
      const { data } = context;
      const rows = data.tenants
        .filter((t) => t.organisationId === viewer.organisation.id && (status == null || t.status === lower(status)))
        .map(({ id, fullName, email, phone, status: tenantStatus }) => ({ id, fullName, email, phone, status: tenantStatus }));
      const content =
        format === 'JSON'
          ? JSON.stringify(rows)
          : ['id,fullName,email,phone,status', ...rows.map((r) => [r.id, r.fullName, r.email, r.phone, r.status].map(csvCell).join(','))].join('\n');
      const record = {
        id: `exp_${String(data.exports.length + 1).padStart(4, '0')}`,
        organisationId: viewer.organisation.id,
        format,
        rowCount: rows.length,
        createdAt: now(),
        content,
        requestedBy: viewer.user.id,
        requestedByAgent: context.act?.sub ?? null,
      };
      data.exports.push(record);
      return record;
    },
    setSupportAccess: (_root, { access }, context) => {
      const viewer = customer(context);
      requireRole(viewer, ['owner'], 'change support access');
      viewer.organisation.supportAccess = lower(access);
      return viewer.organisation;
    },
  },

  Organisation: {
    supportAccess: (org) => upper(org.supportAccess),
    bankAccountNumber: (org, _args, context) => (['owner', 'admin'].includes(context.viewer.user?.role) ? org.bankAccountNumber : null),
    members: (org, _args, context) => context.data.users.filter((u) => u.organisationId === org.id),
    tenants: (org, args, context) => listTenants(context.data, org.id, args),
    tenantCount: (org, _args, context) => context.data.tenants.filter((t) => t.organisationId === org.id).length,
    recentActivity: (org, { first = 10 }, context) => {
      checkFirst(first, MAX_TENANTS);
      const { data } = context;
      const at = (row) => ('amountPence' in row ? row.paidAt ?? row.dueDate : row.startDate);
      const rows = [...data.payments, ...data.leases].filter((row) => row.organisationId === org.id);
      return rows.sort((a, b) => compare(at(b), at(a)) || compare(a.id, b.id)).slice(0, first);
    },
  },

  User: {
    role: (user) => upper(user.role),
    apiKey: (user, _args, context) => (context.viewer.user?.id === user.id ? user.apiKey : null),
    organisation: (user, _args, context) => organisationOf(context.data, user.organisationId),
  },

  Tenant: {
    status: (tenant) => upper(tenant.status),
    leases: (tenant, _args, context) => context.data.leases.filter((l) => l.tenantId === tenant.id && l.organisationId === tenant.organisationId),
    payments: (tenant, args, context) => listPayments(context.data, tenant.organisationId, { ...args, tenantId: tenant.id, orderBy: 'DUE_DATE_ASC' }),
  },

  Lease: {
    status: (lease) => upper(lease.status),
    tenant: (lease, _args, context) => findIn(context.data.tenants, lease.tenantId, lease.organisationId),
    payments: (lease, args, context) => listPayments(context.data, lease.organisationId, { ...args, leaseId: lease.id, orderBy: 'DUE_DATE_ASC' }),
  },

  Payment: {
    status: (payment) => upper(payment.status),
    method: (payment) => upper(payment.method),
    lease: (payment, _args, context) => findIn(context.data.leases, payment.leaseId, payment.organisationId),
    tenant: (payment, _args, context) => findIn(context.data.tenants, payment.tenantId, payment.organisationId),
  },

  Node: (row) => typeOfRow(row),
  Activity: (row) => typeOfRow(row),
};
