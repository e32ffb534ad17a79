import type { GraphQLErrorShape } from '../api/graphql-client.js';

/**
 * Warden's masks keep a fragment and replace the rest with `•` (`j•••@acme.example`,
 * `•••• 4242`, `••••••a9`) or answer `[redacted]`: a value shaped so is one the policy masked.
 */
export function isMasked(value: unknown): value is string {
  return typeof value === 'string' && (value.includes('•') || value === '[redacted]');
}

/** Errors by the response path they are about (`account.users.2.birthDate`). */
export function errorsByPath(errors: readonly GraphQLErrorShape[]): Map<string, GraphQLErrorShape> {
  return new Map(errors.filter((error) => error.path).map((error) => [error.path?.join('.') ?? '', error]));
}

const WITHHELD_BECAUSE: Record<string, string> = {
  FIELD_DENIED: 'withheld by policy',
  FORBIDDEN: 'not shown to this customer',
};

/** One value as the session sees it: plain, visibly masked, or withheld (never the value). */
export function ShownValue(props: { value: unknown; path: string; errors: Map<string, GraphQLErrorShape> }) {
  const error = props.errors.get(props.path);
  if (error) {
    const because = WITHHELD_BECAUSE[error.extensions?.code ?? ''] ?? 'withheld';
    return (
      <span className="withheld" title={error.message}>
        <span className="badge badge-withheld">{because}</span>
      </span>
    );
  }
  const { value } = props;
  if (value === null || value === undefined || value === '') return <span className="muted">none</span>;
  if (isMasked(value)) {
    return (
      <span className="masked">
        <span className="masked-value">{value}</span> <span className="badge badge-masked">masked</span>
      </span>
    );
  }
  return <>{typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)}</>;
}
