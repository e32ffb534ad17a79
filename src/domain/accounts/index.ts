export { defineAccountTypes } from './account.schema.js';
export { findAccountById } from './account.repository.js';
