export { definePracticeTypes } from './practice.schema.js';
export { findPracticeById } from './practice.repository.js';
