export { definePrivateNoteTypes } from './private-note.schema.js';
