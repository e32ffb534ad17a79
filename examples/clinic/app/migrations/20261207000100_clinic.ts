import { type Kysely, sql } from 'kysely';

/**
 * The clinic's tables: practices (the customer accounts), their members (who sign in),
 * patients and appointments. Insurance numbers and diagnoses are stored as the product needs
 * them; Warden decides what support sees of them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('practices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sensitive', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('support_access', 'text', (c) => c.notNull().defaultTo('allow').check(sql`support_access in ('allow', 'ask_first', 'never')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('practice_manager', 'clinician', 'receptionist')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('members_practice_id_idx').on('members').column('practice_id').execute();

  await db.schema
    .createTable('patients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'date', (c) => c.notNull())
    .addColumn('insurance_number', 'text', (c) => c.notNull())
    .addColumn('diagnosis', 'text')
    .addColumn('intake_notes', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('patients_practice_id_idx').on('patients').column('practice_id').execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('clinician_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('booked').check(sql`status in ('booked', 'confirmed', 'cancelled', 'completed')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('appointments_practice_starts_idx').on('appointments').columns(['practice_id', 'starts_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['appointments', 'patients', 'members', 'practices']) await db.schema.dropTable(table).execute();
}
