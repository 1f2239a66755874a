// Contacts per day against the caps, as a hand-written SVG (no chart library).
import { addDays } from "../../../core/dates/index.ts";
import type { ContactProfile } from "../../../core/policy/index.ts";
import { byBorrower, capsOf, messagesOf } from "./contact-stats.ts";
import type { SimulationLine } from "./run-simulation.ts";
import type { SimulationPlan } from "./simulation-input.ts";

const WIDTH = 960;
const PLOT = { left: 56, right: 20, top: 40, height: 220, gap: 70, lowerHeight: 140 };
const WEEK_MS = 7 * 86_400_000;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Top: per day, the most contacts any one borrower had on their local day (bars) and in the
 * 7 days ending that day (line), with the daily cap, the 7-day cap and the hard ceiling.
 * Bottom: all contacts per day.
 */
export function simulationChart(
  plan: SimulationPlan,
  profile: ContactProfile,
  lines: readonly SimulationLine[],
): string {
  const caps = capsOf(profile);
  const messages = messagesOf(lines);
  const startDate = plan.start.slice(0, 10);
  const days = plan.days;
  const dayIndex = (date: string) =>
    Math.round(
      (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000,
    );
  const perDayMax = new Array<number>(days).fill(0);
  const rollingMax = new Array<number>(days).fill(0);
  const total = new Array<number>(days).fill(0);
  for (const own of byBorrower(messages).values()) {
    const counts = new Map<number, number>();
    for (const m of own) {
      const d = dayIndex(m.localDate);
      if (d < 0 || d >= days) continue;
      counts.set(d, (counts.get(d) ?? 0) + 1);
      total[d] = (total[d] ?? 0) + 1;
    }
    for (const [d, n] of counts) perDayMax[d] = Math.max(perDayMax[d] ?? 0, n);
    for (let d = 0; d < days; d++) {
      const end = Date.parse(`${addDays(startDate, d + 1)}T00:00:00Z`);
      const inWeek = own.filter((m) => m.ms < end && m.ms >= end - WEEK_MS).length;
      rollingMax[d] = Math.max(rollingMax[d] ?? 0, inWeek);
    }
  }

  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const step = plotWidth / days;
  const yMax = caps.hardCeiling + 1;
  const y = (v: number) => PLOT.top + PLOT.height - (v / yMax) * PLOT.height;
  const lowerTop = PLOT.top + PLOT.height + PLOT.gap;
  const totalMax = Math.max(1, ...total);
  const yLow = (v: number) => lowerTop + PLOT.lowerHeight - (v / totalMax) * PLOT.lowerHeight;
  const height = lowerTop + PLOT.lowerHeight + 40;
  const x = (d: number) => PLOT.left + d * step;
  const svg: string[] = [];
  svg.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${PLOT.left}" y="20" font-size="14" font-weight="bold">${escapeXml(
      `Contacts per borrower against the caps — profile "${profile.name}", ${days} days from ${startDate}`,
    )}</text>`,
  );
  for (let v = 0; v <= yMax; v++) {
    svg.push(
      `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/>`,
      `<text x="${PLOT.left - 8}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    );
  }
  perDayMax.forEach((n, d) => {
    if (n > 0) {
      svg.push(
        `<rect x="${x(d) + 1}" y="${y(n)}" width="${Math.max(1, step - 2)}" height="${y(0) - y(n)}" fill="#4a90d9"><title>${escapeXml(`${addDays(startDate, d)}: ${n}`)}</title></rect>`,
      );
    }
  });
  const points = rollingMax.map((n, d) => `${x(d) + step / 2},${y(n)}`).join(" ");
  svg.push(`<polyline points="${points}" fill="none" stroke="#e67e22" stroke-width="2"/>`);
  const capLine = (value: number, color: string, label: string) =>
    svg.push(
      `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(value)}" y2="${y(value)}" stroke="${color}" stroke-dasharray="6 4" stroke-width="1.5"/>`,
      `<text x="${WIDTH - PLOT.right - 4}" y="${y(value) - 4}" text-anchor="end" fill="${color}">${escapeXml(label)}</text>`,
    );
  capLine(caps.perDay, "#2c7fb8", `daily cap ${caps.perDay}`);
  capLine(caps.per7Days, "#d95f02", `7-day cap ${caps.per7Days}`);
  capLine(caps.hardCeiling, "#c0392b", `hard ceiling ${caps.hardCeiling}`);
  svg.push(
    `<text x="${PLOT.left}" y="${PLOT.top + PLOT.height + 28}">${escapeXml(
      "bars: most contacts one borrower had that local day · line: most in the 7 days ending that day",
    )}</text>`,
  );
  svg.push(
    `<text x="${PLOT.left}" y="${lowerTop - 10}" font-weight="bold">All contacts per day (max ${totalMax})</text>`,
  );
  total.forEach((n, d) => {
    if (n > 0) {
      svg.push(
        `<rect x="${x(d) + 1}" y="${yLow(n)}" width="${Math.max(1, step - 2)}" height="${yLow(0) - yLow(n)}" fill="#7f8c8d"/>`,
      );
    }
  });
  svg.push(
    `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${yLow(0)}" y2="${yLow(0)}" stroke="#333"/>`,
  );
  for (let d = 0; d < days; d += 7) {
    svg.push(`<text x="${x(d)}" y="${yLow(0) + 16}">${addDays(startDate, d).slice(5)}</text>`);
  }
  svg.push("</svg>");
  return `${svg.join("\n")}\n`;
}
