// The dashboard's login form.
import { esc, page } from "./html.ts";

export function loginPage(next: string, error?: string): string {
  return page({
    title: "Dashboard login",
    body: `<form method="post" action="/dashboard/login">
${error ? `<p class="error">${esc(error)}</p>` : ""}
<input type="hidden" name="next" value="${esc(next)}">
<label>Password <input type="password" name="password" autocomplete="current-password" autofocus required></label>
<button>Log in</button></form>`,
  });
}
