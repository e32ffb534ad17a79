/** Escapes LIKE/ILIKE wildcards so user text is matched literally (`%` finds a percent sign). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
