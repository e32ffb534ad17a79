import type { McpOperation } from '../index.js';

/**
 * The reference domain's MCP tools: the GraphQL operations an assistant may run, each as the
 * person calling it, through Warden's whole pipeline. Nothing else runs over MCP; a caller is
 * offered only those its policy could ever allow (docs/mcp.md).
 */
export const DEMO_MCP_OPERATIONS: readonly McpOperation[] = [
  {
    description: "The account you are acting on: its plan, region, support setting and users (personal data as your policy shows it).",
    document: `query Account {
      account { id name plan planStatus region supportAccess users { id name email role } }
    }`,
  },
  {
    description: "The account's invoices, newest first, optionally only those of one status: number, amount in cents, currency, tax rate and status.",
    document: `query Invoices($status: InvoiceStatus, $first: Int = 20) {
      account { invoices(status: $status, first: $first) { id number amountCents currency taxRate status issuedOn } }
    }`,
  },
  {
    description: 'One invoice of the account by its id (inv_…); null when the account has no such invoice.',
    document: `query Invoice($id: ID!) {
      invoice(id: $id) { id number amountCents currency taxRate status issuedOn }
    }`,
  },
  {
    description: "The user you are (or act as): name, email, role, and the personal details Warden shows only to the user themselves (birth date, national id).",
    document: `query Me {
      me { id name email role birthDate nationalId }
    }`,
  },
  {
    description: "Support staff only: find a customer by their name or their account's name, to start a session as them.",
    document: `query FindCustomer($search: String!, $first: Int = 20) {
      directory(search: $search, first: $first) { userId name accountId accountName plan }
    }`,
  },
  {
    description: 'Managers only: the requests waiting for a decision, oldest first, each with a summary of what approving it would do.',
    document: `query PendingApprovals {
      pendingApprovals { id kind status summary reason createdAt }
    }`,
  },
  {
    description: "Change an invoice's tax rate (percent, 0 to 100, at most two decimals). A routine change: it runs in a read-write session.",
    document: `mutation SetInvoiceTaxRate($input: SetInvoiceTaxRateInput!) {
      setInvoiceTaxRate(input: $input) { id number taxRate }
    }`,
  },
  {
    description: 'Refund a paid invoice. A risky change: in a session it runs only once a manager approved this exact call (RequestApproval).',
    document: `mutation RefundInvoice($invoiceId: ID!) {
      refundInvoice(invoiceId: $invoiceId) { id number status }
    }`,
  },
];
