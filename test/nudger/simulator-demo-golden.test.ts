// The demo simulation is the product's contract with a lender previewing its policy: the same
// book, start and profile must give the same report, decision lines and chart, byte for byte.
// Refactors must keep these files identical; a deliberate behaviour change regenerates them with
// `repay simulate --demo --start 2026-03-01T00:00:00Z --days 90 --profile P --report`.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { demoSimulation } from "../../bots/nudger/simulate/demo-input.ts";
import { runSimulation, type SimulationLine } from "../../bots/nudger/simulate/run-simulation.ts";
import { simulationChart } from "../../bots/nudger/simulate/simulation-chart.ts";
import { simulationReport } from "../../bots/nudger/simulate/simulation-report.ts";
import { contactProfile } from "../../core/policy/index.ts";

const START = "2026-03-01T00:00:00.000Z";
const fixture = (name: string) =>
  readFile(new URL(`../fixtures/simulator/${name}`, import.meta.url), "utf8");

async function simulateDemo(profileName: string) {
  const plan = demoSimulation({ start: START, days: 90, profile: profileName });
  const lines: SimulationLine[] = [];
  const result = await runSimulation(plan, (line) => lines.push(line));
  return { plan, profile: contactProfile(plan.profile), lines, result };
}

describe("the demo simulation over 90 days from 2026-03-01", () => {
  it("reports the default profile exactly as before", async () => {
    const run = await simulateDemo("default");
    expect(simulationReport(run.plan, run.profile, run.lines, run.result)).toBe(
      await fixture("demo-default-2026-03-01-90d.report.txt"),
    );
    expect(simulationChart(run.plan, run.profile, run.lines)).toBe(
      await fixture("demo-default-2026-03-01-90d.svg"),
    );
  });

  it("reports the cn profile exactly as before", async () => {
    const run = await simulateDemo("cn");
    expect(simulationReport(run.plan, run.profile, run.lines, run.result)).toBe(
      await fixture("demo-cn-2026-03-01-90d.report.txt"),
    );
  });

  it("prints the us-reg-f decision lines exactly as before", async () => {
    const run = await simulateDemo("us-reg-f");
    const printed = run.lines.map((line) => `${JSON.stringify(line)}\n`).join("");
    expect(printed).toBe(await fixture("demo-us-reg-f-2026-03-01-90d.jsonl"));
  });
});
