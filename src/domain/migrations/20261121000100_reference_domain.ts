import { type Kysely, sql } from 'kysely';

/**
 * The reference SaaS domain Warden ships with: accounts (workspaces), their users, payment
 * methods, invoices with tax settings, API tokens, private notes and notification settings. (The
 * staff directory is Warden's own table.) Secrets are stored here exactly as a real product would store them (full card
 * numbers, token secrets) so that masking is demonstrated against realistic data.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull().check(sql`plan in ('free', 'team', 'enterprise')`))
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('sensitive', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('support_access', 'text', (c) =>
      c.notNull().defaultTo('allow').check(sql`support_access in ('allow', 'ask_first', 'never')`),
    )
    .addColumn('feature_flags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('phone', 'text')
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('owner', 'admin', 'billing', 'member')`),
    )
    .addColumn('birth_date', 'date')
    .addColumn('national_id', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('mfa_recovery_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('users_account_id_idx').on('users').column('account_id').execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('invoice_emails', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('security_alerts', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('product_updates', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sms_alerts', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('payment_methods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('card_number', 'text', (c) => c.notNull())
    .addColumn('exp_month', 'integer', (c) => c.notNull().check(sql`exp_month between 1 and 12`))
    .addColumn('exp_year', 'integer', (c) => c.notNull())
    .addColumn('billing_address', 'text', (c) => c.notNull())
    .addColumn('is_default', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('payment_methods_account_id_idx')
    .on('payment_methods')
    .column('account_id')
    .execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('amount_cents', 'integer', (c) => c.notNull().check(sql`amount_cents >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    // Basis points (2000 = 20%) keep tax arithmetic exact without numeric-to-string parsing.
    .addColumn('tax_rate_bp', 'integer', (c) =>
      c.notNull().check(sql`tax_rate_bp between 0 and 10000`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'open', 'paid', 'void', 'refunded')`),
    )
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('invoices_account_id_issued_on_idx')
    .on('invoices')
    .columns(['account_id', 'issued_on'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull().unique())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('api_tokens_account_id_idx').on('api_tokens').column('account_id').execute();

  await db.schema
    .createTable('private_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('private_notes_account_id_idx')
    .on('private_notes')
    .column('account_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'private_notes',
    'api_tokens',
    'invoices',
    'payment_methods',
    'notification_settings',
    'users',
    'accounts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
