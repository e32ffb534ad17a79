const GROUPED = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "GBP 1,200.00": an amount in the smallest unit of its currency, as a person reads it. */
export function formatAmount(cents: number, currency: string): string {
  return `${currency} ${GROUPED.format(cents / 100)}`;
}
