/** Where an object type's extensions name the property that holds its user's id. */
export const AUDIT_SUBJECT_EXTENSION = 'wardenAuditSubject';

/**
 * For an object type's `extensions`: which property of its objects holds the id of the user
 * whose data they are (`User` → `id`, `DirectoryEntry` → `userId`). Reads of the type's
 * classified fields then record that user (`subjectIds`), so an auditor filtering by user finds
 * them even when they were read in another customer's session or in the staff directory.
 */
export function auditSubjectFrom(property: string): Readonly<Record<string, string>> {
  return { [AUDIT_SUBJECT_EXTENSION]: property };
}
