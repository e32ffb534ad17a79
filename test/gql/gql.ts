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
    "\n  query Viewer {\n    viewer {\n      id\n      kind\n      name\n      roles\n      accountId\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query OwnAccount {\n    me {\n      id\n      name\n    }\n    account {\n      id\n      name\n      users {\n        id\n      }\n      invoices(first: 100) {\n        id\n      }\n      paymentMethods {\n        id\n      }\n      apiTokens {\n        id\n      }\n      privateNotes {\n        id\n      }\n    }\n  }\n": typeof types.OwnAccountDocument,
    "\n  query InvoiceById($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n    }\n  }\n": typeof types.InvoiceByIdDocument,
    "\n  query UserById($id: ID!) {\n    user(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.UserByIdDocument,
    "\n  query StaffDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n      accountName\n      plan\n    }\n  }\n": typeof types.StaffDirectoryDocument,
    "\n  query SomethingSecret {\n    account {\n      apiTokens {\n        secret\n      }\n    }\n  }\n": typeof types.SomethingSecretDocument,
    "\n  mutation SetTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": typeof types.SetTaxRateDocument,
    "\n  mutation UpdateNotifications($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      smsAlerts\n      productUpdates\n    }\n  }\n": typeof types.UpdateNotificationsDocument,
    "\n  query EveryUserField {\n    account {\n      users {\n        id\n        accountId\n        name\n        email\n        phone\n        role\n        birthDate\n        nationalId\n        hasPassword\n        mfaRecoveryCodesRemaining\n        createdAt\n        notificationSettings {\n          invoiceEmails\n          securityAlerts\n          productUpdates\n          smsAlerts\n          updatedAt\n        }\n      }\n    }\n  }\n": typeof types.EveryUserFieldDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      kind\n      name\n      roles\n      accountId\n    }\n  }\n": types.ViewerDocument,
    "\n  query OwnAccount {\n    me {\n      id\n      name\n    }\n    account {\n      id\n      name\n      users {\n        id\n      }\n      invoices(first: 100) {\n        id\n      }\n      paymentMethods {\n        id\n      }\n      apiTokens {\n        id\n      }\n      privateNotes {\n        id\n      }\n    }\n  }\n": types.OwnAccountDocument,
    "\n  query InvoiceById($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n    }\n  }\n": types.InvoiceByIdDocument,
    "\n  query UserById($id: ID!) {\n    user(id: $id) {\n      id\n      name\n    }\n  }\n": types.UserByIdDocument,
    "\n  query StaffDirectory($search: String!) {\n    directory(search: $search) {\n      userId\n      name\n      accountName\n      plan\n    }\n  }\n": types.StaffDirectoryDocument,
    "\n  query SomethingSecret {\n    account {\n      apiTokens {\n        secret\n      }\n    }\n  }\n": types.SomethingSecretDocument,
    "\n  mutation SetTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n": types.SetTaxRateDocument,
    "\n  mutation UpdateNotifications($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      smsAlerts\n      productUpdates\n    }\n  }\n": types.UpdateNotificationsDocument,
    "\n  query EveryUserField {\n    account {\n      users {\n        id\n        accountId\n        name\n        email\n        phone\n        role\n        birthDate\n        nationalId\n        hasPassword\n        mfaRecoveryCodesRemaining\n        createdAt\n        notificationSettings {\n          invoiceEmails\n          securityAlerts\n          productUpdates\n          smsAlerts\n          updatedAt\n        }\n      }\n    }\n  }\n": types.EveryUserFieldDocument,
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
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      kind\n      name\n      roles\n      accountId\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      kind\n      name\n      roles\n      accountId\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation SetTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"): (typeof documents)["\n  mutation SetTaxRate($input: SetInvoiceTaxRateInput!) {\n    setInvoiceTaxRate(input: $input) {\n      id\n      taxRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotifications($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      smsAlerts\n      productUpdates\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotifications($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      smsAlerts\n      productUpdates\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EveryUserField {\n    account {\n      users {\n        id\n        accountId\n        name\n        email\n        phone\n        role\n        birthDate\n        nationalId\n        hasPassword\n        mfaRecoveryCodesRemaining\n        createdAt\n        notificationSettings {\n          invoiceEmails\n          securityAlerts\n          productUpdates\n          smsAlerts\n          updatedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EveryUserField {\n    account {\n      users {\n        id\n        accountId\n        name\n        email\n        phone\n        role\n        birthDate\n        nationalId\n        hasPassword\n        mfaRecoveryCodesRemaining\n        createdAt\n        notificationSettings {\n          invoiceEmails\n          securityAlerts\n          productUpdates\n          smsAlerts\n          updatedAt\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;