export { defineBillingTypes } from './billing.schema.js';
