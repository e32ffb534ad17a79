// The Lettings data: in memory, seeded the same way every time (no randomness, no clock), so
// tests can name rows by id. Rows use the app's own spelling: lower-case statuses and roles,
// money in pence, dates as ISO strings.

/** The ids tests and demos refer to. */
export const ids = Object.freeze({
  organisations: Object.freeze({
    harbour: 'org_harbour',
    northside: 'org_northside',
    /** Flagged sensitive: a housing association with vulnerable tenants. */
    meridian: 'org_meridian',
    /** Opted out of support (`supportAccess: never`). */
    quayside: 'org_quayside',
    /** Support must ask first (`supportAccess: ask_first`). */
    eastgate: 'org_eastgate',
  }),
  users: Object.freeze({
    maya: 'usr_maya', // Harbour Lettings, owner
    tom: 'usr_tom', // Harbour Lettings, admin
    jess: 'usr_jess', // Harbour Lettings, member
    priya: 'usr_priya', // Northside Homes, owner
    owen: 'usr_owen', // Northside Homes, member
    ruth: 'usr_ruth', // Meridian Housing Trust, owner
    sam: 'usr_sam', // Meridian Housing Trust, member
    dan: 'usr_dan', // Quayside Rentals, owner
    nina: 'usr_nina', // Quayside Rentals, member
    leah: 'usr_leah', // Eastgate Property, owner
    ben: 'usr_ben', // Eastgate Property, member
  }),
  /** Harbour's tenant with every field filled in. */
  grace: 'ten_hl_001',
  graceLease: 'lse_hl_001',
  /** Grace's first rent payment (paid). */
  gracePayment: 'pay_hl_0001',
  /** Grace's second, already refunded. */
  refundedPayment: 'pay_hl_0002',
  /** A Northside tenant: outside Harbour. */
  northsideTenant: 'ten_nh_001',
});

/** Harbour Lettings' tenants with a lease; each lease has this many monthly payments. */
const HARBOUR_LEASES = 40;
const PAYMENTS_PER_HARBOUR_LEASE = 26;

const FIRST_NAMES = ['Oliver', 'Amelia', 'Harry', 'Isla', 'Jack', 'Ava', 'George', 'Mia', 'Noah', 'Ivy', 'Leo', 'Freya', 'Arthur', 'Lily', 'Oscar', 'Rosie', 'Charlie', 'Evie', 'Theo', 'Daisy'];
const LAST_NAMES = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke'];
const STREETS = ['Harbour Road', 'Quay Street', 'Anchor Lane', 'Marine Parade', 'Ferry Row', 'Dock Terrace'];

const pad = (n, width) => String(n).padStart(width, '0');

/** `2022-01-01` plus `months` months, as `YYYY-MM-DD` (always the 1st). */
function addMonths(date, months) {
  const [year, month] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1, 2)}-01`;
}

/** A stable, key-like string from a row id (FNV-1a, hex): the same key on every seed. */
function keyFrom(text) {
  let out = '';
  for (let round = 0; round < 3; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (const char of text) {
      hash ^= char.codePointAt(0);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}

function organisations() {
  return [
    { id: ids.organisations.harbour, name: 'Harbour Lettings', createdAt: '2021-03-02T10:15:00.000Z', sensitive: false, supportAccess: 'allow', bankAccountNumber: '41926819' },
    { id: ids.organisations.northside, name: 'Northside Homes', createdAt: '2021-09-14T08:40:00.000Z', sensitive: false, supportAccess: 'allow', bankAccountNumber: '73610254' },
    { id: ids.organisations.meridian, name: 'Meridian Housing Trust', createdAt: '2022-01-20T12:00:00.000Z', sensitive: true, supportAccess: 'allow', bankAccountNumber: '20458817' },
    { id: ids.organisations.quayside, name: 'Quayside Rentals', createdAt: '2022-06-07T16:30:00.000Z', sensitive: false, supportAccess: 'never', bankAccountNumber: '58820931' },
    { id: ids.organisations.eastgate, name: 'Eastgate Property', createdAt: '2023-02-11T09:05:00.000Z', sensitive: false, supportAccess: 'ask_first', bankAccountNumber: '66192043' },
  ];
}

function users() {
  const o = ids.organisations;
  const rows = [
    [ids.users.maya, o.harbour, 'Maya Patel', 'maya.patel@harbourlettings.example', 'owner'],
    [ids.users.tom, o.harbour, 'Tom Okafor', 'tom.okafor@harbourlettings.example', 'admin'],
    [ids.users.jess, o.harbour, 'Jess Lin', 'jess.lin@harbourlettings.example', 'member'],
    [ids.users.priya, o.northside, 'Priya Shah', 'priya@northsidehomes.example', 'owner'],
    [ids.users.owen, o.northside, 'Owen Hughes', 'owen@northsidehomes.example', 'member'],
    [ids.users.ruth, o.meridian, 'Ruth Adeyemi', 'r.adeyemi@meridianhousing.example', 'owner'],
    [ids.users.sam, o.meridian, 'Sam Kerr', 's.kerr@meridianhousing.example', 'member'],
    [ids.users.dan, o.quayside, 'Dan Whitfield', 'dan@quaysiderentals.example', 'owner'],
    [ids.users.nina, o.quayside, 'Nina Petrova', 'nina@quaysiderentals.example', 'member'],
    [ids.users.leah, o.eastgate, 'Leah Byrne', 'leah.byrne@eastgateproperty.example', 'owner'],
    [ids.users.ben, o.eastgate, 'Ben Carter', 'ben.carter@eastgateproperty.example', 'member'],
  ];
  return rows.map(([id, organisationId, name, email, role], i) => ({
    id,
    organisationId,
    name,
    email,
    role,
    apiKey: `lt_live_${keyFrom(id)}`,
    createdAt: `2023-0${1 + (i % 9)}-1${i % 10}T09:00:00.000Z`,
  }));
}

/**
 * One tenant row; `n` numbers the tenant inside its organisation, `k` (unique across the seed)
 * picks its made-up name, email, phone and national insurance number.
 */
function tenant(short, organisationId, n, { k = n, ...overrides } = {}) {
  const first = FIRST_NAMES[(k * 3) % FIRST_NAMES.length];
  const last = LAST_NAMES[(k * 7 + Math.floor(k / LAST_NAMES.length)) % LAST_NAMES.length];
  return {
    id: `ten_${short}_${pad(n, 3)}`,
    organisationId,
    fullName: `${first} ${last}`,
    email: `${first}.${last}${k}@mailbox.example`.toLowerCase(),
    phone: `+44 7700 900${pad(500 + k, 3)}`,
    dateOfBirth: `${1960 + ((k * 7) % 40)}-${pad(1 + (k % 12), 2)}-${pad(1 + ((k * 11) % 28), 2)}`,
    nationalId: `QQ ${pad(k % 100, 2)} ${pad((k * 37) % 100, 2)} ${pad((k * 53) % 100, 2)} ${'ABCD'[k % 4]}`,
    notes: null,
    status: 'active',
    createdAt: `2021-${pad(1 + (n % 12), 2)}-${pad(1 + (n % 28), 2)}T11:00:00.000Z`,
    ...overrides,
  };
}

function lease(short, organisationId, n, tenantId, { start, months, rentPence, street, town, status = 'active' }) {
  return {
    id: `lse_${short}_${pad(n, 3)}`,
    organisationId,
    tenantId,
    propertyAddress: `${10 + n} ${street}, ${town}`,
    startDate: start,
    endDate: status === 'ended' ? addMonths(start, months) : null,
    monthlyRentPence: rentPence,
    depositPence: Math.floor((rentPence * 5) / 4),
    status,
  };
}

/** `count` monthly rent payments for a lease, numbered from `firstNumber`. */
function payments(short, leaseRow, firstNumber, count) {
  const rows = [];
  for (let i = 0; i < count; i++) {
    const n = firstNumber + i;
    const dueDate = addMonths(leaseRow.startDate, i);
    const last = i === count - 1 && leaseRow.status === 'active';
    // Deterministic variety: the newest payment of an active lease is still pending, a few
    // failed (bounced direct debits), one in fifty paid by card, the rest by direct debit.
    const status = last ? 'pending' : n % 23 === 0 ? 'failed' : 'paid';
    rows.push({
      id: `pay_${short}_${pad(n, 4)}`,
      organisationId: leaseRow.organisationId,
      leaseId: leaseRow.id,
      tenantId: leaseRow.tenantId,
      amountPence: leaseRow.monthlyRentPence,
      currency: 'GBP',
      status,
      method: n % 50 === 0 ? 'card' : n % 7 === 0 ? 'bank_transfer' : 'direct_debit',
      dueDate,
      paidAt: status === 'paid' ? `${dueDate}T0${(n % 8) + 1}:${pad((n * 13) % 60, 2)}:00.000Z` : null,
      reference: `RENT-${leaseRow.id.slice(4).replace('_', '').toUpperCase()}-${dueDate.slice(0, 7)}`,
      refundedAt: null,
      refundReason: null,
      refundedBy: null,
      refundedByAgent: null,
    });
  }
  return rows;
}

/** A small organisation: `count` tenants, each with a lease and `months` payments. */
function smallOrganisation(data, short, organisationId, { names, months, town, street, rentPence, k }) {
  let paymentNumber = 1;
  for (let n = 1; n <= names.length; n++) {
    const name = names[n - 1];
    const row = tenant(short, organisationId, n, { k: k + n, fullName: name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@mailbox.example` });
    data.tenants.push(row);
    const leaseRow = lease(short, organisationId, n, row.id, { start: addMonths('2024-01-01', n), months, rentPence: rentPence + n * 2500, street, town });
    data.leases.push(leaseRow);
    data.payments.push(...payments(short, leaseRow, paymentNumber, months));
    paymentNumber += months;
  }
}

/** A fresh copy of the seed. */
export function createSeedData() {
  const o = ids.organisations;
  const data = { organisations: organisations(), users: users(), tenants: [], leases: [], payments: [], exports: [] };

  // Harbour Lettings: 40 leased tenants × 26 months = 1,040 payments, plus three applicants.
  data.tenants.push(
    tenant('hl', o.harbour, 1, {
      fullName: 'Grace Holloway',
      email: 'grace.holloway@mailbox.example',
      phone: '+44 7700 900461',
      dateOfBirth: '1988-03-14',
      nationalId: 'QQ 12 34 56 C',
      notes: 'Prefers a text after 6pm. Has a guide dog (permitted under the lease).',
    }),
  );
  for (let n = 2; n <= HARBOUR_LEASES + 3; n++) {
    const status = n > HARBOUR_LEASES ? 'applicant' : n % 9 === 0 ? 'former' : 'active';
    data.tenants.push(tenant('hl', o.harbour, n, { status }));
  }
  let paymentNumber = 1;
  for (let n = 1; n <= HARBOUR_LEASES; n++) {
    const leaseRow = lease('hl', o.harbour, n, `ten_hl_${pad(n, 3)}`, {
      start: addMonths('2022-01-01', n % 12),
      months: PAYMENTS_PER_HARBOUR_LEASE,
      rentPence: 95000 + (n % 8) * 5000,
      street: STREETS[n % STREETS.length],
      town: 'Southsea',
      status: n % 9 === 0 ? 'ended' : 'active',
    });
    data.leases.push(leaseRow);
    data.payments.push(...payments('hl', leaseRow, paymentNumber, PAYMENTS_PER_HARBOUR_LEASE));
    paymentNumber += PAYMENTS_PER_HARBOUR_LEASE;
  }
  // One refund already on the books (a double-collected direct debit).
  const refunded = data.payments.find((p) => p.id === ids.refundedPayment);
  Object.assign(refunded, { status: 'refunded', refundedAt: `${refunded.dueDate}T15:00:00.000Z`, refundReason: 'Collected twice by the bank', refundedBy: ids.users.tom });

  smallOrganisation(data, 'nh', o.northside, { names: ['Aisha Rahman', 'Connor Doyle', 'Megan Price'], k: 50, months: 6, town: 'Leeds', street: 'Kirkstall Road', rentPence: 82500 });
  smallOrganisation(data, 'mh', o.meridian, { names: ['Yusuf Ali', 'Bethan Morgan'], k: 60, months: 4, town: 'Bristol', street: 'Gloucester Road', rentPence: 61000 });
  smallOrganisation(data, 'qr', o.quayside, { names: ['Kofi Mensah', 'Sophie Turner'], k: 70, months: 3, town: 'Cardiff', street: 'Bute Street', rentPence: 78000 });
  smallOrganisation(data, 'eg', o.eastgate, { names: ['Hannah Webb'], k: 80, months: 2, town: 'Norwich', street: 'Prince of Wales Road', rentPence: 70000 });

  return data;
}

/** Puts the seed back into `data` in place, so references to `data` and its arrays stay valid. */
export function resetData(data) {
  const fresh = createSeedData();
  for (const [key, rows] of Object.entries(fresh)) {
    if (Array.isArray(data[key])) data[key].splice(0, data[key].length, ...rows);
    else data[key] = rows;
  }
  return data;
}
