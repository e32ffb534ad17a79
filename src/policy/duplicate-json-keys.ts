/** A key written twice in one JSON object. */
export interface DuplicateJsonKey {
  key: string;
  /** 1-based line of the repeat, and of the first occurrence. */
  line: number;
  firstLine: number;
}

/**
 * Keys that appear more than once in the same object. JSON.parse keeps the last one without a
 * word, so a policy that says `"User.name"` twice would silently drop the first rule. `text`
 * must already parse as JSON (strings then hold no raw line breaks, so lines count simply).
 */
export function duplicateJsonKeys(text: string): DuplicateJsonKey[] {
  const found: DuplicateJsonKey[] = [];
  // One entry per open object (its keys and their lines) or array (null).
  const open: Array<Map<string, number> | null> = [];
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n') {
      line += 1;
    } else if (char === '{' || char === '[') {
      open.push(char === '{' ? new Map() : null);
      expectKey = char === '{';
    } else if (char === '}' || char === ']') {
      open.pop();
      expectKey = false;
    } else if (char === ',') {
      expectKey = open.at(-1) instanceof Map;
    } else if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const keys = open.at(-1);
      if (expectKey && keys) {
        const parsed: unknown = JSON.parse(text.slice(i, end + 1));
        const key = String(parsed);
        const firstLine = keys.get(key);
        if (firstLine === undefined) keys.set(key, line);
        else found.push({ key, line, firstLine });
      }
      expectKey = false;
      i = end;
    }
  }
  return found;
}
