export { defineViewerTypes } from './viewer.schema.js';
