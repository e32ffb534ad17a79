import { GraphQLError } from 'graphql';
import { wardenError } from '../errors/index.js';

/** Why a request names nobody Warden serves: for the log and the count, never for the response. */
export type UnauthenticatedBecause =
  | 'no-token'
  | 'malformed'
  | 'expired'
  | 'bad-signature'
  | 'invalid-claims'
  | 'unknown-person'
  | 'deactivated'
  | 'keys-unavailable';

/**
 * The refusal of a request without a valid token. It answers exactly as `wardenError` would
 * (the body depends on the token alone, never on the document); `because` stays on the server.
 */
export class Unauthenticated extends GraphQLError {
  readonly because: UnauthenticatedBecause;

  constructor(because: UnauthenticatedBecause, message: string) {
    const shaped = wardenError(because === 'keys-unavailable' ? 'IDENTITY_PROVIDER_UNAVAILABLE' : 'UNAUTHENTICATED', message);
    super(shaped.message, { extensions: shaped.extensions });
    this.because = because;
  }
}
