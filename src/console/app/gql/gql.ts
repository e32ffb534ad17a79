/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleCustomerAccount {\n    me {\n      id\n      name\n      email\n      phone\n      role\n      birthDate\n      nationalId\n    }\n    account {\n      id\n      name\n      plan\n      planStatus\n      region\n      supportAccess\n      billingContact {\n        name\n        email\n        phone\n        address\n      }\n      users {\n        id\n        name\n        email\n        phone\n        role\n        birthDate\n      }\n      paymentMethods {\n        id\n        brand\n        cardNumber\n        expMonth\n        expYear\n        isDefault\n        billingAddress\n      }\n      invoices(first: 10) {\n        id\n        number\n        amountCents\n        currency\n        taxRate\n        status\n        issuedOn\n      }\n      apiTokens {\n        id\n        name\n        secret\n        state\n      }\n      privateNotes {\n        id\n        body\n      }\n    }\n  }\n": typeof types.ConsoleCustomerAccountDocument,
    "\n  query ConsoleDirectory($search: String!) {\n    directory(search: $search, first: 20) {\n      userId\n      name\n      accountId\n      accountName\n      plan\n    }\n  }\n": typeof types.ConsoleDirectoryDocument,
    "\n  mutation ConsoleStartSession($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n        status\n      }\n      token\n      approvalRequest {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ConsoleStartSessionDocument,
    "\n  query ConsoleMyOpenSession {\n    myImpersonationSession {\n      id\n      status\n      approvalRequestId\n    }\n  }\n": typeof types.ConsoleMyOpenSessionDocument,
    "\n  query ConsoleRequestStatus($id: ID!) {\n    approvalRequest(id: $id) {\n      id\n      status\n      decisionNote\n    }\n  }\n": typeof types.ConsoleRequestStatusDocument,
    "\n  mutation ConsoleClaimSession($sessionId: ID!) {\n    claimImpersonation(sessionId: $sessionId) {\n      session {\n        id\n        status\n      }\n      token\n    }\n  }\n": typeof types.ConsoleClaimSessionDocument,
    "\n  mutation ConsoleEndSession($sessionId: ID!) {\n    endImpersonation(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n": typeof types.ConsoleEndSessionDocument,
    "\n  query ConsoleViewer {\n    viewer {\n      id\n      name\n      kind\n      roles\n    }\n  }\n": typeof types.ConsoleViewerDocument,
    "\n  query ConsoleAuditEvents($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          kind\n          decision\n          actorName\n          actorId\n          summary\n        }\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n": typeof types.ConsoleAuditEventsDocument,
    "\n  query ConsoleAuditExport($filter: AuditEventFilter, $format: AuditExportFormat!) {\n    auditExport(filter: $filter, format: $format) {\n      content\n      events\n      truncated\n    }\n  }\n": typeof types.ConsoleAuditExportDocument,
    "\n  query ConsoleAuditChainStatus {\n    auditChainStatus {\n      intact\n      summary\n      problems\n      checkpointSeq\n      checkpointSignedAt\n      fromSeq\n      headSeq\n      rowsChecked\n      checkedAt\n      chains {\n        chain\n        checkpointSeq\n        fromSeq\n        headSeq\n        rowsChecked\n      }\n    }\n  }\n": typeof types.ConsoleAuditChainStatusDocument,
    "\n  query ConsoleImpersonationSessions($filter: ImpersonationSessionFilter, $first: Int!) {\n    impersonationSessions(filter: $filter, first: $first) {\n      sessionId\n      agentName\n      userName\n      accountName\n      reason\n      ticket\n      status\n      startedAt\n      endedAt\n      story\n    }\n  }\n": typeof types.ConsoleImpersonationSessionsDocument,
    "\n  query ConsoleAccessHistory($first: Int!, $after: String) {\n    account {\n      id\n      name\n      supportAccess\n    }\n    accessHistory(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sessionId\n          agentName\n          userName\n          reason\n          ticket\n          mode\n          startedAt\n          endedAt\n          howItEnded\n          minutes\n          changes\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ConsoleAccessHistoryDocument,
    "\n  mutation ConsoleSetSupportAccess($value: SupportAccess!) {\n    setSupportAccess(value: $value) {\n      id\n      supportAccess\n    }\n  }\n": typeof types.ConsoleSetSupportAccessDocument,
    "\n  query ConsolePendingApprovals {\n    pendingApprovals(first: 50) {\n      id\n      kind\n      summary\n      requesterId\n      createdAt\n      expiresAt\n    }\n  }\n": typeof types.ConsolePendingApprovalsDocument,
    "\n  mutation ConsoleApproveRequest($id: ID!, $note: String) {\n    approveRequest(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n": typeof types.ConsoleApproveRequestDocument,
    "\n  mutation ConsoleDenyRequest($id: ID!, $reason: String!) {\n    denyRequest(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.ConsoleDenyRequestDocument,
    "\n  mutation ConsoleApprovePolicyVersion($version: Int!, $note: String) {\n    approvePolicyVersion(version: $version, note: $note) {\n      version\n      status\n    }\n  }\n": typeof types.ConsoleApprovePolicyVersionDocument,
    "\n  mutation ConsoleRejectPolicyVersion($version: Int!, $reason: String!) {\n    rejectPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n    }\n  }\n": typeof types.ConsoleRejectPolicyVersionDocument,
    "\n  mutation ConsoleWithdrawPolicyVersion($version: Int!, $reason: String!) {\n    withdrawPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n    }\n  }\n": typeof types.ConsoleWithdrawPolicyVersionDocument,
    "\n  mutation ConsolePublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n      basedOn\n    }\n  }\n": typeof types.ConsolePublishPolicyDocument,
    "\n  query ConsolePolicyPreview($document: String!) {\n    policyPreview(document: $document) {\n      basedOn\n      outcome\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n  }\n": typeof types.ConsolePolicyPreviewDocument,
    "\n  query ConsolePolicy {\n    activePolicy {\n      version\n      reason\n      document\n      createdAt\n    }\n    policyVersions(first: 20) {\n      version\n      basedOn\n      status\n      reason\n      createdBy\n      createdAt\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n    policyFields {\n      field\n      classification\n      mask\n      customer\n      staff\n      impersonationReadOnly\n      impersonationReadWrite\n    }\n  }\n": typeof types.ConsolePolicyDocument,
};
const documents: Documents = {
    "\n  query ConsoleCustomerAccount {\n    me {\n      id\n      name\n      email\n      phone\n      role\n      birthDate\n      nationalId\n    }\n    account {\n      id\n      name\n      plan\n      planStatus\n      region\n      supportAccess\n      billingContact {\n        name\n        email\n        phone\n        address\n      }\n      users {\n        id\n        name\n        email\n        phone\n        role\n        birthDate\n      }\n      paymentMethods {\n        id\n        brand\n        cardNumber\n        expMonth\n        expYear\n        isDefault\n        billingAddress\n      }\n      invoices(first: 10) {\n        id\n        number\n        amountCents\n        currency\n        taxRate\n        status\n        issuedOn\n      }\n      apiTokens {\n        id\n        name\n        secret\n        state\n      }\n      privateNotes {\n        id\n        body\n      }\n    }\n  }\n": types.ConsoleCustomerAccountDocument,
    "\n  query ConsoleDirectory($search: String!) {\n    directory(search: $search, first: 20) {\n      userId\n      name\n      accountId\n      accountName\n      plan\n    }\n  }\n": types.ConsoleDirectoryDocument,
    "\n  mutation ConsoleStartSession($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n        status\n      }\n      token\n      approvalRequest {\n        id\n        status\n      }\n    }\n  }\n": types.ConsoleStartSessionDocument,
    "\n  query ConsoleMyOpenSession {\n    myImpersonationSession {\n      id\n      status\n      approvalRequestId\n    }\n  }\n": types.ConsoleMyOpenSessionDocument,
    "\n  query ConsoleRequestStatus($id: ID!) {\n    approvalRequest(id: $id) {\n      id\n      status\n      decisionNote\n    }\n  }\n": types.ConsoleRequestStatusDocument,
    "\n  mutation ConsoleClaimSession($sessionId: ID!) {\n    claimImpersonation(sessionId: $sessionId) {\n      session {\n        id\n        status\n      }\n      token\n    }\n  }\n": types.ConsoleClaimSessionDocument,
    "\n  mutation ConsoleEndSession($sessionId: ID!) {\n    endImpersonation(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n": types.ConsoleEndSessionDocument,
    "\n  query ConsoleViewer {\n    viewer {\n      id\n      name\n      kind\n      roles\n    }\n  }\n": types.ConsoleViewerDocument,
    "\n  query ConsoleAuditEvents($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          kind\n          decision\n          actorName\n          actorId\n          summary\n        }\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n": types.ConsoleAuditEventsDocument,
    "\n  query ConsoleAuditExport($filter: AuditEventFilter, $format: AuditExportFormat!) {\n    auditExport(filter: $filter, format: $format) {\n      content\n      events\n      truncated\n    }\n  }\n": types.ConsoleAuditExportDocument,
    "\n  query ConsoleAuditChainStatus {\n    auditChainStatus {\n      intact\n      summary\n      problems\n      checkpointSeq\n      checkpointSignedAt\n      fromSeq\n      headSeq\n      rowsChecked\n      checkedAt\n      chains {\n        chain\n        checkpointSeq\n        fromSeq\n        headSeq\n        rowsChecked\n      }\n    }\n  }\n": types.ConsoleAuditChainStatusDocument,
    "\n  query ConsoleImpersonationSessions($filter: ImpersonationSessionFilter, $first: Int!) {\n    impersonationSessions(filter: $filter, first: $first) {\n      sessionId\n      agentName\n      userName\n      accountName\n      reason\n      ticket\n      status\n      startedAt\n      endedAt\n      story\n    }\n  }\n": types.ConsoleImpersonationSessionsDocument,
    "\n  query ConsoleAccessHistory($first: Int!, $after: String) {\n    account {\n      id\n      name\n      supportAccess\n    }\n    accessHistory(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sessionId\n          agentName\n          userName\n          reason\n          ticket\n          mode\n          startedAt\n          endedAt\n          howItEnded\n          minutes\n          changes\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.ConsoleAccessHistoryDocument,
    "\n  mutation ConsoleSetSupportAccess($value: SupportAccess!) {\n    setSupportAccess(value: $value) {\n      id\n      supportAccess\n    }\n  }\n": types.ConsoleSetSupportAccessDocument,
    "\n  query ConsolePendingApprovals {\n    pendingApprovals(first: 50) {\n      id\n      kind\n      summary\n      requesterId\n      createdAt\n      expiresAt\n    }\n  }\n": types.ConsolePendingApprovalsDocument,
    "\n  mutation ConsoleApproveRequest($id: ID!, $note: String) {\n    approveRequest(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n": types.ConsoleApproveRequestDocument,
    "\n  mutation ConsoleDenyRequest($id: ID!, $reason: String!) {\n    denyRequest(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.ConsoleDenyRequestDocument,
    "\n  mutation ConsoleApprovePolicyVersion($version: Int!, $note: String) {\n    approvePolicyVersion(version: $version, note: $note) {\n      version\n      status\n    }\n  }\n": types.ConsoleApprovePolicyVersionDocument,
    "\n  mutation ConsoleRejectPolicyVersion($version: Int!, $reason: String!) {\n    rejectPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n    }\n  }\n": types.ConsoleRejectPolicyVersionDocument,
    "\n  mutation ConsoleWithdrawPolicyVersion($version: Int!, $reason: String!) {\n    withdrawPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n    }\n  }\n": types.ConsoleWithdrawPolicyVersionDocument,
    "\n  mutation ConsolePublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n      basedOn\n    }\n  }\n": types.ConsolePublishPolicyDocument,
    "\n  query ConsolePolicyPreview($document: String!) {\n    policyPreview(document: $document) {\n      basedOn\n      outcome\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n  }\n": types.ConsolePolicyPreviewDocument,
    "\n  query ConsolePolicy {\n    activePolicy {\n      version\n      reason\n      document\n      createdAt\n    }\n    policyVersions(first: 20) {\n      version\n      basedOn\n      status\n      reason\n      createdBy\n      createdAt\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n    policyFields {\n      field\n      classification\n      mask\n      customer\n      staff\n      impersonationReadOnly\n      impersonationReadWrite\n    }\n  }\n": types.ConsolePolicyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCustomerAccount {\n    me {\n      id\n      name\n      email\n      phone\n      role\n      birthDate\n      nationalId\n    }\n    account {\n      id\n      name\n      plan\n      planStatus\n      region\n      supportAccess\n      billingContact {\n        name\n        email\n        phone\n        address\n      }\n      users {\n        id\n        name\n        email\n        phone\n        role\n        birthDate\n      }\n      paymentMethods {\n        id\n        brand\n        cardNumber\n        expMonth\n        expYear\n        isDefault\n        billingAddress\n      }\n      invoices(first: 10) {\n        id\n        number\n        amountCents\n        currency\n        taxRate\n        status\n        issuedOn\n      }\n      apiTokens {\n        id\n        name\n        secret\n        state\n      }\n      privateNotes {\n        id\n        body\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleCustomerAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDirectory($search: String!) {\n    directory(search: $search, first: 20) {\n      userId\n      name\n      accountId\n      accountName\n      plan\n    }\n  }\n"): typeof import('./graphql.js').ConsoleDirectoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStartSession($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n        status\n      }\n      token\n      approvalRequest {\n        id\n        status\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleStartSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMyOpenSession {\n    myImpersonationSession {\n      id\n      status\n      approvalRequestId\n    }\n  }\n"): typeof import('./graphql.js').ConsoleMyOpenSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRequestStatus($id: ID!) {\n    approvalRequest(id: $id) {\n      id\n      status\n      decisionNote\n    }\n  }\n"): typeof import('./graphql.js').ConsoleRequestStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleClaimSession($sessionId: ID!) {\n    claimImpersonation(sessionId: $sessionId) {\n      session {\n        id\n        status\n      }\n      token\n    }\n  }\n"): typeof import('./graphql.js').ConsoleClaimSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleEndSession($sessionId: ID!) {\n    endImpersonation(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql.js').ConsoleEndSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleViewer {\n    viewer {\n      id\n      name\n      kind\n      roles\n    }\n  }\n"): typeof import('./graphql.js').ConsoleViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAuditEvents($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          kind\n          decision\n          actorName\n          actorId\n          summary\n        }\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAuditExport($filter: AuditEventFilter, $format: AuditExportFormat!) {\n    auditExport(filter: $filter, format: $format) {\n      content\n      events\n      truncated\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAuditExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAuditChainStatus {\n    auditChainStatus {\n      intact\n      summary\n      problems\n      checkpointSeq\n      checkpointSignedAt\n      fromSeq\n      headSeq\n      rowsChecked\n      checkedAt\n      chains {\n        chain\n        checkpointSeq\n        fromSeq\n        headSeq\n        rowsChecked\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAuditChainStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleImpersonationSessions($filter: ImpersonationSessionFilter, $first: Int!) {\n    impersonationSessions(filter: $filter, first: $first) {\n      sessionId\n      agentName\n      userName\n      accountName\n      reason\n      ticket\n      status\n      startedAt\n      endedAt\n      story\n    }\n  }\n"): typeof import('./graphql.js').ConsoleImpersonationSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAccessHistory($first: Int!, $after: String) {\n    account {\n      id\n      name\n      supportAccess\n    }\n    accessHistory(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sessionId\n          agentName\n          userName\n          reason\n          ticket\n          mode\n          startedAt\n          endedAt\n          howItEnded\n          minutes\n          changes\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAccessHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetSupportAccess($value: SupportAccess!) {\n    setSupportAccess(value: $value) {\n      id\n      supportAccess\n    }\n  }\n"): typeof import('./graphql.js').ConsoleSetSupportAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePendingApprovals {\n    pendingApprovals(first: 50) {\n      id\n      kind\n      summary\n      requesterId\n      createdAt\n      expiresAt\n    }\n  }\n"): typeof import('./graphql.js').ConsolePendingApprovalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleApproveRequest($id: ID!, $note: String) {\n    approveRequest(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql.js').ConsoleApproveRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDenyRequest($id: ID!, $reason: String!) {\n    denyRequest(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql.js').ConsoleDenyRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleApprovePolicyVersion($version: Int!, $note: String) {\n    approvePolicyVersion(version: $version, note: $note) {\n      version\n      status\n    }\n  }\n"): typeof import('./graphql.js').ConsoleApprovePolicyVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRejectPolicyVersion($version: Int!, $reason: String!) {\n    rejectPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n    }\n  }\n"): typeof import('./graphql.js').ConsoleRejectPolicyVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleWithdrawPolicyVersion($version: Int!, $reason: String!) {\n    withdrawPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n    }\n  }\n"): typeof import('./graphql.js').ConsoleWithdrawPolicyVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsolePublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n      basedOn\n    }\n  }\n"): typeof import('./graphql.js').ConsolePublishPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePolicyPreview($document: String!) {\n    policyPreview(document: $document) {\n      basedOn\n      outcome\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsolePolicyPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePolicy {\n    activePolicy {\n      version\n      reason\n      document\n      createdAt\n    }\n    policyVersions(first: 20) {\n      version\n      basedOn\n      status\n      reason\n      createdBy\n      createdAt\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n    policyFields {\n      field\n      classification\n      mask\n      customer\n      staff\n      impersonationReadOnly\n      impersonationReadWrite\n    }\n  }\n"): typeof import('./graphql.js').ConsolePolicyDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
