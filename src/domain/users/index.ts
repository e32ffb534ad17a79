export { seesColleaguesPrivateData } from './colleague-privacy.js';
export { defineUserTypes } from './user.schema.js';
