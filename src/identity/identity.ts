import type { Executor } from '../db/database.js';

/** What a customer decided about support entering their account. */
export type SupportAccess = 'allow' | 'ask_first' | 'never';

/** A customer's account, as the start rules need it now. */
export interface AccountIdentity {
  id: string;
  name: string;
  /** Flagged sensitive (regulated, enterprise): every session in it waits for a manager. */
  sensitive: boolean;
  /** `ask_first`: every session waits for a manager; `never`: support may not enter at all. */
  supportAccess: SupportAccess;
}

/** A customer user, as the application knows them now. */
export interface CustomerIdentity {
  id: string;
  name: string;
  /** Compared with the staff directory: a staff member's own customer user cannot be entered. */
  email: string | null;
  /** Their role in the account as the application names it (`owner`, `member`…): handed to its rules. */
  role: string;
  /**
   * Why entering as this customer always waits for a manager because of who they are, as a
   * manager reads it after "the user is": `the account's owner`. Null for an ordinary user.
   * A session as someone who becomes privileged mid-session ends.
   */
  privileged: string | null;
  account: AccountIdentity;
}


/**
 * How Warden learns about an application's customers: who a token's `sub` is, which account
 * they belong to, whether they are privileged there, whether the account is sensitive or has
 * opted out of support. The application answers from its own data; Warden never reads the
 * application's tables itself. Staff are Warden's own (`staff` table).
 *
 * Warden asks again whenever a rule depends on the answer (at every request of a session, when
 * a start is approved and collected, in the sweeper), so a change in the application takes
 * effect on the next request.
 *
 * `within`: when Warden asks inside one of its own transactions it passes it. An identity that
 * lives in the same database should read through it (`within.withTables<YourTables>()`): the
 * embedded database has a single connection, and reading inside the transaction sees what it
 * sees. One that lives elsewhere ignores it.
 */
export interface WardenIdentity {
  /** The customer user with this id, as they are now; null when there is none. */
  customer(id: string, within?: Executor): Promise<CustomerIdentity | null>;
}
