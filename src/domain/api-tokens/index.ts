export { defineApiTokenTypes } from './api-token.schema.js';
