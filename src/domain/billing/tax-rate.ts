/** Percent (as typed by a person, e.g. 20 or 7.5) to basis points; null when not a valid rate. */
export function percentToBasisPoints(percent: number): number | null {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return null;
  const bp = Math.round(percent * 100);
  // More than two decimals would be silently rounded: refuse rather than store another number.
  return Math.abs(bp - percent * 100) < 1e-6 ? bp : null;
}

export function basisPointsToPercent(bp: number): number {
  return bp / 100;
}

/** "20%", "7.5%": how the audit summary shows a rate. */
export function formatTaxRate(bp: number): string {
  return `${basisPointsToPercent(bp)}%`;
}
