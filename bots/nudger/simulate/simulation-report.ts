// The simulator's human summary: contacts per borrower per week, why not, and the worst week.
import type { ContactProfile } from "../../../core/policy/index.ts";
import {
  capsOf,
  messagesAfterOptOut,
  messagesOf,
  quietHourMessages,
  reasonCounts,
  weeklyCounts,
  worstLocalDay,
  worstRolling7,
} from "./contact-stats.ts";
import type { SimulationLine, SimulationResult } from "./run-simulation.ts";
import { scoreSection } from "./score-section.ts";
import type { SimulationPlan } from "./simulation-input.ts";
import { wordingCounts } from "./wording-stats.ts";

function pad(text: string | number, width: number): string {
  const value = String(text);
  return value.length >= width ? value.slice(0, width) : value + " ".repeat(width - value.length);
}

function padStart(text: string | number, width: number): string {
  return String(text).padStart(width);
}

function listCounts(counts: readonly [string, number][]): string[] {
  if (counts.length === 0) return ["  (none)"];
  return counts.map(([reason, count]) => `  ${pad(reason, 22)}${padStart(count, 6)}`);
}

export function simulationReport(
  plan: SimulationPlan,
  profile: ContactProfile,
  lines: readonly SimulationLine[],
  result: SimulationResult,
): string {
  const caps = capsOf(profile);
  const messages = messagesOf(lines);
  const loanNudges = lines.filter((l) => l.decision === "sent").length;
  const weeks = weeklyCounts(messages, plan.start, plan.days);
  const worst = worstRolling7(messages);
  const worstDay = worstLocalDay(messages);
  const quiet = quietHourMessages(messages, profile);
  const afterOptOut = messagesAfterOptOut(messages, result.optOuts);
  const loans = plan.borrowers.reduce((n, b) => n + b.loans.length, 0);
  const weekCount = Math.ceil(plan.days / 7);
  const out: string[] = [];

  out.push(
    `Simulated ${plan.days} days from ${plan.start} in ${plan.tickMinutes}-minute ticks: ` +
      `${plan.borrowers.length} borrowers, ${loans} loans, profile "${profile.name}" ` +
      `(window ${profile.window.opens}-${profile.window.closes} local, at most ${caps.perDay}/day, ` +
      `${caps.per7Days} per 7 days, hard ceiling ${caps.hardCeiling}).`,
  );
  out.push(
    `Contacts: ${messages.length} messages (${loanNudges} loan nudges) to ${weeks.size} of ` +
      `${plan.borrowers.length} borrowers; ${quiet.length} in quiet hours; ` +
      `${afterOptOut.length} after an opt-out (${result.optOuts.length} opt-outs).`,
  );
  const perChannel = new Map<string, number>();
  for (const m of messages)
    perChannel.set(m.channel ?? "none", (perChannel.get(m.channel ?? "none") ?? 0) + 1);
  out.push(
    `Contacts per channel: ${[...perChannel].map(([c, n]) => `${c} ${n}`).join(", ") || "none"}.`,
  );
  out.push("");
  out.push("Contacts per borrower per week:");
  const header = Array.from({ length: weekCount }, (_, i) => padStart(`w${i + 1}`, 4)).join("");
  out.push(`  ${pad("borrower", 26)}${header}  total`);
  for (const borrower of plan.borrowers) {
    const row = weeks.get(borrower.id) ?? new Array<number>(weekCount).fill(0);
    const cells = row.map((n) => padStart(n === 0 ? "." : n, 4)).join("");
    const total = row.reduce((a, b) => a + b, 0);
    out.push(`  ${pad(`${borrower.id} ${borrower.name}`, 26)}${cells}${padStart(total, 7)}`);
  }
  out.push("");
  out.push("Suppressed (planner and send-time re-check), by reason:");
  out.push(...listCounts(reasonCounts(lines, "suppressed")));
  out.push("Deferred, by reason:");
  out.push(...listCounts(reasonCounts(lines, "deferred")));
  const failed = reasonCounts(lines, "failed");
  if (failed.length > 0) {
    out.push("Failed, by reason:");
    out.push(...listCounts(failed));
  }
  out.push("");
  const verdict = (count: number, cap: number) => (count <= cap ? "within" : "OVER");
  if (worst) {
    out.push(
      `Worst-case week: ${worst.count} contacts in a rolling 7 days (${worst.borrowerId}, ` +
        `${worst.from} .. ${worst.to}) against a cap of ${caps.per7Days} ` +
        `(${verdict(worst.count, caps.per7Days)}) and the hard ceiling of ${caps.hardCeiling} ` +
        `(${verdict(worst.count, caps.hardCeiling)}).`,
    );
  } else {
    out.push("Worst-case week: no contacts at all.");
  }
  if (worstDay) {
    out.push(
      `Worst local day: ${worstDay.count} (${worstDay.borrowerId}, ${worstDay.date}) against a cap of ` +
        `${caps.perDay} (${verdict(worstDay.count, caps.perDay)}).`,
    );
  }
  if (plan.llm) {
    const wording = wordingCounts(lines);
    out.push("");
    out.push(
      `Model wording ("${plan.llm.script}" script): ${wording.offered} rewrites offered, ` +
        `${wording.accepted} accepted, ${wording.rejected} rejected (the template went out instead).`,
    );
    out.push("Rejected, by reason:");
    out.push(...listCounts(wording.byReason));
  }
  if (result.scores) out.push(...scoreSection(result.scores));
  return `${out.join("\n")}\n`;
}
