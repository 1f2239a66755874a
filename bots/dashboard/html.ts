// HTML and CSV text for the dashboard: every value escaped, every table downloadable.

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A table: header cells, then rows of already-escaped cell HTML. */
export function table(
  id: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join("");
  const body = rows.length
    ? rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("")
    : `<tr><td colspan="${head.length}">none</td></tr>`;
  return `<table id="${esc(id)}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A link to a figure's rows. */
export function link(href: string, text: unknown): string {
  return `<a href="${esc(href)}">${esc(text)}</a>`;
}

/** RFC 4180 CSV: quoted when needed; a leading =, +, - or @ is neutralised for spreadsheets. */
export function csv(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (value: unknown) => {
    let text = String(value ?? "");
    if (/^[=+\-@]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[head, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** A JSON island a page's script reads (not executed: `<` escaped so it cannot end the tag). */
export function jsonIsland(id: string, data: unknown): string {
  const text = JSON.stringify(data).replace(/</g, "\\u003c");
  return `<script type="application/json" id="${esc(id)}">${text}</script>`;
}

export interface PageShell {
  readonly title: string;
  readonly body: string;
  /** The session's form token, for the log-out form; absent on the login page. */
  readonly csrf?: string;
  /** Loads the chart library and the page's chart script. */
  readonly charts?: boolean;
}

const NAV = [
  ["/dashboard", "Portfolio"],
  ["/dashboard/contacts", "Contacts and compliance"],
  ["/dashboard/borrowers", "Borrower"],
  ["/dashboard/simulator", "Simulator"],
] as const;

/** The page around `body`: navigation, styles and scripts, all from this server. */
export function page(shell: PageShell): string {
  const nav = shell.csrf
    ? `<nav>${NAV.map(([href, name]) => link(href, name)).join(" ")}
<form method="post" action="/dashboard/logout" class="inline"><input type="hidden" name="_csrf" value="${esc(shell.csrf)}"><button>Log out</button></form></nav>`
    : "";
  const scripts = shell.charts
    ? `<script src="/dashboard/assets/chart.umd.min.js"></script><script src="/dashboard/assets/dashboard.js"></script>`
    : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(shell.title)} · Repayment assistant</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/dashboard/assets/dashboard.css"></head>
<body><header><h1>${esc(shell.title)}</h1>${nav}</header><main>${shell.body}</main>${scripts}</body></html>`;
}
