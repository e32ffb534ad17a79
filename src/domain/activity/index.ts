export { defineActivityTypes } from './activity.schema.js';
