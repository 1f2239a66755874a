// The dashboard's static files: its stylesheet, its chart script and Chart.js, all served from here.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222}
header{background:#1f3a5f;color:#fff;padding:8px 16px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header h1{font-size:18px;margin:0}header a{color:#fff;margin-right:12px}
main{padding:16px;max-width:1100px}section{margin-bottom:24px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}
th{background:#f0f3f7}a.csv{font-size:12px;font-weight:normal;margin-left:8px}
form.inline{display:inline}.error{color:#b00020}.ok{color:#2e7d32}
.timeline td:first-child{white-space:nowrap}
.chart{position:relative;height:320px;width:100%;max-width:1000px}`;

/** Draws every canvas[data-chart] from its JSON island; a bar or point links to its rows. */
const SCRIPT = `(() => {
  for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
    const config = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
    const links = config.links;
    delete config.links;
    config.options = Object.assign(
      { animation: false, responsive: true, maintainAspectRatio: false },
      config.options,
    );
    if (links) {
      config.options.onClick = (_event, elements) => {
        const hit = elements[0];
        if (hit && links[hit.index]) window.location.href = links[hit.index];
      };
    }
    new Chart(canvas, config);
    canvas.dataset.rendered = "true";
  }
})();`;

let chartJs: string | undefined;

/** Chart.js's UMD build from the installed package (read once). */
function chartLibrary(): string {
  if (chartJs === undefined) {
    const main = createRequire(import.meta.url).resolve("chart.js");
    chartJs = readFileSync(join(dirname(main), "chart.umd.min.js"), "utf8");
  }
  return chartJs;
}

/** The asset called `name`, with its content type, or undefined. */
export function dashboardAsset(name: string): { body: string; type: string } | undefined {
  switch (name) {
    case "dashboard.css":
      return { body: CSS, type: "text/css; charset=utf-8" };
    case "dashboard.js":
      return { body: SCRIPT, type: "text/javascript; charset=utf-8" };
    case "chart.umd.min.js":
      return { body: chartLibrary(), type: "text/javascript; charset=utf-8" };
    default:
      return undefined;
  }
}
