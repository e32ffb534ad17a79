import type { NewStaffRow } from '../../index.js';
import type { NewAccountRow } from '../tables/account.js';
import type { NewApiTokenRow } from '../tables/api-token.js';
import type { InvoiceStatus, NewInvoiceRow } from '../tables/invoice.js';
import type { NewNotificationSettingsRow } from '../tables/notification-settings.js';
import type { NewPaymentMethodRow } from '../tables/payment-method.js';
import type { NewPrivateNoteRow } from '../tables/private-note.js';
import type { NewUserRow } from '../tables/user.js';

/**
 * The demo world, with fixed ids so the README, tests and frontends can name its people.
 * Each account shows one rule: Acme is ordinary, Globex is sensitive, Initech said "never",
 * Umbrella asked to be asked first. Every account has an owner; Acme has all four user roles.
 */
export const DEMO_ACCOUNTS = [
  { id: 'acc_acme', name: 'Acme Co', plan: 'team', region: 'eu-west-1', feature_flags: ['new-billing', 'sso'] },
  { id: 'acc_globex', name: 'Globex Bank', plan: 'enterprise', region: 'us-east-1', sensitive: true, feature_flags: ['sso', 'audit-export'] },
  { id: 'acc_initech', name: 'Initech', plan: 'team', region: 'eu-central-1', support_access: 'never' },
  { id: 'acc_umbrella', name: 'Umbrella Labs', plan: 'free', region: 'us-west-2', support_access: 'ask_first' },
] satisfies NewAccountRow[];

/** Not a real hash of anything: it only has to look like one and never leave the gateway. */
const hash = (salt: string) => `$scrypt$ln=15,r=8,p=1$${salt}$3q2+7w9XkLx1c0VfJm4pY8TnR6sHbUe2Qa5Wd7Gz`;

export const DEMO_USERS = [
  { id: 'usr_jane', account_id: 'acc_acme', name: 'Jane Doe', email: 'jane.doe@acme.example', phone: '+44 20 7946 0101', role: 'owner', birth_date: '1986-04-12', national_id: 'GB-QQ123456C', password_hash: hash('amFuZQ'), mfa_recovery_codes: ['7KQ2-MX4P', 'Z9RT-4LWE', 'B6NA-Q3JH'] },
  { id: 'usr_omar', account_id: 'acc_acme', name: 'Omar Haddad', email: 'omar.haddad@acme.example', phone: '+44 20 7946 0102', role: 'admin', birth_date: '1990-09-30', national_id: 'GB-QQ654321A', password_hash: hash('b21hcg'), mfa_recovery_codes: ['H2VD-8PZC', 'N5XW-1KQR'] },
  { id: 'usr_lena', account_id: 'acc_acme', name: 'Lena Berg', email: 'lena.berg@acme.example', phone: '+44 20 7946 0103', role: 'billing', birth_date: '1979-01-05', national_id: 'GB-QQ112233B', password_hash: hash('bGVuYQ'), mfa_recovery_codes: [] },
  { id: 'usr_tom', account_id: 'acc_acme', name: 'Tom Baker', email: 'tom.baker@acme.example', phone: '+44 20 7946 0104', role: 'member', birth_date: '1995-07-21', national_id: 'GB-QQ445566D', password_hash: hash('dG9t'), mfa_recovery_codes: ['P8LM-2WQA'] },
  { id: 'usr_grace', account_id: 'acc_globex', name: 'Grace Kim', email: 'grace.kim@globex.example', phone: '+1 212 555 0150', role: 'owner', birth_date: '1982-11-02', national_id: 'US-078-05-1120', password_hash: hash('Z3JhY2U'), mfa_recovery_codes: ['Q4TY-7ZXC', 'M1NB-6VFR'] },
  { id: 'usr_victor', account_id: 'acc_globex', name: 'Victor Hugo', email: 'victor.hugo@globex.example', phone: '+1 212 555 0151', role: 'member', birth_date: '1975-02-26', national_id: 'US-219-09-9999', password_hash: hash('dmljdG9y'), mfa_recovery_codes: [] },
  { id: 'usr_peter', account_id: 'acc_initech', name: 'Peter Gibbons', email: 'peter.gibbons@initech.example', phone: '+49 30 901820', role: 'owner', birth_date: '1971-03-19', national_id: 'DE-T220001293', password_hash: hash('cGV0ZXI'), mfa_recovery_codes: ['R3DS-TAPL'] },
  { id: 'usr_milton', account_id: 'acc_initech', name: 'Milton Waddams', email: 'milton.waddams@initech.example', phone: '+49 30 901821', role: 'member', birth_date: '1960-08-08', national_id: 'DE-T220001294', password_hash: hash('bWlsdG9u'), mfa_recovery_codes: [] },
  { id: 'usr_alice', account_id: 'acc_umbrella', name: 'Alice Abernathy', email: 'alice@umbrella.example', phone: '+1 415 555 0199', role: 'owner', birth_date: '1988-12-24', national_id: 'US-123-45-6789', password_hash: hash('YWxpY2U'), mfa_recovery_codes: ['U7BR-ELLA'] },
  { id: 'usr_carlos', account_id: 'acc_umbrella', name: 'Carlos Oliveira', email: 'carlos@umbrella.example', phone: '+1 415 555 0198', role: 'member', birth_date: '1984-06-14', national_id: 'US-987-65-4321', password_hash: hash('Y2FybG9z'), mfa_recovery_codes: [] },
] satisfies NewUserRow[];

export const DEMO_NOTIFICATION_SETTINGS: NewNotificationSettingsRow[] = DEMO_USERS.map((user) => ({
  user_id: user.id,
  invoice_emails: user.role !== 'member',
  security_alerts: true,
  product_updates: user.role === 'member',
  sms_alerts: user.role === 'owner',
}));

export const DEMO_PAYMENT_METHODS = [
  { id: 'pm_acme_visa', account_id: 'acc_acme', brand: 'visa', card_number: '4242424242424242', exp_month: 8, exp_year: 2029, billing_address: '1 Market Street, London EC1A 1BB', is_default: true },
  { id: 'pm_acme_amex', account_id: 'acc_acme', brand: 'amex', card_number: '378282246310005', exp_month: 2, exp_year: 2028, billing_address: '1 Market Street, London EC1A 1BB' },
  { id: 'pm_globex_mc', account_id: 'acc_globex', brand: 'mastercard', card_number: '5555555555554444', exp_month: 11, exp_year: 2030, billing_address: '200 Park Avenue, New York NY 10166', is_default: true },
  { id: 'pm_initech_visa', account_id: 'acc_initech', brand: 'visa', card_number: '4000056655665556', exp_month: 4, exp_year: 2027, billing_address: 'Friedrichstraße 100, 10117 Berlin', is_default: true },
  { id: 'pm_umbrella_visa', account_id: 'acc_umbrella', brand: 'visa', card_number: '4000002500003155', exp_month: 6, exp_year: 2028, billing_address: '500 Howard Street, San Francisco CA 94105', is_default: true },
] satisfies NewPaymentMethodRow[];

const INVOICE_PLAN: Array<[accountId: string, prefix: string, count: number, currency: string, taxRateBp: number]> = [
  ['acc_acme', 'ACME', 12, 'GBP', 2000],
  ['acc_globex', 'GLBX', 6, 'USD', 0],
  ['acc_initech', 'INIT', 4, 'EUR', 1900],
  ['acc_umbrella', 'UMBR', 3, 'USD', 850],
];

/**
 * Most invoices are paid and each account's newest is open; these show the other statuses. Acme's
 * first ten stay paid (tests refund them) and ACME-2026-012 stays open at 20% (the README's
 * "wrong tax rate" story).
 */
const OTHER_STATUSES: Record<string, InvoiceStatus> = {
  'ACME-2026-011': 'refunded',
  'GLBX-2026-004': 'void',
  'GLBX-2026-005': 'open',
  'GLBX-2026-006': 'draft',
  'INIT-2026-002': 'refunded',
  'UMBR-2026-001': 'void',
};

/** A year of monthly invoices per account, deterministic so tests can name them. */
export const DEMO_INVOICES: NewInvoiceRow[] = INVOICE_PLAN.flatMap(([accountId, prefix, count, currency, taxRateBp]) =>
  Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const month = String(((i % 12) + 1)).padStart(2, '0');
    const number = `${prefix}-2026-${String(n).padStart(3, '0')}`;
    return {
      id: `inv_${prefix.toLowerCase()}_${String(n).padStart(3, '0')}`,
      account_id: accountId,
      number,
      amount_cents: 4900 + n * 1250,
      currency,
      tax_rate_bp: taxRateBp,
      status: OTHER_STATUSES[number] ?? (n === count ? 'open' : 'paid'),
      issued_on: `2026-${month}-01`,
    };
  }),
);

export const DEMO_API_TOKENS = [
  { id: 'tok_acme_ci', account_id: 'acc_acme', created_by: 'usr_omar', name: 'CI deploys', secret: 'wdn_live_4c7a1f09b2d84e6c9a3f5b1e7d20a9', last_used_at: new Date('2026-11-20T09:14:00Z') },
  { id: 'tok_acme_reports', account_id: 'acc_acme', created_by: 'usr_jane', name: 'Finance reports', secret: 'wdn_live_9e2b7c4d1a6f3e8b5c0d2a7f4e1b6c', last_used_at: null },
  { id: 'tok_globex_etl', account_id: 'acc_globex', created_by: 'usr_grace', name: 'Nightly ETL', secret: 'wdn_live_1f3e5a7c9b2d4f6a8c0e2b4d6f8a1c', last_used_at: new Date('2026-11-21T02:00:00Z') },
  { id: 'tok_umbrella_dev', account_id: 'acc_umbrella', created_by: 'usr_alice', name: 'Local development', secret: 'wdn_test_5d8a2c6e0b4f7a1d3c9e5b2a8f6d0c', last_used_at: null },
] satisfies NewApiTokenRow[];

export const DEMO_PRIVATE_NOTES = [
  { id: 'note_acme_1', account_id: 'acc_acme', author_id: 'usr_jane', body: 'Negotiating a 15% discount with the CFO before renewal; do not mention it to sales.' },
  { id: 'note_acme_2', account_id: 'acc_acme', author_id: 'usr_lena', body: 'VAT registration changes in January: update the tax rate then.' },
  { id: 'note_globex_1', account_id: 'acc_globex', author_id: 'usr_grace', body: 'Regulator visit on 3 December: freeze all configuration changes.' },
  { id: 'note_umbrella_1', account_id: 'acc_umbrella', author_id: 'usr_alice', body: 'Project Nemesis budget moves to Q1.' },
] satisfies NewPrivateNoteRow[];

export const DEMO_STAFF = [
  { id: 'stf_sarah', name: 'Sarah Lee', email: 'sarah.lee@warden.example', roles: ['support_agent'] },
  { id: 'stf_leo', name: 'Leo Park', email: 'leo.park@warden.example', roles: ['support_agent'] },
  { id: 'stf_marcus', name: 'Marcus Webb', email: 'marcus.webb@warden.example', roles: ['support_manager'] },
  { id: 'stf_nadia', name: 'Nadia Rahman', email: 'nadia.rahman@warden.example', roles: ['support_manager', 'support_agent'] },
  { id: 'stf_priya', name: 'Priya Nair', email: 'priya.nair@warden.example', roles: ['security_admin'] },
  { id: 'stf_yuki', name: 'Yuki Tanaka', email: 'yuki.tanaka@warden.example', roles: ['security_admin'] },
  { id: 'stf_dan', name: 'Dan Okafor', email: 'dan.okafor@warden.example', roles: ['auditor'] },
  { id: 'stf_ines', name: 'Ines Moreau', email: 'ines.moreau@warden.example', roles: ['oncall_engineer'] },
  // An AI assistant: no roles; it reads only sessions an agent delegates to it (docs/ai-assistants.md).
  { id: 'ast_triage', name: 'Triage-Bot', email: 'triage-bot@warden.example', roles: [], kind: 'assistant', vendor: 'Example Labs', model: 'triage-1' },
] satisfies NewStaffRow[];
