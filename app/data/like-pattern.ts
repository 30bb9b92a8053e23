/** Escapes LIKE's wildcards so typed text matches only itself (the default escape is a backslash). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
