export { defineUserTypes } from './user.schema.js';
