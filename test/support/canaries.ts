import type { Db } from '../../src/db/database.js';
import type { DomainTables } from '../../src/domain/database.js';
import type { Canary } from './canary-check.js';

/** The reference domain's canaries: recognisable secrets seeded into one account (see `Canary`). */
export const CANARY_ACCOUNT = 'acc_canary';
export const CANARY_USER = 'usr_canary_owner';

export const CANARIES: readonly Canary[] = [
  { field: 'User.name', value: 'Cnryname Zzyzx', token: 'Cnryname' },
  { field: 'User.email', value: 'qCNRYMAILLOCAL@canary.example', token: 'CNRYMAILLOCAL' },
  { field: 'User.phone', value: '+1 555 738 2946 1357', token: '555 738 2946' },
  { field: 'User.birthDate', value: '1931-07-19', token: '1931-07-19' },
  { field: 'User.nationalId', value: 'CNRYNATIONALID42zz', token: 'CNRYNATIONALID42' },
  { field: 'PaymentMethod.cardNumber', value: '4000123456789010', token: '400012345678' },
  { field: 'PaymentMethod.billingAddress', value: 'CNRYADDRESS 1 Canary Wharf', token: 'CNRYADDRESS' },
  { field: 'ApiToken.secret', value: 'wdn_live_CNRYTOKENSECRET99ab', token: 'CNRYTOKENSECRET99' },
  { field: 'PrivateNote.body', value: 'CNRYNOTEBODY plans for the merger', token: 'CNRYNOTEBODY' },
];

/** Secrets the schema never exposes at all: they must not appear for anyone, ever. */
export const NEVER_SHOWN: readonly Canary[] = [
  { field: 'users.password_hash', value: '$scrypt$CNRYPASSWORDHASH$abc', token: 'CNRYPASSWORDHASH' },
  { field: 'users.mfa_recovery_codes', value: 'CNRYRECOVERYCODE1', token: 'CNRYRECOVERYCODE1' },
];

const canary = (field: string) => CANARIES.find((c) => c.field === field)?.value ?? '';

/** One account holding every canary; its owner is also its billing contact. */
export async function seedCanaries(db: Db): Promise<void> {
  await db.transaction().execute(async (wardenTrx) => {
    const trx = wardenTrx.withTables<DomainTables>();
    await trx.insertInto('accounts').values({ id: CANARY_ACCOUNT, name: 'Canary Ltd', plan: 'team', region: 'eu-west-2' }).execute();
    await trx
      .insertInto('users')
      .values({
        id: CANARY_USER,
        account_id: CANARY_ACCOUNT,
        name: canary('User.name'),
        email: canary('User.email'),
        phone: canary('User.phone'),
        role: 'owner',
        birth_date: canary('User.birthDate'),
        national_id: canary('User.nationalId'),
        password_hash: NEVER_SHOWN[0]?.value ?? '',
        mfa_recovery_codes: [NEVER_SHOWN[1]?.value ?? ''],
      })
      .execute();
    await trx.insertInto('notification_settings').values({ user_id: CANARY_USER }).execute();
    await trx
      .insertInto('payment_methods')
      .values({
        id: 'pm_canary',
        account_id: CANARY_ACCOUNT,
        brand: 'visa',
        card_number: canary('PaymentMethod.cardNumber'),
        exp_month: 1,
        exp_year: 2031,
        billing_address: canary('PaymentMethod.billingAddress'),
        is_default: true,
      })
      .execute();
    await trx.insertInto('invoices').values({ id: 'inv_canary_1', account_id: CANARY_ACCOUNT, number: 'CAN-1', amount_cents: 100, currency: 'GBP', tax_rate_bp: 2000, status: 'open', issued_on: '2026-01-01' }).execute();
    await trx.insertInto('api_tokens').values({ id: 'tok_canary', account_id: CANARY_ACCOUNT, created_by: CANARY_USER, name: 'Canary token', secret: canary('ApiToken.secret') }).execute();
    await trx.insertInto('private_notes').values({ id: 'note_canary', account_id: CANARY_ACCOUNT, author_id: CANARY_USER, body: canary('PrivateNote.body') }).execute();
  });
}
