import type { SignedIn } from '../api/sign-in.js';

export interface Page {
  route: string;
  label: string;
}

export const CUSTOMERS_PAGE: Page = { route: '/customers', label: 'Customers' };
export const APPROVALS_PAGE: Page = { route: '/approvals', label: 'Approvals' };
export const POLICY_PAGE: Page = { route: '/policy', label: 'Field policy' };
export const AUDIT_PAGE: Page = { route: '/audit', label: 'Audit trail' };
export const ACCESS_PAGE: Page = { route: '/access', label: 'Support access' };
export const ACCOUNT_PAGE: Page = { route: '/me', label: 'Signed in' };

/** The pages a caller's roles open; the gateway still decides every request. */
export function pagesFor(signedIn: SignedIn): Page[] {
  const pages: Page[] = [];
  if (signedIn.roles.includes('support_agent') || signedIn.roles.includes('oncall_engineer')) pages.push(CUSTOMERS_PAGE);
  if (signedIn.roles.includes('support_manager')) pages.push(APPROVALS_PAGE);
  if (signedIn.roles.includes('security_admin')) pages.push(POLICY_PAGE);
  if (signedIn.roles.includes('auditor')) pages.push(AUDIT_PAGE);
  if (signedIn.kind === 'customer') pages.push(ACCESS_PAGE);
  if (pages.length === 0) pages.push(ACCOUNT_PAGE);
  return pages;
}

const ROLE_NAMES: Record<string, string> = {
  support_agent: 'support agent',
  support_manager: 'support manager',
  security_admin: 'security admin',
  auditor: 'auditor',
  oncall_engineer: 'on-call engineer',
};

export function describeRoles(signedIn: Pick<SignedIn, 'kind' | 'roles'>): string {
  if (signedIn.kind === 'customer') return 'customer';
  return signedIn.roles.map((role) => ROLE_NAMES[role] ?? role).join(', ') || 'staff, no role';
}
