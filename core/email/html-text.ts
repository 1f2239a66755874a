// Escapes text for HTML, so a name or reference can never become markup (pure).

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** @example escapeHtml('<b>"A&B"</b>') // "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;" */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}
