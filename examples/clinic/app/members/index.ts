export { clinicIdentity } from './member-identity.js';
export { defineMemberTypes } from './member.schema.js';
export { findMemberInPractice } from './member.repository.js';
