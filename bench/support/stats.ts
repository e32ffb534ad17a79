/** Summary of repeated measurements: the median is the figure, min/max/stdev the spread. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  stdev: number;
  n: number;
}

export function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { median: NaN, min: NaN, max: NaN, stdev: NaN, n: 0 };
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  const variance = finite.length > 1 ? finite.reduce((a, v) => a + (v - mean) ** 2, 0) / (finite.length - 1) : 0;
  return { median: percentile(finite, 50), min: Math.min(...finite), max: Math.max(...finite), stdev: Math.sqrt(variance), n: finite.length };
}

/** Linear interpolation between closest ranks; `values` need not be sorted. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? NaN;
  const highValue = sorted[high] ?? lowValue;
  return lowValue + (highValue - lowValue) * (rank - low);
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
