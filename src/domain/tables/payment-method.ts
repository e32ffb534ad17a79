import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface PaymentMethodTable {
  id: string;
  account_id: string;
  brand: string;
  /** The full card number, as a careless product would store it: the policy must mask it. */
  card_number: string;
  exp_month: number;
  exp_year: number;
  billing_address: string;
  is_default: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type PaymentMethodRow = Selectable<PaymentMethodTable>;
export type NewPaymentMethodRow = Insertable<PaymentMethodTable>;
