export { seesColleaguesPrivateData } from './colleague-privacy.js';
export { personNamed, personsOwn } from './person-named.js';
export { defineSignInTypes } from './sign-in.schema.js';
export { defineUserTypes } from './user.schema.js';
export { userRoleOf } from './user-role.js';
