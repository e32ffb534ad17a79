export { defineAccountTypes } from './account.schema.js';
export { findAccountById } from './account.repository.js';
export { customerIdentity } from './customer-identity.js';
