/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  query AppRoleAccount {\n    account {\n      name\n      users {\n        id\n        email\n      }\n      invoices(first: 2) {\n        number\n        taxRate\n      }\n    }\n  }\n": typeof types.AppRoleAccountDocument,
    "\n  mutation AppRoleTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": typeof types.AppRoleTaxRateDocument,
    "\n  query AppRoleAuditEvents {\n    auditEvents(first: 5, filter: { kinds: [\"mutation_executed\"] }) {\n      edges {\n        node {\n          kind\n          summary\n        }\n      }\n    }\n  }\n": typeof types.AppRoleAuditEventsDocument,
    "\n  mutation AuditStartSession($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n        status\n      }\n      token\n      approvalRequest {\n        id\n      }\n    }\n  }\n": typeof types.AuditStartSessionDocument,
    "\n  mutation AuditApproveStart($id: ID!) {\n    approveRequest(id: $id, note: \"Checked the ticket\") {\n      id\n      status\n    }\n  }\n": typeof types.AuditApproveStartDocument,
    "\n  mutation AuditClaimSession($sessionId: ID!) {\n    claimImpersonation(sessionId: $sessionId) {\n      token\n    }\n  }\n": typeof types.AuditClaimSessionDocument,
    "\n  mutation AuditEndSession($sessionId: ID!) {\n    endImpersonation(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n": typeof types.AuditEndSessionDocument,
    "\n  query AuditApiEvents($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          kind\n          summary\n          actorId\n          userId\n          accountId\n          sessionId\n          typeField\n          decision\n          details\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.AuditApiEventsDocument,
    "\n  query AuditApiSessions($agent: ID) {\n    impersonationSessions(filter: { agent: $agent }) {\n      sessionId\n      agentName\n      userName\n      accountName\n      reason\n      ticket\n      status\n      startedAt\n      endedAt\n      story\n      events {\n        kind\n      }\n    }\n  }\n": typeof types.AuditApiSessionsDocument,
    "\n  query AuditApiReview($from: DateTime!, $to: DateTime!) {\n    accessReview(from: $from, to: $to) {\n      agentId\n      agentName\n      sessions\n      accounts\n      approvalsRequested\n      approvalsGranted\n      refusals\n    }\n  }\n": typeof types.AuditApiReviewDocument,
    "\n  query AuditApiExport($filter: AuditEventFilter, $format: AuditExportFormat!, $limit: Int! = 10000) {\n    auditExport(filter: $filter, format: $format, limit: $limit) {\n      content\n      events\n      truncated\n    }\n  }\n": typeof types.AuditApiExportDocument,
    "\n  query AuditApiMe {\n    me {\n      id\n      phone\n      birthDate\n    }\n  }\n": typeof types.AuditApiMeDocument,
    "\n  mutation AuditApiTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n  }\n": typeof types.AuditApiTaxRateDocument,
    "\n  query AuditApiDirectory {\n    directory(search: \"Acme\") {\n      userId\n    }\n  }\n": typeof types.AuditApiDirectoryDocument,
    "\n  query AuditApiAccessHistory {\n    accessHistory(first: 5) {\n      edges {\n        node {\n          sessionId\n          agentName\n        }\n      }\n    }\n  }\n": typeof types.AuditApiAccessHistoryDocument,
    "\n  query AuditChainStatusQuery {\n    auditChainStatus {\n      intact\n      summary\n      problems\n      checkpointSeq\n      checkpointSignedAt\n      fromSeq\n      headSeq\n      rowsChecked\n      checkedAt\n    }\n  }\n": typeof types.AuditChainStatusQueryDocument,
    "\n  query ChainStatusTraffic {\n    account {\n      users {\n        name\n        phone\n      }\n    }\n  }\n": typeof types.ChainStatusTrafficDocument,
    "\n  query ChainsStatusQuery {\n    auditChainStatus {\n      intact\n      summary\n      rowsChecked\n      chains {\n        chain\n        checkpointSeq\n        fromSeq\n        headSeq\n        rowsChecked\n      }\n    }\n  }\n": typeof types.ChainsStatusQueryDocument,
    "\n  query ChainsAuditEvents($after: String) {\n    auditEvents(filter: { actor: \"stf_chains\" }, first: 1, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          summary\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.ChainsAuditEventsDocument,
    "\n  query AuditLoadPeople {\n    account {\n      id\n      users {\n        id\n        name\n        phone\n      }\n    }\n  }\n": typeof types.AuditLoadPeopleDocument,
    "\n  query AuditLoadDirectory {\n    directory(search: \"Acme\") {\n      userId\n      name\n    }\n  }\n": typeof types.AuditLoadDirectoryDocument,
    "\n  query AuditLoadRefused {\n    me {\n      id\n    }\n  }\n": typeof types.AuditLoadRefusedDocument,
    "\n  mutation AuditLoadTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": typeof types.AuditLoadTaxRateDocument,
    "\n  query CustomerAuditEvents {\n    auditEvents(first: 5) {\n      hasNextPage\n    }\n  }\n": typeof types.CustomerAuditEventsDocument,
    "\n  query CustomerDirectory {\n    directory(search: \"Acme\") {\n      userId\n    }\n  }\n": typeof types.CustomerDirectoryDocument,
    "\n  mutation CustomerStartSession($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      token\n    }\n  }\n": typeof types.CustomerStartSessionDocument,
    "\n  mutation CustomerTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n  }\n": typeof types.CustomerTaxRateDocument,
    "\n  query CustomerBirthDate {\n    me {\n      id\n      birthDate\n    }\n  }\n": typeof types.CustomerBirthDateDocument,
    "\n  query AuditFailPeople {\n    account {\n      id\n      users {\n        id\n        name\n        phone\n      }\n    }\n  }\n": typeof types.AuditFailPeopleDocument,
    "\n  query AuditFailDirectory {\n    directory(search: \"Acme\") {\n      userId\n      name\n    }\n  }\n": typeof types.AuditFailDirectoryDocument,
    "\n  mutation AuditFailTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": typeof types.AuditFailTaxRateDocument,
    "\n  query AuditFailEvents {\n    auditEvents(first: 5) {\n      edges {\n        node {\n          summary\n        }\n      }\n    }\n  }\n": typeof types.AuditFailEventsDocument,
    "\n  query AuditAccountPeople {\n    account {\n      id\n      name\n      users {\n        id\n        name\n        phone\n        birthDate\n      }\n    }\n  }\n": typeof types.AuditAccountPeopleDocument,
    "\n  query AuditMyPhone {\n    me {\n      id\n      phone\n    }\n  }\n": typeof types.AuditMyPhoneDocument,
    "\n  query AuditDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n      accountName\n    }\n  }\n": typeof types.AuditDirectoryDocument,
    "\n  query AuditViewer {\n    viewer {\n      id\n      name\n      roles\n    }\n  }\n": typeof types.AuditViewerDocument,
    "\n  query AuditUsersByEmail($email: String!) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n": typeof types.AuditUsersByEmailDocument,
    "\n  query AuditPeopleAndBilling {\n    account {\n      users {\n        id\n        phone\n      }\n      billingContact {\n        name\n        phone\n      }\n    }\n  }\n": typeof types.AuditPeopleAndBillingDocument,
    "\n  query AuditManyInvoices {\n    account {\n      invoices(first: 1000) {\n        createdAt\n      }\n    }\n  }\n": typeof types.AuditManyInvoicesDocument,
    "\n  query AuditFieldReadEvents($filter: AuditEventFilter!) {\n    auditEvents(filter: $filter, first: 100) {\n      edges {\n        node {\n          actorId\n          userId\n          sessionId\n          requestId\n          typeField\n          decision\n          details\n        }\n      }\n    }\n  }\n": typeof types.AuditFieldReadEventsDocument,
    "\n  query AuditSchemaTypes {\n    __schema {\n      types {\n        name\n      }\n    }\n  }\n": typeof types.AuditSchemaTypesDocument,
    "\n  query AuditRootTypename {\n    __typename\n  }\n": typeof types.AuditRootTypenameDocument,
    "\n  query AuditBirthDates {\n    account {\n      users {\n        id\n        birthDate\n      }\n    }\n  }\n": typeof types.AuditBirthDatesDocument,
    "\n  query AuditTooManyInvoices {\n    account {\n      many: invoices(first: 0) {\n        id\n      }\n    }\n  }\n": typeof types.AuditTooManyInvoicesDocument,
    "\n  query AuditDirectoryAccounts($search: String!) {\n    directory(search: $search) {\n      userId\n      accountName\n    }\n    plansOnly: directory(search: $search, first: 5) {\n      plan\n    }\n  }\n": typeof types.AuditDirectoryAccountsDocument,
    "\n  query AuditAccountRoles {\n    account {\n      users {\n        id\n        role\n      }\n    }\n  }\n": typeof types.AuditAccountRolesDocument,
    "\n  query RefusalAccessHistory($first: Int!) {\n    accessHistory(first: $first) {\n      edges {\n        cursor\n      }\n    }\n  }\n": typeof types.RefusalAccessHistoryDocument,
    "\n  query RefusalDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n    }\n  }\n": typeof types.RefusalDirectoryDocument,
    "\n  mutation AuditDenyTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n  }\n": typeof types.AuditDenyTaxRateDocument,
    "\n  query AuditDenyPersonalIds {\n    me {\n      id\n      birthDate\n      nationalId\n    }\n  }\n": typeof types.AuditDenyPersonalIdsDocument,
    "\n  query AuditDenyEvents {\n    auditEvents(first: 1) {\n      hasNextPage\n    }\n  }\n": typeof types.AuditDenyEventsDocument,
    "\n  query StoryBilling {\n    account {\n      name\n      plan\n      invoices(first: 3) {\n        number\n        status\n        taxRate\n      }\n      paymentMethods {\n        brand\n        cardNumber\n      }\n    }\n  }\n": typeof types.StoryBillingDocument,
    "\n  query StoryPeople {\n    account {\n      users {\n        name\n        email\n      }\n    }\n  }\n": typeof types.StoryPeopleDocument,
    "\n  query StoryBirthDate {\n    me {\n      birthDate\n    }\n  }\n": typeof types.StoryBirthDateDocument,
    "\n  query StoryUsersByEmail($email: String!) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n": typeof types.StoryUsersByEmailDocument,
    "\n  query StoryTimeline($agent: ID) {\n    impersonationSessions(filter: { agent: $agent }) {\n      sessionId\n      story\n      events {\n        kind\n        typeField\n        details\n      }\n    }\n  }\n": typeof types.StoryTimelineDocument,
    "\n  query StreamPeople {\n    account {\n      users {\n        name\n        email\n      }\n    }\n  }\n": typeof types.StreamPeopleDocument,
    "\n  query StreamUsersByEmail($email: String!) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n": typeof types.StreamUsersByEmailDocument,
    "\n  query AuditTamperPeople {\n    account {\n      id\n      users {\n        id\n        name\n        phone\n      }\n    }\n  }\n": typeof types.AuditTamperPeopleDocument,
    "\n  mutation AuditTamperTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": typeof types.AuditTamperTaxRateDocument,
    "\n  query VerifyCliPeople {\n    account {\n      users {\n        id\n        phone\n      }\n    }\n  }\n": typeof types.VerifyCliPeopleDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      kind\n      name\n      roles\n      accountId\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query ColleaguesPrivateData {\n    account {\n      users {\n        id\n        birthDate\n        nationalId\n      }\n      privateNotes {\n        id\n        body\n      }\n    }\n  }\n": typeof types.ColleaguesPrivateDataDocument,
    "\n  query ColleagueById($id: ID!) {\n    user(id: $id) {\n      id\n      birthDate\n    }\n  }\n": typeof types.ColleagueByIdDocument,
    "\n  query OwnAccount {\n    me {\n      id\n      name\n    }\n    account {\n      id\n      name\n      users {\n        id\n      }\n      invoices(first: 100) {\n        id\n      }\n      paymentMethods {\n        id\n      }\n      apiTokens {\n        id\n      }\n      privateNotes {\n        id\n      }\n    }\n  }\n": typeof types.OwnAccountDocument,
    "\n  query InvoiceById($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n    }\n  }\n": typeof types.InvoiceByIdDocument,
    "\n  query UserById($id: ID!) {\n    user(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.UserByIdDocument,
    "\n  query StaffDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n      accountName\n      plan\n    }\n  }\n": typeof types.StaffDirectoryDocument,
    "\n  query SomethingSecret {\n    account {\n      apiTokens {\n        secret\n      }\n    }\n  }\n": typeof types.SomethingSecretDocument,
    "\n  query IdentityMe {\n    me {\n      id\n      name\n    }\n  }\n": typeof types.IdentityMeDocument,
    "\n  query IdentityViewer {\n    viewer {\n      kind\n      id\n    }\n  }\n": typeof types.IdentityViewerDocument,
    "\n  mutation SetTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": typeof types.SetTaxRateDocument,
    "\n  mutation UpdateNotifications($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      smsAlerts\n      productUpdates\n    }\n  }\n": typeof types.UpdateNotificationsDocument,
    "\n  query RiskyOwnNotes {\n    account {\n      privateNotes {\n        id\n      }\n    }\n  }\n": typeof types.RiskyOwnNotesDocument,
    "\n  query EveryUserField {\n    account {\n      users {\n        id\n        accountId\n        name\n        email\n        phone\n        role\n        birthDate\n        nationalId\n        hasPassword\n        mfaRecoveryCodesRemaining\n        createdAt\n        notificationSettings {\n          invoiceEmails\n          securityAlerts\n          productUpdates\n          smsAlerts\n          updatedAt\n        }\n      }\n    }\n  }\n": typeof types.EveryUserFieldDocument,
    "\n  query WellFormedDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n    }\n  }\n": typeof types.WellFormedDirectoryDocument,
    "\n  mutation WellFormedStart($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n      }\n      token\n    }\n  }\n": typeof types.WellFormedStartDocument,
    "\n  query ImpApprovalSummary($id: ID!) {\n    approvalRequest(id: $id) {\n      id\n      summary\n      payload\n    }\n  }\n": typeof types.ImpApprovalSummaryDocument,
    "\n  mutation ImpEffectsTaxThenRefund($input: SetInvoiceTaxRateInput!, $invoiceId: ID!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n    }\n  }\n": typeof types.ImpEffectsTaxThenRefundDocument,
    "\n  query ImpApprovalRequest($id: ID!) {\n    approvalRequest(id: $id) {\n      id\n      kind\n      status\n      requesterId\n      decidedBy\n      decisionNote\n      reason\n      summary\n    }\n  }\n": typeof types.ImpApprovalRequestDocument,
    "\n  query OwnHistory {\n    accessHistory(first: 20) {\n      edges {\n        node {\n          sessionId\n          agentName\n          summary\n        }\n      }\n    }\n  }\n": typeof types.OwnHistoryDocument,
    "\n  query OwnTimeline($agent: ID) {\n    impersonationSessions(filter: { agent: $agent }) {\n      sessionId\n      agentName\n      story\n    }\n  }\n": typeof types.OwnTimelineDocument,
    "\n  mutation AstRevoke($id: ID!) {\n    revokeDelegation(delegationId: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.AstRevokeDocument,
    "\n  query AstAddressed {\n    addressedApprovals {\n      id\n      requesterId\n    }\n  }\n": typeof types.AstAddressedDocument,
    "\n  query AstViewer {\n    viewer {\n      id\n      kind\n      name\n      roles\n    }\n  }\n": typeof types.AstViewerDocument,
    "\n  query ImpAccessHistory($first: Int!, $after: String) {\n    accessHistory(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sessionId\n          agentName\n          userId\n          userName\n          reason\n          ticket\n          mode\n          startedAt\n          endedAt\n          endReason\n          howItEnded\n          minutes\n          changes\n          summary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ImpAccessHistoryDocument,
    "\n  mutation ImpRefundViaFragment($invoiceId: ID!) {\n    ...ImpRefundIt\n  }\n  fragment ImpRefundIt on Mutation {\n    again: refundInvoice(invoiceId: $invoiceId) {\n      id\n      status\n    }\n  }\n": typeof types.ImpRefundViaFragmentDocument,
    "\n  mutation ImpRefundInline {\n    refundInvoice(invoiceId: \"inv_acme_006\") {\n      id\n      status\n    }\n  }\n": typeof types.ImpRefundInlineDocument,
    "\n  mutation ImpTaxThenRefund($input: SetInvoiceTaxRateInput!, $invoiceId: ID!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n    }\n  }\n": typeof types.ImpTaxThenRefundDocument,
    "\n  mutation ImpRefundWithDefault($id: ID! = \"inv_acme_009\") {\n    refundInvoice(invoiceId: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ImpRefundWithDefaultDocument,
    "\n  mutation ImpRefundTwo($a: ID!, $b: ID!) {\n    x: refundInvoice(invoiceId: $a) {\n      id\n      status\n    }\n    y: refundInvoice(invoiceId: $b) {\n      id\n      status\n    }\n  }\n": typeof types.ImpRefundTwoDocument,
    "\n  mutation ImpExportBesideBrokenRefund($v: ID = \"x\") {\n    exportInvoices\n    z: refundInvoice(invoiceId: $v) @skip(if: true) {\n      id\n    }\n  }\n": typeof types.ImpExportBesideBrokenRefundDocument,
    "\n  mutation ImpRefundBesideBrokenRefund($invoiceId: ID!, $v: ID = \"x\") {\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n      status\n    }\n    z: refundInvoice(invoiceId: $v) @skip(if: true) {\n      id\n    }\n  }\n": typeof types.ImpRefundBesideBrokenRefundDocument,
    "\n  mutation ImpOptOutBesideBrokenRefund($v: ID = \"x\") {\n    setSupportAccess(value: never) {\n      supportAccess\n    }\n    z: refundInvoice(invoiceId: $v) {\n      id\n    }\n  }\n": typeof types.ImpOptOutBesideBrokenRefundDocument,
    "\n  mutation ImpStart($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n        status\n        mode\n        minutes\n        expiresAt\n      }\n      token\n      approvalRequest {\n        id\n        status\n        kind\n      }\n    }\n  }\n": typeof types.ImpStartDocument,
    "\n  mutation ImpClaim($sessionId: ID!) {\n    claimImpersonation(sessionId: $sessionId) {\n      session {\n        id\n        status\n        expiresAt\n      }\n      token\n    }\n  }\n": typeof types.ImpClaimDocument,
    "\n  mutation ImpEnd($sessionId: ID!) {\n    endImpersonation(sessionId: $sessionId) {\n      id\n      status\n      endReason\n    }\n  }\n": typeof types.ImpEndDocument,
    "\n  query ImpMine {\n    myImpersonationSession {\n      id\n      status\n    }\n  }\n": typeof types.ImpMineDocument,
    "\n  mutation ImpRevoke($sessionId: ID!, $reason: String!) {\n    revokeImpersonation(sessionId: $sessionId, reason: $reason) {\n      id\n      status\n      endReason\n    }\n  }\n": typeof types.ImpRevokeDocument,
    "\n  mutation ImpApprove($id: ID!, $note: String) {\n    approveRequest(id: $id, note: $note) {\n      id\n      status\n      decidedBy\n      grantExpiresAt\n    }\n  }\n": typeof types.ImpApproveDocument,
    "\n  mutation ImpDeny($id: ID!, $reason: String!) {\n    denyRequest(id: $id, reason: $reason) {\n      id\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n": typeof types.ImpDenyDocument,
    "\n  query ImpPending {\n    pendingApprovals {\n      id\n      kind\n      status\n      requesterId\n      targetUserId\n      sessionId\n      summary\n    }\n  }\n": typeof types.ImpPendingDocument,
    "\n  query ImpMe {\n    me {\n      id\n      name\n      email\n    }\n  }\n": typeof types.ImpMeDocument,
    "\n  query ImpMeBirthDate {\n    me {\n      id\n      birthDate\n    }\n  }\n": typeof types.ImpMeBirthDateDocument,
    "\n  mutation ImpSetTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": typeof types.ImpSetTaxRateDocument,
    "\n  mutation ImpDelegate($sessionId: ID!, $assistantId: ID!, $minutes: Int) {\n    delegateSession(sessionId: $sessionId, assistantId: $assistantId, minutes: $minutes) {\n      delegation {\n        id\n        sessionId\n        assistantId\n        expiresAt\n      }\n      token\n    }\n  }\n": typeof types.ImpDelegateDocument,
    "\n  mutation ImpRefund($invoiceId: ID!) {\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n      status\n    }\n  }\n": typeof types.ImpRefundDocument,
    "\n  mutation ImpExport {\n    exportInvoices\n  }\n": typeof types.ImpExportDocument,
    "\n  mutation ImpUpdateNotifications($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      smsAlerts\n    }\n  }\n": typeof types.ImpUpdateNotificationsDocument,
    "\n  mutation ImpSetSupportAccess($value: SupportAccess!) {\n    setSupportAccess(value: $value) {\n      id\n      supportAccess\n    }\n  }\n": typeof types.ImpSetSupportAccessDocument,
    "\n  mutation ImpRequestMutation($input: RequestMutationApprovalInput!) {\n    requestMutationApproval(input: $input) {\n      id\n      kind\n      status\n      sessionId\n    }\n  }\n": typeof types.ImpRequestMutationDocument,
    "\n  mutation ImpRequestFields($input: RequestFieldAccessInput!) {\n    requestFieldAccess(input: $input) {\n      id\n      kind\n      status\n      sessionId\n    }\n  }\n": typeof types.ImpRequestFieldsDocument,
    "\n  mutation ImpPublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n": typeof types.ImpPublishPolicyDocument,
    "\n  mutation ImpApprovePolicy($version: Int!) {\n    approvePolicyVersion(version: $version) {\n      version\n      status\n    }\n  }\n": typeof types.ImpApprovePolicyDocument,
    "\n  query UsersByEmail {\n    account {\n      users(filter: { email: \"jane.doe@acme.example\" }) {\n        id\n      }\n    }\n  }\n": typeof types.UsersByEmailDocument,
    "\n  query UsersOrderedByEmail {\n    account {\n      users(orderBy: EMAIL) {\n        id\n      }\n    }\n  }\n": typeof types.UsersOrderedByEmailDocument,
    "\n  query UsersByEmailVariable($email: String) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n": typeof types.UsersByEmailVariableDocument,
    "\n  query UsersByFilterVariable($filter: UserFilter) {\n    account {\n      users(filter: $filter) {\n        id\n      }\n    }\n  }\n": typeof types.UsersByFilterVariableDocument,
    "\n  query UsersOrderedBy($orderBy: UserOrder) {\n    account {\n      users(orderBy: $orderBy) {\n        id\n      }\n    }\n  }\n": typeof types.UsersOrderedByDocument,
    "\n  query UsersByDefaultEmail($email: String = \"jane.doe@acme.example\") {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n": typeof types.UsersByDefaultEmailDocument,
    "\n  query UsersByDefaultOrder($orderBy: UserOrder = EMAIL) {\n    account {\n      users(orderBy: $orderBy) {\n        id\n      }\n    }\n  }\n": typeof types.UsersByDefaultOrderDocument,
    "\n  fragment UsersByEmailFields on Account {\n    users(filter: { email: \"jane.doe@acme.example\" }) {\n      id\n    }\n  }\n": typeof types.UsersByEmailFieldsFragmentDoc,
    "\n  query UsersByEmailInFragment {\n    account {\n      ...UsersByEmailFields\n    }\n  }\n": typeof types.UsersByEmailInFragmentDocument,
    "\n  query UsersByRole {\n    account {\n      users(filter: { role: billing }, orderBy: ROLE) {\n        id\n        role\n      }\n    }\n  }\n": typeof types.UsersByRoleDocument,
    "\n  query UsersByName {\n    account {\n      users(filter: { nameContains: \"omar\" }, orderBy: NAME) {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UsersByNameDocument,
    "\n  query AllUsers {\n    account {\n      users {\n        id\n      }\n    }\n  }\n": typeof types.AllUsersDocument,
    "\n  mutation CanaryPublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n": typeof types.CanaryPublishPolicyDocument,
    "\n  query CanaryNames {\n    me {\n      name\n    }\n    account {\n      billingContact {\n        name\n      }\n      users {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CanaryNamesDocument,
    "\n  query AdminActivePolicy {\n    activePolicy {\n      version\n      status\n      basedOn\n      createdBy\n      document\n    }\n  }\n": typeof types.AdminActivePolicyDocument,
    "\n  query AdminPolicyFields {\n    policyFields {\n      field\n      classification\n      mask\n      customer\n      staff\n      impersonationReadOnly\n      impersonationReadWrite\n    }\n  }\n": typeof types.AdminPolicyFieldsDocument,
    "\n  query AdminPolicyVersions {\n    policyVersions {\n      version\n      status\n    }\n  }\n": typeof types.AdminPolicyVersionsDocument,
    "\n  query AdminPolicyDiff($from: Int!, $to: Int!) {\n    policyDiff(from: $from, to: $to) {\n      rule\n      column\n      before\n      after\n      direction\n    }\n  }\n": typeof types.AdminPolicyDiffDocument,
    "\n  mutation AdminPublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n      basedOn\n      loosens\n      reason\n      createdBy\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n  }\n": typeof types.AdminPublishPolicyDocument,
    "\n  mutation AdminApprovePolicy($version: Int!, $note: String) {\n    approvePolicyVersion(version: $version, note: $note) {\n      version\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n": typeof types.AdminApprovePolicyDocument,
    "\n  mutation AdminRejectPolicy($version: Int!, $reason: String!) {\n    rejectPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n": typeof types.AdminRejectPolicyDocument,
    "\n  mutation AdminWithdrawPolicy($version: Int!, $reason: String!) {\n    withdrawPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n": typeof types.AdminWithdrawPolicyDocument,
    "\n  mutation AdminRollbackPolicy($toVersion: Int!, $reason: String!) {\n    rollbackPolicy(toVersion: $toVersion, reason: $reason) {\n      version\n      status\n      basedOn\n      loosens\n      reason\n      document\n    }\n  }\n": typeof types.AdminRollbackPolicyDocument,
    "\n  query AdminCustomerEmail {\n    me {\n      email\n    }\n  }\n": typeof types.AdminCustomerEmailDocument,
    "\n  query AdminImpersonatedBirthDate {\n    me {\n      birthDate\n    }\n  }\n": typeof types.AdminImpersonatedBirthDateDocument,
    "\n  query AdminImpersonatedNationalId {\n    me {\n      nationalId\n    }\n  }\n": typeof types.AdminImpersonatedNationalIdDocument,
    "\n  query BaselineDiff($from: Int!, $to: Int!) {\n    policyDiff(from: $from, to: $to) {\n      rule\n      column\n      before\n      after\n    }\n  }\n": typeof types.BaselineDiffDocument,
    "\n  query BaselineVersions {\n    policyVersions {\n      version\n      status\n      createdBy\n      reason\n    }\n  }\n": typeof types.BaselineVersionsDocument,
    "\n  query BaselineMe {\n    me {\n      email\n    }\n  }\n": typeof types.BaselineMeDocument,
    "\n  query BaselineBirthDate {\n    me {\n      birthDate\n    }\n  }\n": typeof types.BaselineBirthDateDocument,
    "\n  mutation BaselinePublish($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n": typeof types.BaselinePublishDocument,
    "\n  mutation BaselineApprove($version: Int!, $note: String) {\n    approvePolicyVersion(version: $version, note: $note) {\n      version\n      status\n      decidedBy\n    }\n  }\n": typeof types.BaselineApproveDocument,
    "\n  mutation InstancePublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n": typeof types.InstancePublishPolicyDocument,
    "\n  mutation InstanceApprovePolicy($version: Int!) {\n    approvePolicyVersion(version: $version) {\n      version\n      status\n    }\n  }\n": typeof types.InstanceApprovePolicyDocument,
    "\n  query InstanceCustomerEmail {\n    me {\n      email\n    }\n  }\n": typeof types.InstanceCustomerEmailDocument,
    "\n  query PreviewPolicy($document: String!) {\n    policyPreview(document: $document) {\n      basedOn\n      outcome\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n  }\n": typeof types.PreviewPolicyDocument,
    "\n  mutation PreviewPublish($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n    }\n  }\n": typeof types.PreviewPublishDocument,
    "\n  mutation RiskyChangeEmail($userId: ID!, $email: String!) {\n    changeUserEmail(userId: $userId, email: $email) {\n      id\n      email\n    }\n  }\n": typeof types.RiskyChangeEmailDocument,
    "\n  mutation RiskySendLoginReset($userId: ID!) {\n    sendLoginReset(userId: $userId) {\n      id\n      loginResetSentAt\n    }\n  }\n": typeof types.RiskySendLoginResetDocument,
    "\n  mutation RiskyChangePlan($plan: Plan!) {\n    changePlan(plan: $plan) {\n      id\n      plan\n      planStatus\n    }\n  }\n": typeof types.RiskyChangePlanDocument,
    "\n  mutation RiskyCancelPlan {\n    cancelPlan {\n      id\n      plan\n      planStatus\n    }\n  }\n": typeof types.RiskyCancelPlanDocument,
    "\n  mutation RiskyRevokeToken($tokenId: ID!) {\n    revokeApiToken(tokenId: $tokenId) {\n      id\n      state\n      revokedAt\n    }\n  }\n": typeof types.RiskyRevokeTokenDocument,
    "\n  mutation RiskyDeleteNote($noteId: ID!) {\n    deletePrivateNote(noteId: $noteId) {\n      id\n    }\n  }\n": typeof types.RiskyDeleteNoteDocument,
};
const documents: Documents = {
    "\n  query AppRoleAccount {\n    account {\n      name\n      users {\n        id\n        email\n      }\n      invoices(first: 2) {\n        number\n        taxRate\n      }\n    }\n  }\n": types.AppRoleAccountDocument,
    "\n  mutation AppRoleTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": types.AppRoleTaxRateDocument,
    "\n  query AppRoleAuditEvents {\n    auditEvents(first: 5, filter: { kinds: [\"mutation_executed\"] }) {\n      edges {\n        node {\n          kind\n          summary\n        }\n      }\n    }\n  }\n": types.AppRoleAuditEventsDocument,
    "\n  mutation AuditStartSession($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n        status\n      }\n      token\n      approvalRequest {\n        id\n      }\n    }\n  }\n": types.AuditStartSessionDocument,
    "\n  mutation AuditApproveStart($id: ID!) {\n    approveRequest(id: $id, note: \"Checked the ticket\") {\n      id\n      status\n    }\n  }\n": types.AuditApproveStartDocument,
    "\n  mutation AuditClaimSession($sessionId: ID!) {\n    claimImpersonation(sessionId: $sessionId) {\n      token\n    }\n  }\n": types.AuditClaimSessionDocument,
    "\n  mutation AuditEndSession($sessionId: ID!) {\n    endImpersonation(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n": types.AuditEndSessionDocument,
    "\n  query AuditApiEvents($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          kind\n          summary\n          actorId\n          userId\n          accountId\n          sessionId\n          typeField\n          decision\n          details\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": types.AuditApiEventsDocument,
    "\n  query AuditApiSessions($agent: ID) {\n    impersonationSessions(filter: { agent: $agent }) {\n      sessionId\n      agentName\n      userName\n      accountName\n      reason\n      ticket\n      status\n      startedAt\n      endedAt\n      story\n      events {\n        kind\n      }\n    }\n  }\n": types.AuditApiSessionsDocument,
    "\n  query AuditApiReview($from: DateTime!, $to: DateTime!) {\n    accessReview(from: $from, to: $to) {\n      agentId\n      agentName\n      sessions\n      accounts\n      approvalsRequested\n      approvalsGranted\n      refusals\n    }\n  }\n": types.AuditApiReviewDocument,
    "\n  query AuditApiExport($filter: AuditEventFilter, $format: AuditExportFormat!, $limit: Int! = 10000) {\n    auditExport(filter: $filter, format: $format, limit: $limit) {\n      content\n      events\n      truncated\n    }\n  }\n": types.AuditApiExportDocument,
    "\n  query AuditApiMe {\n    me {\n      id\n      phone\n      birthDate\n    }\n  }\n": types.AuditApiMeDocument,
    "\n  mutation AuditApiTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n  }\n": types.AuditApiTaxRateDocument,
    "\n  query AuditApiDirectory {\n    directory(search: \"Acme\") {\n      userId\n    }\n  }\n": types.AuditApiDirectoryDocument,
    "\n  query AuditApiAccessHistory {\n    accessHistory(first: 5) {\n      edges {\n        node {\n          sessionId\n          agentName\n        }\n      }\n    }\n  }\n": types.AuditApiAccessHistoryDocument,
    "\n  query AuditChainStatusQuery {\n    auditChainStatus {\n      intact\n      summary\n      problems\n      checkpointSeq\n      checkpointSignedAt\n      fromSeq\n      headSeq\n      rowsChecked\n      checkedAt\n    }\n  }\n": types.AuditChainStatusQueryDocument,
    "\n  query ChainStatusTraffic {\n    account {\n      users {\n        name\n        phone\n      }\n    }\n  }\n": types.ChainStatusTrafficDocument,
    "\n  query ChainsStatusQuery {\n    auditChainStatus {\n      intact\n      summary\n      rowsChecked\n      chains {\n        chain\n        checkpointSeq\n        fromSeq\n        headSeq\n        rowsChecked\n      }\n    }\n  }\n": types.ChainsStatusQueryDocument,
    "\n  query ChainsAuditEvents($after: String) {\n    auditEvents(filter: { actor: \"stf_chains\" }, first: 1, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          summary\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": types.ChainsAuditEventsDocument,
    "\n  query AuditLoadPeople {\n    account {\n      id\n      users {\n        id\n        name\n        phone\n      }\n    }\n  }\n": types.AuditLoadPeopleDocument,
    "\n  query AuditLoadDirectory {\n    directory(search: \"Acme\") {\n      userId\n      name\n    }\n  }\n": types.AuditLoadDirectoryDocument,
    "\n  query AuditLoadRefused {\n    me {\n      id\n    }\n  }\n": types.AuditLoadRefusedDocument,
    "\n  mutation AuditLoadTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": types.AuditLoadTaxRateDocument,
    "\n  query CustomerAuditEvents {\n    auditEvents(first: 5) {\n      hasNextPage\n    }\n  }\n": types.CustomerAuditEventsDocument,
    "\n  query CustomerDirectory {\n    directory(search: \"Acme\") {\n      userId\n    }\n  }\n": types.CustomerDirectoryDocument,
    "\n  mutation CustomerStartSession($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      token\n    }\n  }\n": types.CustomerStartSessionDocument,
    "\n  mutation CustomerTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n  }\n": types.CustomerTaxRateDocument,
    "\n  query CustomerBirthDate {\n    me {\n      id\n      birthDate\n    }\n  }\n": types.CustomerBirthDateDocument,
    "\n  query AuditFailPeople {\n    account {\n      id\n      users {\n        id\n        name\n        phone\n      }\n    }\n  }\n": types.AuditFailPeopleDocument,
    "\n  query AuditFailDirectory {\n    directory(search: \"Acme\") {\n      userId\n      name\n    }\n  }\n": types.AuditFailDirectoryDocument,
    "\n  mutation AuditFailTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": types.AuditFailTaxRateDocument,
    "\n  query AuditFailEvents {\n    auditEvents(first: 5) {\n      edges {\n        node {\n          summary\n        }\n      }\n    }\n  }\n": types.AuditFailEventsDocument,
    "\n  query AuditAccountPeople {\n    account {\n      id\n      name\n      users {\n        id\n        name\n        phone\n        birthDate\n      }\n    }\n  }\n": types.AuditAccountPeopleDocument,
    "\n  query AuditMyPhone {\n    me {\n      id\n      phone\n    }\n  }\n": types.AuditMyPhoneDocument,
    "\n  query AuditDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n      accountName\n    }\n  }\n": types.AuditDirectoryDocument,
    "\n  query AuditViewer {\n    viewer {\n      id\n      name\n      roles\n    }\n  }\n": types.AuditViewerDocument,
    "\n  query AuditUsersByEmail($email: String!) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n": types.AuditUsersByEmailDocument,
    "\n  query AuditPeopleAndBilling {\n    account {\n      users {\n        id\n        phone\n      }\n      billingContact {\n        name\n        phone\n      }\n    }\n  }\n": types.AuditPeopleAndBillingDocument,
    "\n  query AuditManyInvoices {\n    account {\n      invoices(first: 1000) {\n        createdAt\n      }\n    }\n  }\n": types.AuditManyInvoicesDocument,
    "\n  query AuditFieldReadEvents($filter: AuditEventFilter!) {\n    auditEvents(filter: $filter, first: 100) {\n      edges {\n        node {\n          actorId\n          userId\n          sessionId\n          requestId\n          typeField\n          decision\n          details\n        }\n      }\n    }\n  }\n": types.AuditFieldReadEventsDocument,
    "\n  query AuditSchemaTypes {\n    __schema {\n      types {\n        name\n      }\n    }\n  }\n": types.AuditSchemaTypesDocument,
    "\n  query AuditRootTypename {\n    __typename\n  }\n": types.AuditRootTypenameDocument,
    "\n  query AuditBirthDates {\n    account {\n      users {\n        id\n        birthDate\n      }\n    }\n  }\n": types.AuditBirthDatesDocument,
    "\n  query AuditTooManyInvoices {\n    account {\n      many: invoices(first: 0) {\n        id\n      }\n    }\n  }\n": types.AuditTooManyInvoicesDocument,
    "\n  query AuditDirectoryAccounts($search: String!) {\n    directory(search: $search) {\n      userId\n      accountName\n    }\n    plansOnly: directory(search: $search, first: 5) {\n      plan\n    }\n  }\n": types.AuditDirectoryAccountsDocument,
    "\n  query AuditAccountRoles {\n    account {\n      users {\n        id\n        role\n      }\n    }\n  }\n": types.AuditAccountRolesDocument,
    "\n  query RefusalAccessHistory($first: Int!) {\n    accessHistory(first: $first) {\n      edges {\n        cursor\n      }\n    }\n  }\n": types.RefusalAccessHistoryDocument,
    "\n  query RefusalDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n    }\n  }\n": types.RefusalDirectoryDocument,
    "\n  mutation AuditDenyTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n  }\n": types.AuditDenyTaxRateDocument,
    "\n  query AuditDenyPersonalIds {\n    me {\n      id\n      birthDate\n      nationalId\n    }\n  }\n": types.AuditDenyPersonalIdsDocument,
    "\n  query AuditDenyEvents {\n    auditEvents(first: 1) {\n      hasNextPage\n    }\n  }\n": types.AuditDenyEventsDocument,
    "\n  query StoryBilling {\n    account {\n      name\n      plan\n      invoices(first: 3) {\n        number\n        status\n        taxRate\n      }\n      paymentMethods {\n        brand\n        cardNumber\n      }\n    }\n  }\n": types.StoryBillingDocument,
    "\n  query StoryPeople {\n    account {\n      users {\n        name\n        email\n      }\n    }\n  }\n": types.StoryPeopleDocument,
    "\n  query StoryBirthDate {\n    me {\n      birthDate\n    }\n  }\n": types.StoryBirthDateDocument,
    "\n  query StoryUsersByEmail($email: String!) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n": types.StoryUsersByEmailDocument,
    "\n  query StoryTimeline($agent: ID) {\n    impersonationSessions(filter: { agent: $agent }) {\n      sessionId\n      story\n      events {\n        kind\n        typeField\n        details\n      }\n    }\n  }\n": types.StoryTimelineDocument,
    "\n  query StreamPeople {\n    account {\n      users {\n        name\n        email\n      }\n    }\n  }\n": types.StreamPeopleDocument,
    "\n  query StreamUsersByEmail($email: String!) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n": types.StreamUsersByEmailDocument,
    "\n  query AuditTamperPeople {\n    account {\n      id\n      users {\n        id\n        name\n        phone\n      }\n    }\n  }\n": types.AuditTamperPeopleDocument,
    "\n  mutation AuditTamperTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": types.AuditTamperTaxRateDocument,
    "\n  query VerifyCliPeople {\n    account {\n      users {\n        id\n        phone\n      }\n    }\n  }\n": types.VerifyCliPeopleDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      kind\n      name\n      roles\n      accountId\n    }\n  }\n": types.ViewerDocument,
    "\n  query ColleaguesPrivateData {\n    account {\n      users {\n        id\n        birthDate\n        nationalId\n      }\n      privateNotes {\n        id\n        body\n      }\n    }\n  }\n": types.ColleaguesPrivateDataDocument,
    "\n  query ColleagueById($id: ID!) {\n    user(id: $id) {\n      id\n      birthDate\n    }\n  }\n": types.ColleagueByIdDocument,
    "\n  query OwnAccount {\n    me {\n      id\n      name\n    }\n    account {\n      id\n      name\n      users {\n        id\n      }\n      invoices(first: 100) {\n        id\n      }\n      paymentMethods {\n        id\n      }\n      apiTokens {\n        id\n      }\n      privateNotes {\n        id\n      }\n    }\n  }\n": types.OwnAccountDocument,
    "\n  query InvoiceById($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n    }\n  }\n": types.InvoiceByIdDocument,
    "\n  query UserById($id: ID!) {\n    user(id: $id) {\n      id\n      name\n    }\n  }\n": types.UserByIdDocument,
    "\n  query StaffDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n      accountName\n      plan\n    }\n  }\n": types.StaffDirectoryDocument,
    "\n  query SomethingSecret {\n    account {\n      apiTokens {\n        secret\n      }\n    }\n  }\n": types.SomethingSecretDocument,
    "\n  query IdentityMe {\n    me {\n      id\n      name\n    }\n  }\n": types.IdentityMeDocument,
    "\n  query IdentityViewer {\n    viewer {\n      kind\n      id\n    }\n  }\n": types.IdentityViewerDocument,
    "\n  mutation SetTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": types.SetTaxRateDocument,
    "\n  mutation UpdateNotifications($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      smsAlerts\n      productUpdates\n    }\n  }\n": types.UpdateNotificationsDocument,
    "\n  query RiskyOwnNotes {\n    account {\n      privateNotes {\n        id\n      }\n    }\n  }\n": types.RiskyOwnNotesDocument,
    "\n  query EveryUserField {\n    account {\n      users {\n        id\n        accountId\n        name\n        email\n        phone\n        role\n        birthDate\n        nationalId\n        hasPassword\n        mfaRecoveryCodesRemaining\n        createdAt\n        notificationSettings {\n          invoiceEmails\n          securityAlerts\n          productUpdates\n          smsAlerts\n          updatedAt\n        }\n      }\n    }\n  }\n": types.EveryUserFieldDocument,
    "\n  query WellFormedDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n    }\n  }\n": types.WellFormedDirectoryDocument,
    "\n  mutation WellFormedStart($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n      }\n      token\n    }\n  }\n": types.WellFormedStartDocument,
    "\n  query ImpApprovalSummary($id: ID!) {\n    approvalRequest(id: $id) {\n      id\n      summary\n      payload\n    }\n  }\n": types.ImpApprovalSummaryDocument,
    "\n  mutation ImpEffectsTaxThenRefund($input: SetInvoiceTaxRateInput!, $invoiceId: ID!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n    }\n  }\n": types.ImpEffectsTaxThenRefundDocument,
    "\n  query ImpApprovalRequest($id: ID!) {\n    approvalRequest(id: $id) {\n      id\n      kind\n      status\n      requesterId\n      decidedBy\n      decisionNote\n      reason\n      summary\n    }\n  }\n": types.ImpApprovalRequestDocument,
    "\n  query OwnHistory {\n    accessHistory(first: 20) {\n      edges {\n        node {\n          sessionId\n          agentName\n          summary\n        }\n      }\n    }\n  }\n": types.OwnHistoryDocument,
    "\n  query OwnTimeline($agent: ID) {\n    impersonationSessions(filter: { agent: $agent }) {\n      sessionId\n      agentName\n      story\n    }\n  }\n": types.OwnTimelineDocument,
    "\n  mutation AstRevoke($id: ID!) {\n    revokeDelegation(delegationId: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.AstRevokeDocument,
    "\n  query AstAddressed {\n    addressedApprovals {\n      id\n      requesterId\n    }\n  }\n": types.AstAddressedDocument,
    "\n  query AstViewer {\n    viewer {\n      id\n      kind\n      name\n      roles\n    }\n  }\n": types.AstViewerDocument,
    "\n  query ImpAccessHistory($first: Int!, $after: String) {\n    accessHistory(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sessionId\n          agentName\n          userId\n          userName\n          reason\n          ticket\n          mode\n          startedAt\n          endedAt\n          endReason\n          howItEnded\n          minutes\n          changes\n          summary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ImpAccessHistoryDocument,
    "\n  mutation ImpRefundViaFragment($invoiceId: ID!) {\n    ...ImpRefundIt\n  }\n  fragment ImpRefundIt on Mutation {\n    again: refundInvoice(invoiceId: $invoiceId) {\n      id\n      status\n    }\n  }\n": types.ImpRefundViaFragmentDocument,
    "\n  mutation ImpRefundInline {\n    refundInvoice(invoiceId: \"inv_acme_006\") {\n      id\n      status\n    }\n  }\n": types.ImpRefundInlineDocument,
    "\n  mutation ImpTaxThenRefund($input: SetInvoiceTaxRateInput!, $invoiceId: ID!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n    }\n  }\n": types.ImpTaxThenRefundDocument,
    "\n  mutation ImpRefundWithDefault($id: ID! = \"inv_acme_009\") {\n    refundInvoice(invoiceId: $id) {\n      id\n      status\n    }\n  }\n": types.ImpRefundWithDefaultDocument,
    "\n  mutation ImpRefundTwo($a: ID!, $b: ID!) {\n    x: refundInvoice(invoiceId: $a) {\n      id\n      status\n    }\n    y: refundInvoice(invoiceId: $b) {\n      id\n      status\n    }\n  }\n": types.ImpRefundTwoDocument,
    "\n  mutation ImpExportBesideBrokenRefund($v: ID = \"x\") {\n    exportInvoices\n    z: refundInvoice(invoiceId: $v) @skip(if: true) {\n      id\n    }\n  }\n": types.ImpExportBesideBrokenRefundDocument,
    "\n  mutation ImpRefundBesideBrokenRefund($invoiceId: ID!, $v: ID = \"x\") {\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n      status\n    }\n    z: refundInvoice(invoiceId: $v) @skip(if: true) {\n      id\n    }\n  }\n": types.ImpRefundBesideBrokenRefundDocument,
    "\n  mutation ImpOptOutBesideBrokenRefund($v: ID = \"x\") {\n    setSupportAccess(value: never) {\n      supportAccess\n    }\n    z: refundInvoice(invoiceId: $v) {\n      id\n    }\n  }\n": types.ImpOptOutBesideBrokenRefundDocument,
    "\n  mutation ImpStart($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n        status\n        mode\n        minutes\n        expiresAt\n      }\n      token\n      approvalRequest {\n        id\n        status\n        kind\n      }\n    }\n  }\n": types.ImpStartDocument,
    "\n  mutation ImpClaim($sessionId: ID!) {\n    claimImpersonation(sessionId: $sessionId) {\n      session {\n        id\n        status\n        expiresAt\n      }\n      token\n    }\n  }\n": types.ImpClaimDocument,
    "\n  mutation ImpEnd($sessionId: ID!) {\n    endImpersonation(sessionId: $sessionId) {\n      id\n      status\n      endReason\n    }\n  }\n": types.ImpEndDocument,
    "\n  query ImpMine {\n    myImpersonationSession {\n      id\n      status\n    }\n  }\n": types.ImpMineDocument,
    "\n  mutation ImpRevoke($sessionId: ID!, $reason: String!) {\n    revokeImpersonation(sessionId: $sessionId, reason: $reason) {\n      id\n      status\n      endReason\n    }\n  }\n": types.ImpRevokeDocument,
    "\n  mutation ImpApprove($id: ID!, $note: String) {\n    approveRequest(id: $id, note: $note) {\n      id\n      status\n      decidedBy\n      grantExpiresAt\n    }\n  }\n": types.ImpApproveDocument,
    "\n  mutation ImpDeny($id: ID!, $reason: String!) {\n    denyRequest(id: $id, reason: $reason) {\n      id\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n": types.ImpDenyDocument,
    "\n  query ImpPending {\n    pendingApprovals {\n      id\n      kind\n      status\n      requesterId\n      targetUserId\n      sessionId\n      summary\n    }\n  }\n": types.ImpPendingDocument,
    "\n  query ImpMe {\n    me {\n      id\n      name\n      email\n    }\n  }\n": types.ImpMeDocument,
    "\n  query ImpMeBirthDate {\n    me {\n      id\n      birthDate\n    }\n  }\n": types.ImpMeBirthDateDocument,
    "\n  mutation ImpSetTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": types.ImpSetTaxRateDocument,
    "\n  mutation ImpDelegate($sessionId: ID!, $assistantId: ID!, $minutes: Int) {\n    delegateSession(sessionId: $sessionId, assistantId: $assistantId, minutes: $minutes) {\n      delegation {\n        id\n        sessionId\n        assistantId\n        expiresAt\n      }\n      token\n    }\n  }\n": types.ImpDelegateDocument,
    "\n  mutation ImpRefund($invoiceId: ID!) {\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n      status\n    }\n  }\n": types.ImpRefundDocument,
    "\n  mutation ImpExport {\n    exportInvoices\n  }\n": types.ImpExportDocument,
    "\n  mutation ImpUpdateNotifications($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      smsAlerts\n    }\n  }\n": types.ImpUpdateNotificationsDocument,
    "\n  mutation ImpSetSupportAccess($value: SupportAccess!) {\n    setSupportAccess(value: $value) {\n      id\n      supportAccess\n    }\n  }\n": types.ImpSetSupportAccessDocument,
    "\n  mutation ImpRequestMutation($input: RequestMutationApprovalInput!) {\n    requestMutationApproval(input: $input) {\n      id\n      kind\n      status\n      sessionId\n    }\n  }\n": types.ImpRequestMutationDocument,
    "\n  mutation ImpRequestFields($input: RequestFieldAccessInput!) {\n    requestFieldAccess(input: $input) {\n      id\n      kind\n      status\n      sessionId\n    }\n  }\n": types.ImpRequestFieldsDocument,
    "\n  mutation ImpPublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n": types.ImpPublishPolicyDocument,
    "\n  mutation ImpApprovePolicy($version: Int!) {\n    approvePolicyVersion(version: $version) {\n      version\n      status\n    }\n  }\n": types.ImpApprovePolicyDocument,
    "\n  query UsersByEmail {\n    account {\n      users(filter: { email: \"jane.doe@acme.example\" }) {\n        id\n      }\n    }\n  }\n": types.UsersByEmailDocument,
    "\n  query UsersOrderedByEmail {\n    account {\n      users(orderBy: EMAIL) {\n        id\n      }\n    }\n  }\n": types.UsersOrderedByEmailDocument,
    "\n  query UsersByEmailVariable($email: String) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n": types.UsersByEmailVariableDocument,
    "\n  query UsersByFilterVariable($filter: UserFilter) {\n    account {\n      users(filter: $filter) {\n        id\n      }\n    }\n  }\n": types.UsersByFilterVariableDocument,
    "\n  query UsersOrderedBy($orderBy: UserOrder) {\n    account {\n      users(orderBy: $orderBy) {\n        id\n      }\n    }\n  }\n": types.UsersOrderedByDocument,
    "\n  query UsersByDefaultEmail($email: String = \"jane.doe@acme.example\") {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n": types.UsersByDefaultEmailDocument,
    "\n  query UsersByDefaultOrder($orderBy: UserOrder = EMAIL) {\n    account {\n      users(orderBy: $orderBy) {\n        id\n      }\n    }\n  }\n": types.UsersByDefaultOrderDocument,
    "\n  fragment UsersByEmailFields on Account {\n    users(filter: { email: \"jane.doe@acme.example\" }) {\n      id\n    }\n  }\n": types.UsersByEmailFieldsFragmentDoc,
    "\n  query UsersByEmailInFragment {\n    account {\n      ...UsersByEmailFields\n    }\n  }\n": types.UsersByEmailInFragmentDocument,
    "\n  query UsersByRole {\n    account {\n      users(filter: { role: billing }, orderBy: ROLE) {\n        id\n        role\n      }\n    }\n  }\n": types.UsersByRoleDocument,
    "\n  query UsersByName {\n    account {\n      users(filter: { nameContains: \"omar\" }, orderBy: NAME) {\n        id\n        name\n      }\n    }\n  }\n": types.UsersByNameDocument,
    "\n  query AllUsers {\n    account {\n      users {\n        id\n      }\n    }\n  }\n": types.AllUsersDocument,
    "\n  mutation CanaryPublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n": types.CanaryPublishPolicyDocument,
    "\n  query CanaryNames {\n    me {\n      name\n    }\n    account {\n      billingContact {\n        name\n      }\n      users {\n        id\n        name\n      }\n    }\n  }\n": types.CanaryNamesDocument,
    "\n  query AdminActivePolicy {\n    activePolicy {\n      version\n      status\n      basedOn\n      createdBy\n      document\n    }\n  }\n": types.AdminActivePolicyDocument,
    "\n  query AdminPolicyFields {\n    policyFields {\n      field\n      classification\n      mask\n      customer\n      staff\n      impersonationReadOnly\n      impersonationReadWrite\n    }\n  }\n": types.AdminPolicyFieldsDocument,
    "\n  query AdminPolicyVersions {\n    policyVersions {\n      version\n      status\n    }\n  }\n": types.AdminPolicyVersionsDocument,
    "\n  query AdminPolicyDiff($from: Int!, $to: Int!) {\n    policyDiff(from: $from, to: $to) {\n      rule\n      column\n      before\n      after\n      direction\n    }\n  }\n": types.AdminPolicyDiffDocument,
    "\n  mutation AdminPublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n      basedOn\n      loosens\n      reason\n      createdBy\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n  }\n": types.AdminPublishPolicyDocument,
    "\n  mutation AdminApprovePolicy($version: Int!, $note: String) {\n    approvePolicyVersion(version: $version, note: $note) {\n      version\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n": types.AdminApprovePolicyDocument,
    "\n  mutation AdminRejectPolicy($version: Int!, $reason: String!) {\n    rejectPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n": types.AdminRejectPolicyDocument,
    "\n  mutation AdminWithdrawPolicy($version: Int!, $reason: String!) {\n    withdrawPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n": types.AdminWithdrawPolicyDocument,
    "\n  mutation AdminRollbackPolicy($toVersion: Int!, $reason: String!) {\n    rollbackPolicy(toVersion: $toVersion, reason: $reason) {\n      version\n      status\n      basedOn\n      loosens\n      reason\n      document\n    }\n  }\n": types.AdminRollbackPolicyDocument,
    "\n  query AdminCustomerEmail {\n    me {\n      email\n    }\n  }\n": types.AdminCustomerEmailDocument,
    "\n  query AdminImpersonatedBirthDate {\n    me {\n      birthDate\n    }\n  }\n": types.AdminImpersonatedBirthDateDocument,
    "\n  query AdminImpersonatedNationalId {\n    me {\n      nationalId\n    }\n  }\n": types.AdminImpersonatedNationalIdDocument,
    "\n  query BaselineDiff($from: Int!, $to: Int!) {\n    policyDiff(from: $from, to: $to) {\n      rule\n      column\n      before\n      after\n    }\n  }\n": types.BaselineDiffDocument,
    "\n  query BaselineVersions {\n    policyVersions {\n      version\n      status\n      createdBy\n      reason\n    }\n  }\n": types.BaselineVersionsDocument,
    "\n  query BaselineMe {\n    me {\n      email\n    }\n  }\n": types.BaselineMeDocument,
    "\n  query BaselineBirthDate {\n    me {\n      birthDate\n    }\n  }\n": types.BaselineBirthDateDocument,
    "\n  mutation BaselinePublish($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n": types.BaselinePublishDocument,
    "\n  mutation BaselineApprove($version: Int!, $note: String) {\n    approvePolicyVersion(version: $version, note: $note) {\n      version\n      status\n      decidedBy\n    }\n  }\n": types.BaselineApproveDocument,
    "\n  mutation InstancePublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n": types.InstancePublishPolicyDocument,
    "\n  mutation InstanceApprovePolicy($version: Int!) {\n    approvePolicyVersion(version: $version) {\n      version\n      status\n    }\n  }\n": types.InstanceApprovePolicyDocument,
    "\n  query InstanceCustomerEmail {\n    me {\n      email\n    }\n  }\n": types.InstanceCustomerEmailDocument,
    "\n  query PreviewPolicy($document: String!) {\n    policyPreview(document: $document) {\n      basedOn\n      outcome\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n  }\n": types.PreviewPolicyDocument,
    "\n  mutation PreviewPublish($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n    }\n  }\n": types.PreviewPublishDocument,
    "\n  mutation RiskyChangeEmail($userId: ID!, $email: String!) {\n    changeUserEmail(userId: $userId, email: $email) {\n      id\n      email\n    }\n  }\n": types.RiskyChangeEmailDocument,
    "\n  mutation RiskySendLoginReset($userId: ID!) {\n    sendLoginReset(userId: $userId) {\n      id\n      loginResetSentAt\n    }\n  }\n": types.RiskySendLoginResetDocument,
    "\n  mutation RiskyChangePlan($plan: Plan!) {\n    changePlan(plan: $plan) {\n      id\n      plan\n      planStatus\n    }\n  }\n": types.RiskyChangePlanDocument,
    "\n  mutation RiskyCancelPlan {\n    cancelPlan {\n      id\n      plan\n      planStatus\n    }\n  }\n": types.RiskyCancelPlanDocument,
    "\n  mutation RiskyRevokeToken($tokenId: ID!) {\n    revokeApiToken(tokenId: $tokenId) {\n      id\n      state\n      revokedAt\n    }\n  }\n": types.RiskyRevokeTokenDocument,
    "\n  mutation RiskyDeleteNote($noteId: ID!) {\n    deletePrivateNote(noteId: $noteId) {\n      id\n    }\n  }\n": types.RiskyDeleteNoteDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppRoleAccount {\n    account {\n      name\n      users {\n        id\n        email\n      }\n      invoices(first: 2) {\n        number\n        taxRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query AppRoleAccount {\n    account {\n      name\n      users {\n        id\n        email\n      }\n      invoices(first: 2) {\n        number\n        taxRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppRoleTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"): (typeof documents)["\n  mutation AppRoleTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppRoleAuditEvents {\n    auditEvents(first: 5, filter: { kinds: [\"mutation_executed\"] }) {\n      edges {\n        node {\n          kind\n          summary\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AppRoleAuditEvents {\n    auditEvents(first: 5, filter: { kinds: [\"mutation_executed\"] }) {\n      edges {\n        node {\n          kind\n          summary\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditStartSession($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n        status\n      }\n      token\n      approvalRequest {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuditStartSession($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n        status\n      }\n      token\n      approvalRequest {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditApproveStart($id: ID!) {\n    approveRequest(id: $id, note: \"Checked the ticket\") {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AuditApproveStart($id: ID!) {\n    approveRequest(id: $id, note: \"Checked the ticket\") {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditClaimSession($sessionId: ID!) {\n    claimImpersonation(sessionId: $sessionId) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation AuditClaimSession($sessionId: ID!) {\n    claimImpersonation(sessionId: $sessionId) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditEndSession($sessionId: ID!) {\n    endImpersonation(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AuditEndSession($sessionId: ID!) {\n    endImpersonation(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditApiEvents($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          kind\n          summary\n          actorId\n          userId\n          accountId\n          sessionId\n          typeField\n          decision\n          details\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  query AuditApiEvents($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          kind\n          summary\n          actorId\n          userId\n          accountId\n          sessionId\n          typeField\n          decision\n          details\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditApiSessions($agent: ID) {\n    impersonationSessions(filter: { agent: $agent }) {\n      sessionId\n      agentName\n      userName\n      accountName\n      reason\n      ticket\n      status\n      startedAt\n      endedAt\n      story\n      events {\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditApiSessions($agent: ID) {\n    impersonationSessions(filter: { agent: $agent }) {\n      sessionId\n      agentName\n      userName\n      accountName\n      reason\n      ticket\n      status\n      startedAt\n      endedAt\n      story\n      events {\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditApiReview($from: DateTime!, $to: DateTime!) {\n    accessReview(from: $from, to: $to) {\n      agentId\n      agentName\n      sessions\n      accounts\n      approvalsRequested\n      approvalsGranted\n      refusals\n    }\n  }\n"): (typeof documents)["\n  query AuditApiReview($from: DateTime!, $to: DateTime!) {\n    accessReview(from: $from, to: $to) {\n      agentId\n      agentName\n      sessions\n      accounts\n      approvalsRequested\n      approvalsGranted\n      refusals\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditApiExport($filter: AuditEventFilter, $format: AuditExportFormat!, $limit: Int! = 10000) {\n    auditExport(filter: $filter, format: $format, limit: $limit) {\n      content\n      events\n      truncated\n    }\n  }\n"): (typeof documents)["\n  query AuditApiExport($filter: AuditEventFilter, $format: AuditExportFormat!, $limit: Int! = 10000) {\n    auditExport(filter: $filter, format: $format, limit: $limit) {\n      content\n      events\n      truncated\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditApiMe {\n    me {\n      id\n      phone\n      birthDate\n    }\n  }\n"): (typeof documents)["\n  query AuditApiMe {\n    me {\n      id\n      phone\n      birthDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditApiTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AuditApiTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditApiDirectory {\n    directory(search: \"Acme\") {\n      userId\n    }\n  }\n"): (typeof documents)["\n  query AuditApiDirectory {\n    directory(search: \"Acme\") {\n      userId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditApiAccessHistory {\n    accessHistory(first: 5) {\n      edges {\n        node {\n          sessionId\n          agentName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditApiAccessHistory {\n    accessHistory(first: 5) {\n      edges {\n        node {\n          sessionId\n          agentName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditChainStatusQuery {\n    auditChainStatus {\n      intact\n      summary\n      problems\n      checkpointSeq\n      checkpointSignedAt\n      fromSeq\n      headSeq\n      rowsChecked\n      checkedAt\n    }\n  }\n"): (typeof documents)["\n  query AuditChainStatusQuery {\n    auditChainStatus {\n      intact\n      summary\n      problems\n      checkpointSeq\n      checkpointSignedAt\n      fromSeq\n      headSeq\n      rowsChecked\n      checkedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChainStatusTraffic {\n    account {\n      users {\n        name\n        phone\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChainStatusTraffic {\n    account {\n      users {\n        name\n        phone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChainsStatusQuery {\n    auditChainStatus {\n      intact\n      summary\n      rowsChecked\n      chains {\n        chain\n        checkpointSeq\n        fromSeq\n        headSeq\n        rowsChecked\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChainsStatusQuery {\n    auditChainStatus {\n      intact\n      summary\n      rowsChecked\n      chains {\n        chain\n        checkpointSeq\n        fromSeq\n        headSeq\n        rowsChecked\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChainsAuditEvents($after: String) {\n    auditEvents(filter: { actor: \"stf_chains\" }, first: 1, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          summary\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  query ChainsAuditEvents($after: String) {\n    auditEvents(filter: { actor: \"stf_chains\" }, first: 1, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          summary\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLoadPeople {\n    account {\n      id\n      users {\n        id\n        name\n        phone\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLoadPeople {\n    account {\n      id\n      users {\n        id\n        name\n        phone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLoadDirectory {\n    directory(search: \"Acme\") {\n      userId\n      name\n    }\n  }\n"): (typeof documents)["\n  query AuditLoadDirectory {\n    directory(search: \"Acme\") {\n      userId\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLoadRefused {\n    me {\n      id\n    }\n  }\n"): (typeof documents)["\n  query AuditLoadRefused {\n    me {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditLoadTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"): (typeof documents)["\n  mutation AuditLoadTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerAuditEvents {\n    auditEvents(first: 5) {\n      hasNextPage\n    }\n  }\n"): (typeof documents)["\n  query CustomerAuditEvents {\n    auditEvents(first: 5) {\n      hasNextPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerDirectory {\n    directory(search: \"Acme\") {\n      userId\n    }\n  }\n"): (typeof documents)["\n  query CustomerDirectory {\n    directory(search: \"Acme\") {\n      userId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerStartSession($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerStartSession($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerBirthDate {\n    me {\n      id\n      birthDate\n    }\n  }\n"): (typeof documents)["\n  query CustomerBirthDate {\n    me {\n      id\n      birthDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditFailPeople {\n    account {\n      id\n      users {\n        id\n        name\n        phone\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditFailPeople {\n    account {\n      id\n      users {\n        id\n        name\n        phone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditFailDirectory {\n    directory(search: \"Acme\") {\n      userId\n      name\n    }\n  }\n"): (typeof documents)["\n  query AuditFailDirectory {\n    directory(search: \"Acme\") {\n      userId\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditFailTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"): (typeof documents)["\n  mutation AuditFailTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditFailEvents {\n    auditEvents(first: 5) {\n      edges {\n        node {\n          summary\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditFailEvents {\n    auditEvents(first: 5) {\n      edges {\n        node {\n          summary\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditAccountPeople {\n    account {\n      id\n      name\n      users {\n        id\n        name\n        phone\n        birthDate\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditAccountPeople {\n    account {\n      id\n      name\n      users {\n        id\n        name\n        phone\n        birthDate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditMyPhone {\n    me {\n      id\n      phone\n    }\n  }\n"): (typeof documents)["\n  query AuditMyPhone {\n    me {\n      id\n      phone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n      accountName\n    }\n  }\n"): (typeof documents)["\n  query AuditDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n      accountName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditViewer {\n    viewer {\n      id\n      name\n      roles\n    }\n  }\n"): (typeof documents)["\n  query AuditViewer {\n    viewer {\n      id\n      name\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditUsersByEmail($email: String!) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditUsersByEmail($email: String!) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditPeopleAndBilling {\n    account {\n      users {\n        id\n        phone\n      }\n      billingContact {\n        name\n        phone\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditPeopleAndBilling {\n    account {\n      users {\n        id\n        phone\n      }\n      billingContact {\n        name\n        phone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditManyInvoices {\n    account {\n      invoices(first: 1000) {\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditManyInvoices {\n    account {\n      invoices(first: 1000) {\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditFieldReadEvents($filter: AuditEventFilter!) {\n    auditEvents(filter: $filter, first: 100) {\n      edges {\n        node {\n          actorId\n          userId\n          sessionId\n          requestId\n          typeField\n          decision\n          details\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditFieldReadEvents($filter: AuditEventFilter!) {\n    auditEvents(filter: $filter, first: 100) {\n      edges {\n        node {\n          actorId\n          userId\n          sessionId\n          requestId\n          typeField\n          decision\n          details\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditSchemaTypes {\n    __schema {\n      types {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditSchemaTypes {\n    __schema {\n      types {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditRootTypename {\n    __typename\n  }\n"): (typeof documents)["\n  query AuditRootTypename {\n    __typename\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditBirthDates {\n    account {\n      users {\n        id\n        birthDate\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditBirthDates {\n    account {\n      users {\n        id\n        birthDate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditTooManyInvoices {\n    account {\n      many: invoices(first: 0) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditTooManyInvoices {\n    account {\n      many: invoices(first: 0) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditDirectoryAccounts($search: String!) {\n    directory(search: $search) {\n      userId\n      accountName\n    }\n    plansOnly: directory(search: $search, first: 5) {\n      plan\n    }\n  }\n"): (typeof documents)["\n  query AuditDirectoryAccounts($search: String!) {\n    directory(search: $search) {\n      userId\n      accountName\n    }\n    plansOnly: directory(search: $search, first: 5) {\n      plan\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditAccountRoles {\n    account {\n      users {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditAccountRoles {\n    account {\n      users {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefusalAccessHistory($first: Int!) {\n    accessHistory(first: $first) {\n      edges {\n        cursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query RefusalAccessHistory($first: Int!) {\n    accessHistory(first: $first) {\n      edges {\n        cursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefusalDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n    }\n  }\n"): (typeof documents)["\n  query RefusalDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditDenyTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AuditDenyTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditDenyPersonalIds {\n    me {\n      id\n      birthDate\n      nationalId\n    }\n  }\n"): (typeof documents)["\n  query AuditDenyPersonalIds {\n    me {\n      id\n      birthDate\n      nationalId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditDenyEvents {\n    auditEvents(first: 1) {\n      hasNextPage\n    }\n  }\n"): (typeof documents)["\n  query AuditDenyEvents {\n    auditEvents(first: 1) {\n      hasNextPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoryBilling {\n    account {\n      name\n      plan\n      invoices(first: 3) {\n        number\n        status\n        taxRate\n      }\n      paymentMethods {\n        brand\n        cardNumber\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoryBilling {\n    account {\n      name\n      plan\n      invoices(first: 3) {\n        number\n        status\n        taxRate\n      }\n      paymentMethods {\n        brand\n        cardNumber\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoryPeople {\n    account {\n      users {\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoryPeople {\n    account {\n      users {\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoryBirthDate {\n    me {\n      birthDate\n    }\n  }\n"): (typeof documents)["\n  query StoryBirthDate {\n    me {\n      birthDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoryUsersByEmail($email: String!) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoryUsersByEmail($email: String!) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoryTimeline($agent: ID) {\n    impersonationSessions(filter: { agent: $agent }) {\n      sessionId\n      story\n      events {\n        kind\n        typeField\n        details\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoryTimeline($agent: ID) {\n    impersonationSessions(filter: { agent: $agent }) {\n      sessionId\n      story\n      events {\n        kind\n        typeField\n        details\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StreamPeople {\n    account {\n      users {\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query StreamPeople {\n    account {\n      users {\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StreamUsersByEmail($email: String!) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query StreamUsersByEmail($email: String!) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditTamperPeople {\n    account {\n      id\n      users {\n        id\n        name\n        phone\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditTamperPeople {\n    account {\n      id\n      users {\n        id\n        name\n        phone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditTamperTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"): (typeof documents)["\n  mutation AuditTamperTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyCliPeople {\n    account {\n      users {\n        id\n        phone\n      }\n    }\n  }\n"): (typeof documents)["\n  query VerifyCliPeople {\n    account {\n      users {\n        id\n        phone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      kind\n      name\n      roles\n      accountId\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      kind\n      name\n      roles\n      accountId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ColleaguesPrivateData {\n    account {\n      users {\n        id\n        birthDate\n        nationalId\n      }\n      privateNotes {\n        id\n        body\n      }\n    }\n  }\n"): (typeof documents)["\n  query ColleaguesPrivateData {\n    account {\n      users {\n        id\n        birthDate\n        nationalId\n      }\n      privateNotes {\n        id\n        body\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ColleagueById($id: ID!) {\n    user(id: $id) {\n      id\n      birthDate\n    }\n  }\n"): (typeof documents)["\n  query ColleagueById($id: ID!) {\n    user(id: $id) {\n      id\n      birthDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnAccount {\n    me {\n      id\n      name\n    }\n    account {\n      id\n      name\n      users {\n        id\n      }\n      invoices(first: 100) {\n        id\n      }\n      paymentMethods {\n        id\n      }\n      apiTokens {\n        id\n      }\n      privateNotes {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query OwnAccount {\n    me {\n      id\n      name\n    }\n    account {\n      id\n      name\n      users {\n        id\n      }\n      invoices(first: 100) {\n        id\n      }\n      paymentMethods {\n        id\n      }\n      apiTokens {\n        id\n      }\n      privateNotes {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvoiceById($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n    }\n  }\n"): (typeof documents)["\n  query InvoiceById($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserById($id: ID!) {\n    user(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query UserById($id: ID!) {\n    user(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n      accountName\n      plan\n    }\n  }\n"): (typeof documents)["\n  query StaffDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n      accountName\n      plan\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SomethingSecret {\n    account {\n      apiTokens {\n        secret\n      }\n    }\n  }\n"): (typeof documents)["\n  query SomethingSecret {\n    account {\n      apiTokens {\n        secret\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdentityMe {\n    me {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query IdentityMe {\n    me {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdentityViewer {\n    viewer {\n      kind\n      id\n    }\n  }\n"): (typeof documents)["\n  query IdentityViewer {\n    viewer {\n      kind\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"): (typeof documents)["\n  mutation SetTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotifications($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      smsAlerts\n      productUpdates\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotifications($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      smsAlerts\n      productUpdates\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RiskyOwnNotes {\n    account {\n      privateNotes {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query RiskyOwnNotes {\n    account {\n      privateNotes {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EveryUserField {\n    account {\n      users {\n        id\n        accountId\n        name\n        email\n        phone\n        role\n        birthDate\n        nationalId\n        hasPassword\n        mfaRecoveryCodesRemaining\n        createdAt\n        notificationSettings {\n          invoiceEmails\n          securityAlerts\n          productUpdates\n          smsAlerts\n          updatedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EveryUserField {\n    account {\n      users {\n        id\n        accountId\n        name\n        email\n        phone\n        role\n        birthDate\n        nationalId\n        hasPassword\n        mfaRecoveryCodesRemaining\n        createdAt\n        notificationSettings {\n          invoiceEmails\n          securityAlerts\n          productUpdates\n          smsAlerts\n          updatedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WellFormedDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n    }\n  }\n"): (typeof documents)["\n  query WellFormedDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WellFormedStart($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n      }\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation WellFormedStart($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n      }\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImpApprovalSummary($id: ID!) {\n    approvalRequest(id: $id) {\n      id\n      summary\n      payload\n    }\n  }\n"): (typeof documents)["\n  query ImpApprovalSummary($id: ID!) {\n    approvalRequest(id: $id) {\n      id\n      summary\n      payload\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpEffectsTaxThenRefund($input: SetInvoiceTaxRateInput!, $invoiceId: ID!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ImpEffectsTaxThenRefund($input: SetInvoiceTaxRateInput!, $invoiceId: ID!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImpApprovalRequest($id: ID!) {\n    approvalRequest(id: $id) {\n      id\n      kind\n      status\n      requesterId\n      decidedBy\n      decisionNote\n      reason\n      summary\n    }\n  }\n"): (typeof documents)["\n  query ImpApprovalRequest($id: ID!) {\n    approvalRequest(id: $id) {\n      id\n      kind\n      status\n      requesterId\n      decidedBy\n      decisionNote\n      reason\n      summary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnHistory {\n    accessHistory(first: 20) {\n      edges {\n        node {\n          sessionId\n          agentName\n          summary\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OwnHistory {\n    accessHistory(first: 20) {\n      edges {\n        node {\n          sessionId\n          agentName\n          summary\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnTimeline($agent: ID) {\n    impersonationSessions(filter: { agent: $agent }) {\n      sessionId\n      agentName\n      story\n    }\n  }\n"): (typeof documents)["\n  query OwnTimeline($agent: ID) {\n    impersonationSessions(filter: { agent: $agent }) {\n      sessionId\n      agentName\n      story\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AstRevoke($id: ID!) {\n    revokeDelegation(delegationId: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AstRevoke($id: ID!) {\n    revokeDelegation(delegationId: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AstAddressed {\n    addressedApprovals {\n      id\n      requesterId\n    }\n  }\n"): (typeof documents)["\n  query AstAddressed {\n    addressedApprovals {\n      id\n      requesterId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AstViewer {\n    viewer {\n      id\n      kind\n      name\n      roles\n    }\n  }\n"): (typeof documents)["\n  query AstViewer {\n    viewer {\n      id\n      kind\n      name\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImpAccessHistory($first: Int!, $after: String) {\n    accessHistory(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sessionId\n          agentName\n          userId\n          userName\n          reason\n          ticket\n          mode\n          startedAt\n          endedAt\n          endReason\n          howItEnded\n          minutes\n          changes\n          summary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImpAccessHistory($first: Int!, $after: String) {\n    accessHistory(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sessionId\n          agentName\n          userId\n          userName\n          reason\n          ticket\n          mode\n          startedAt\n          endedAt\n          endReason\n          howItEnded\n          minutes\n          changes\n          summary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpRefundViaFragment($invoiceId: ID!) {\n    ...ImpRefundIt\n  }\n  fragment ImpRefundIt on Mutation {\n    again: refundInvoice(invoiceId: $invoiceId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ImpRefundViaFragment($invoiceId: ID!) {\n    ...ImpRefundIt\n  }\n  fragment ImpRefundIt on Mutation {\n    again: refundInvoice(invoiceId: $invoiceId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpRefundInline {\n    refundInvoice(invoiceId: \"inv_acme_006\") {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ImpRefundInline {\n    refundInvoice(invoiceId: \"inv_acme_006\") {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpTaxThenRefund($input: SetInvoiceTaxRateInput!, $invoiceId: ID!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ImpTaxThenRefund($input: SetInvoiceTaxRateInput!, $invoiceId: ID!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n    }\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpRefundWithDefault($id: ID! = \"inv_acme_009\") {\n    refundInvoice(invoiceId: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ImpRefundWithDefault($id: ID! = \"inv_acme_009\") {\n    refundInvoice(invoiceId: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpRefundTwo($a: ID!, $b: ID!) {\n    x: refundInvoice(invoiceId: $a) {\n      id\n      status\n    }\n    y: refundInvoice(invoiceId: $b) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ImpRefundTwo($a: ID!, $b: ID!) {\n    x: refundInvoice(invoiceId: $a) {\n      id\n      status\n    }\n    y: refundInvoice(invoiceId: $b) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpExportBesideBrokenRefund($v: ID = \"x\") {\n    exportInvoices\n    z: refundInvoice(invoiceId: $v) @skip(if: true) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ImpExportBesideBrokenRefund($v: ID = \"x\") {\n    exportInvoices\n    z: refundInvoice(invoiceId: $v) @skip(if: true) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpRefundBesideBrokenRefund($invoiceId: ID!, $v: ID = \"x\") {\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n      status\n    }\n    z: refundInvoice(invoiceId: $v) @skip(if: true) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ImpRefundBesideBrokenRefund($invoiceId: ID!, $v: ID = \"x\") {\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n      status\n    }\n    z: refundInvoice(invoiceId: $v) @skip(if: true) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpOptOutBesideBrokenRefund($v: ID = \"x\") {\n    setSupportAccess(value: never) {\n      supportAccess\n    }\n    z: refundInvoice(invoiceId: $v) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ImpOptOutBesideBrokenRefund($v: ID = \"x\") {\n    setSupportAccess(value: never) {\n      supportAccess\n    }\n    z: refundInvoice(invoiceId: $v) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpStart($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n        status\n        mode\n        minutes\n        expiresAt\n      }\n      token\n      approvalRequest {\n        id\n        status\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImpStart($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        id\n        status\n        mode\n        minutes\n        expiresAt\n      }\n      token\n      approvalRequest {\n        id\n        status\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpClaim($sessionId: ID!) {\n    claimImpersonation(sessionId: $sessionId) {\n      session {\n        id\n        status\n        expiresAt\n      }\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation ImpClaim($sessionId: ID!) {\n    claimImpersonation(sessionId: $sessionId) {\n      session {\n        id\n        status\n        expiresAt\n      }\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpEnd($sessionId: ID!) {\n    endImpersonation(sessionId: $sessionId) {\n      id\n      status\n      endReason\n    }\n  }\n"): (typeof documents)["\n  mutation ImpEnd($sessionId: ID!) {\n    endImpersonation(sessionId: $sessionId) {\n      id\n      status\n      endReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImpMine {\n    myImpersonationSession {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  query ImpMine {\n    myImpersonationSession {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpRevoke($sessionId: ID!, $reason: String!) {\n    revokeImpersonation(sessionId: $sessionId, reason: $reason) {\n      id\n      status\n      endReason\n    }\n  }\n"): (typeof documents)["\n  mutation ImpRevoke($sessionId: ID!, $reason: String!) {\n    revokeImpersonation(sessionId: $sessionId, reason: $reason) {\n      id\n      status\n      endReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpApprove($id: ID!, $note: String) {\n    approveRequest(id: $id, note: $note) {\n      id\n      status\n      decidedBy\n      grantExpiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ImpApprove($id: ID!, $note: String) {\n    approveRequest(id: $id, note: $note) {\n      id\n      status\n      decidedBy\n      grantExpiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpDeny($id: ID!, $reason: String!) {\n    denyRequest(id: $id, reason: $reason) {\n      id\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n"): (typeof documents)["\n  mutation ImpDeny($id: ID!, $reason: String!) {\n    denyRequest(id: $id, reason: $reason) {\n      id\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImpPending {\n    pendingApprovals {\n      id\n      kind\n      status\n      requesterId\n      targetUserId\n      sessionId\n      summary\n    }\n  }\n"): (typeof documents)["\n  query ImpPending {\n    pendingApprovals {\n      id\n      kind\n      status\n      requesterId\n      targetUserId\n      sessionId\n      summary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImpMe {\n    me {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query ImpMe {\n    me {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImpMeBirthDate {\n    me {\n      id\n      birthDate\n    }\n  }\n"): (typeof documents)["\n  query ImpMeBirthDate {\n    me {\n      id\n      birthDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpSetTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"): (typeof documents)["\n  mutation ImpSetTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpDelegate($sessionId: ID!, $assistantId: ID!, $minutes: Int) {\n    delegateSession(sessionId: $sessionId, assistantId: $assistantId, minutes: $minutes) {\n      delegation {\n        id\n        sessionId\n        assistantId\n        expiresAt\n      }\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation ImpDelegate($sessionId: ID!, $assistantId: ID!, $minutes: Int) {\n    delegateSession(sessionId: $sessionId, assistantId: $assistantId, minutes: $minutes) {\n      delegation {\n        id\n        sessionId\n        assistantId\n        expiresAt\n      }\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpRefund($invoiceId: ID!) {\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ImpRefund($invoiceId: ID!) {\n    refundInvoice(invoiceId: $invoiceId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpExport {\n    exportInvoices\n  }\n"): (typeof documents)["\n  mutation ImpExport {\n    exportInvoices\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpUpdateNotifications($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      smsAlerts\n    }\n  }\n"): (typeof documents)["\n  mutation ImpUpdateNotifications($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      smsAlerts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpSetSupportAccess($value: SupportAccess!) {\n    setSupportAccess(value: $value) {\n      id\n      supportAccess\n    }\n  }\n"): (typeof documents)["\n  mutation ImpSetSupportAccess($value: SupportAccess!) {\n    setSupportAccess(value: $value) {\n      id\n      supportAccess\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpRequestMutation($input: RequestMutationApprovalInput!) {\n    requestMutationApproval(input: $input) {\n      id\n      kind\n      status\n      sessionId\n    }\n  }\n"): (typeof documents)["\n  mutation ImpRequestMutation($input: RequestMutationApprovalInput!) {\n    requestMutationApproval(input: $input) {\n      id\n      kind\n      status\n      sessionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpRequestFields($input: RequestFieldAccessInput!) {\n    requestFieldAccess(input: $input) {\n      id\n      kind\n      status\n      sessionId\n    }\n  }\n"): (typeof documents)["\n  mutation ImpRequestFields($input: RequestFieldAccessInput!) {\n    requestFieldAccess(input: $input) {\n      id\n      kind\n      status\n      sessionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpPublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ImpPublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpApprovePolicy($version: Int!) {\n    approvePolicyVersion(version: $version) {\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ImpApprovePolicy($version: Int!) {\n    approvePolicyVersion(version: $version) {\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersByEmail {\n    account {\n      users(filter: { email: \"jane.doe@acme.example\" }) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersByEmail {\n    account {\n      users(filter: { email: \"jane.doe@acme.example\" }) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersOrderedByEmail {\n    account {\n      users(orderBy: EMAIL) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersOrderedByEmail {\n    account {\n      users(orderBy: EMAIL) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersByEmailVariable($email: String) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersByEmailVariable($email: String) {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersByFilterVariable($filter: UserFilter) {\n    account {\n      users(filter: $filter) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersByFilterVariable($filter: UserFilter) {\n    account {\n      users(filter: $filter) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersOrderedBy($orderBy: UserOrder) {\n    account {\n      users(orderBy: $orderBy) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersOrderedBy($orderBy: UserOrder) {\n    account {\n      users(orderBy: $orderBy) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersByDefaultEmail($email: String = \"jane.doe@acme.example\") {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersByDefaultEmail($email: String = \"jane.doe@acme.example\") {\n    account {\n      users(filter: { email: $email }) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersByDefaultOrder($orderBy: UserOrder = EMAIL) {\n    account {\n      users(orderBy: $orderBy) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersByDefaultOrder($orderBy: UserOrder = EMAIL) {\n    account {\n      users(orderBy: $orderBy) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UsersByEmailFields on Account {\n    users(filter: { email: \"jane.doe@acme.example\" }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment UsersByEmailFields on Account {\n    users(filter: { email: \"jane.doe@acme.example\" }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersByEmailInFragment {\n    account {\n      ...UsersByEmailFields\n    }\n  }\n"): (typeof documents)["\n  query UsersByEmailInFragment {\n    account {\n      ...UsersByEmailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersByRole {\n    account {\n      users(filter: { role: billing }, orderBy: ROLE) {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersByRole {\n    account {\n      users(filter: { role: billing }, orderBy: ROLE) {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersByName {\n    account {\n      users(filter: { nameContains: \"omar\" }, orderBy: NAME) {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersByName {\n    account {\n      users(filter: { nameContains: \"omar\" }, orderBy: NAME) {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllUsers {\n    account {\n      users {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query AllUsers {\n    account {\n      users {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CanaryPublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CanaryPublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CanaryNames {\n    me {\n      name\n    }\n    account {\n      billingContact {\n        name\n      }\n      users {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CanaryNames {\n    me {\n      name\n    }\n    account {\n      billingContact {\n        name\n      }\n      users {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminActivePolicy {\n    activePolicy {\n      version\n      status\n      basedOn\n      createdBy\n      document\n    }\n  }\n"): (typeof documents)["\n  query AdminActivePolicy {\n    activePolicy {\n      version\n      status\n      basedOn\n      createdBy\n      document\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPolicyFields {\n    policyFields {\n      field\n      classification\n      mask\n      customer\n      staff\n      impersonationReadOnly\n      impersonationReadWrite\n    }\n  }\n"): (typeof documents)["\n  query AdminPolicyFields {\n    policyFields {\n      field\n      classification\n      mask\n      customer\n      staff\n      impersonationReadOnly\n      impersonationReadWrite\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPolicyVersions {\n    policyVersions {\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  query AdminPolicyVersions {\n    policyVersions {\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPolicyDiff($from: Int!, $to: Int!) {\n    policyDiff(from: $from, to: $to) {\n      rule\n      column\n      before\n      after\n      direction\n    }\n  }\n"): (typeof documents)["\n  query AdminPolicyDiff($from: Int!, $to: Int!) {\n    policyDiff(from: $from, to: $to) {\n      rule\n      column\n      before\n      after\n      direction\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminPublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n      basedOn\n      loosens\n      reason\n      createdBy\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminPublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n      basedOn\n      loosens\n      reason\n      createdBy\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminApprovePolicy($version: Int!, $note: String) {\n    approvePolicyVersion(version: $version, note: $note) {\n      version\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n"): (typeof documents)["\n  mutation AdminApprovePolicy($version: Int!, $note: String) {\n    approvePolicyVersion(version: $version, note: $note) {\n      version\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRejectPolicy($version: Int!, $reason: String!) {\n    rejectPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRejectPolicy($version: Int!, $reason: String!) {\n    rejectPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminWithdrawPolicy($version: Int!, $reason: String!) {\n    withdrawPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n"): (typeof documents)["\n  mutation AdminWithdrawPolicy($version: Int!, $reason: String!) {\n    withdrawPolicyVersion(version: $version, reason: $reason) {\n      version\n      status\n      decidedBy\n      decisionNote\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRollbackPolicy($toVersion: Int!, $reason: String!) {\n    rollbackPolicy(toVersion: $toVersion, reason: $reason) {\n      version\n      status\n      basedOn\n      loosens\n      reason\n      document\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRollbackPolicy($toVersion: Int!, $reason: String!) {\n    rollbackPolicy(toVersion: $toVersion, reason: $reason) {\n      version\n      status\n      basedOn\n      loosens\n      reason\n      document\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomerEmail {\n    me {\n      email\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomerEmail {\n    me {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminImpersonatedBirthDate {\n    me {\n      birthDate\n    }\n  }\n"): (typeof documents)["\n  query AdminImpersonatedBirthDate {\n    me {\n      birthDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminImpersonatedNationalId {\n    me {\n      nationalId\n    }\n  }\n"): (typeof documents)["\n  query AdminImpersonatedNationalId {\n    me {\n      nationalId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BaselineDiff($from: Int!, $to: Int!) {\n    policyDiff(from: $from, to: $to) {\n      rule\n      column\n      before\n      after\n    }\n  }\n"): (typeof documents)["\n  query BaselineDiff($from: Int!, $to: Int!) {\n    policyDiff(from: $from, to: $to) {\n      rule\n      column\n      before\n      after\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BaselineVersions {\n    policyVersions {\n      version\n      status\n      createdBy\n      reason\n    }\n  }\n"): (typeof documents)["\n  query BaselineVersions {\n    policyVersions {\n      version\n      status\n      createdBy\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BaselineMe {\n    me {\n      email\n    }\n  }\n"): (typeof documents)["\n  query BaselineMe {\n    me {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BaselineBirthDate {\n    me {\n      birthDate\n    }\n  }\n"): (typeof documents)["\n  query BaselineBirthDate {\n    me {\n      birthDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BaselinePublish($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation BaselinePublish($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BaselineApprove($version: Int!, $note: String) {\n    approvePolicyVersion(version: $version, note: $note) {\n      version\n      status\n      decidedBy\n    }\n  }\n"): (typeof documents)["\n  mutation BaselineApprove($version: Int!, $note: String) {\n    approvePolicyVersion(version: $version, note: $note) {\n      version\n      status\n      decidedBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InstancePublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation InstancePublishPolicy($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InstanceApprovePolicy($version: Int!) {\n    approvePolicyVersion(version: $version) {\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation InstanceApprovePolicy($version: Int!) {\n    approvePolicyVersion(version: $version) {\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstanceCustomerEmail {\n    me {\n      email\n    }\n  }\n"): (typeof documents)["\n  query InstanceCustomerEmail {\n    me {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewPolicy($document: String!) {\n    policyPreview(document: $document) {\n      basedOn\n      outcome\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewPolicy($document: String!) {\n    policyPreview(document: $document) {\n      basedOn\n      outcome\n      changes {\n        rule\n        column\n        before\n        after\n        direction\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewPublish($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation PreviewPublish($input: PublishPolicyInput!) {\n    publishPolicy(input: $input) {\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RiskyChangeEmail($userId: ID!, $email: String!) {\n    changeUserEmail(userId: $userId, email: $email) {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation RiskyChangeEmail($userId: ID!, $email: String!) {\n    changeUserEmail(userId: $userId, email: $email) {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RiskySendLoginReset($userId: ID!) {\n    sendLoginReset(userId: $userId) {\n      id\n      loginResetSentAt\n    }\n  }\n"): (typeof documents)["\n  mutation RiskySendLoginReset($userId: ID!) {\n    sendLoginReset(userId: $userId) {\n      id\n      loginResetSentAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RiskyChangePlan($plan: Plan!) {\n    changePlan(plan: $plan) {\n      id\n      plan\n      planStatus\n    }\n  }\n"): (typeof documents)["\n  mutation RiskyChangePlan($plan: Plan!) {\n    changePlan(plan: $plan) {\n      id\n      plan\n      planStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RiskyCancelPlan {\n    cancelPlan {\n      id\n      plan\n      planStatus\n    }\n  }\n"): (typeof documents)["\n  mutation RiskyCancelPlan {\n    cancelPlan {\n      id\n      plan\n      planStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RiskyRevokeToken($tokenId: ID!) {\n    revokeApiToken(tokenId: $tokenId) {\n      id\n      state\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RiskyRevokeToken($tokenId: ID!) {\n    revokeApiToken(tokenId: $tokenId) {\n      id\n      state\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RiskyDeleteNote($noteId: ID!) {\n    deletePrivateNote(noteId: $noteId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RiskyDeleteNote($noteId: ID!) {\n    deletePrivateNote(noteId: $noteId) {\n      id\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;