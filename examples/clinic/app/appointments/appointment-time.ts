/** "2026-12-08 09:30 UTC": when an appointment starts, as a person reads it in a record. */
export function appointmentTime(startsAt: Date): string {
  return `${startsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
