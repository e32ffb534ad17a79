import type { CustomerPrincipal } from '../../index.js';

/**
 * Sensitive fields (birth date, national ID) and private notes are each user's own: only the
 * account's owners and admins also see their colleagues'. Support acting as a customer sees
 * what that customer sees.
 */
export function seesColleaguesPrivateData(viewer: CustomerPrincipal): boolean {
  return viewer.role === 'owner' || viewer.role === 'admin';
}

/** Whether `viewer` may see the sensitive fields of user `userId` of the same account. */
export function seesPrivateDataOf(viewer: CustomerPrincipal, userId: string): boolean {
  return viewer.id === userId || seesColleaguesPrivateData(viewer);
}
