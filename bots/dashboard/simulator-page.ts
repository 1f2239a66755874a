// The Simulator page: choose a contact profile and a horizon, preview the policy on a copy of the book.
import { contactProfiles } from "../../core/policy/index.ts";
import { esc } from "./html.ts";

export const HORIZONS = [7, 30, 90] as const;

export function simulatorForm(csrf: string, profile = "default", days = 30): string {
  const options = Object.keys(contactProfiles)
    .map((name) => `<option${name === profile ? " selected" : ""}>${esc(name)}</option>`)
    .join("");
  const horizons = HORIZONS.map(
    (d) => `<option value="${d}"${d === days ? " selected" : ""}>${d} days</option>`,
  ).join("");
  return `<form method="post" action="/dashboard/simulator"><input type="hidden" name="_csrf" value="${esc(csrf)}">
<label>Contact profile <select name="profile">${options}</select></label>
<label>Horizon <select name="days">${horizons}</select></label>
<button>Run the simulator</button></form>
<p>The simulator replays the book's active loans (up to 200 borrowers) in memory from today, every 15 minutes,
through the same planner, policy and dispatcher as production; nothing is sent and the stored book is not changed.</p>`;
}

export function simulatorResult(result: { report: string; svg: string; lines: number }): string {
  const svg = Buffer.from(result.svg, "utf8").toString("base64");
  return `<section><h2>Contacts per day against the caps</h2>
<img id="simulation-chart" alt="contacts per day" src="data:image/svg+xml;base64,${svg}">
<h2>Report (${esc(result.lines)} decisions)</h2><pre id="simulation-report">${esc(result.report)}</pre></section>`;
}
