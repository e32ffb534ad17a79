/** A GraphQL name, short enough to be a label. */
const LABELLED_NAME = /^\w{1,64}$/;

/** The values Warden itself labels with: an operation so named is counted as `other`, not mistaken for them. */
const RESERVED = new Set(['anonymous', 'other', 'none']);

/**
 * Operation names as label values, bounded: clients choose them, and every distinct value is
 * a time series kept by the gateway and by Prometheus. The first `max` names seen are kept
 * (the gateway only asks once an operation passed authentication and validation, so a
 * stranger cannot claim them); later ones, and any name that is not a short GraphQL name,
 * are `other`.
 */
export function boundedOperationLabels(max: number): (name: string | null | undefined) => string {
  const kept = new Set<string>();
  return (name) => {
    if (name === null || name === undefined) return 'anonymous';
    if (kept.has(name)) return name;
    if (kept.size >= max || RESERVED.has(name) || !LABELLED_NAME.test(name)) return 'other';
    kept.add(name);
    return name;
  };
}
