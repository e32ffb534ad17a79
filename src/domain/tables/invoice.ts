import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'refunded';

export interface InvoiceTable {
  id: string;
  account_id: string;
  number: string;
  amount_cents: number;
  currency: string;
  /** Basis points: 2000 is 20%. */
  tax_rate_bp: number;
  status: InvoiceStatus;
  issued_on: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type InvoiceRow = Selectable<InvoiceTable>;
export type NewInvoiceRow = Insertable<InvoiceTable>;
export type InvoiceUpdate = Updateable<InvoiceTable>;
