// Escapes text for Prisma's contains/endsWith, which pass it to LIKE with its wildcards live.

/** "100%" matches the text "100%" only, not "100" followed by anything. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
