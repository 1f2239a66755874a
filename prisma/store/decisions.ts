// DecisionLog on Prisma: a batch of decisions in one INSERT ... unnest, read per borrower, pruned in batches.

import type {
  Channel,
  DecisionLog,
  DecisionOutcome,
  NudgeDecision,
} from "../../core/ports/index.ts";
import { pageLimit, storedDecision } from "../../core/store/index.ts";
import type { NudgeDecision as DecisionRow, PrismaClient } from "../../generated/prisma/client.ts";
import { arrayLiteral, type BulkValue, chunks } from "./bulk-insert.ts";
import { dbInstant } from "./instants.ts";

/** Columns in insert order, with the SQL each one's text becomes (u.cN is the column's text). */
const COLUMNS: readonly (readonly [name: string, sql: (value: string) => string])[] = [
  ["at", (v) => `${v}::timestamptz`],
  ["local", (v) => v],
  ["borrower_id", (v) => v],
  ["loan_id", (v) => v],
  ["channel", (v) => `${v}::"channel"`],
  ["kind", (v) => v],
  ["decision", (v) => v],
  // Reason codes travel as a JSON array: unnest would flatten a text[] of text[].
  ["reasons", (v) => `ARRAY(SELECT jsonb_array_elements_text(${v}::jsonb))`],
  ["stage", (v) => v],
  ["until", (v) => `${v}::timestamptz`],
  ["text", (v) => v],
  ["wording", (v) => v],
  ["rejected_because", (v) => v],
  ["nudge_id", (v) => v],
  ["escalate_to_agent", (v) => `${v}::boolean`],
  ["tone", (v) => v],
  ["segment", (v) => v],
  ["profile", (v) => v],
  ["score", (v) => `${v}::integer`],
  ["score_grade", (v) => v],
];

const INSERT_SQL =
  `INSERT INTO "nudge_decisions" (${COLUMNS.map(([name]) => `"${name}"`).join(", ")}) ` +
  `SELECT ${COLUMNS.map(([, sql], i) => sql(`u.c${i}`)).join(", ")} ` +
  `FROM unnest(${COLUMNS.map((_c, i) => `$${i + 1}::text[]`).join(", ")}) WITH ORDINALITY ` +
  `AS u(${COLUMNS.map((_c, i) => `c${i}`).join(", ")}, n) ORDER BY u.n`;

function values(decision: NudgeDecision): BulkValue[] {
  const text = (value: string | undefined | null) => value ?? null;
  return [
    decision.at,
    decision.local,
    decision.borrowerId,
    decision.loanId,
    text(decision.channel),
    text(decision.kind),
    decision.decision,
    JSON.stringify(decision.reasons),
    decision.stage,
    text(decision.until),
    text(decision.text),
    text(decision.wording),
    text(decision.rejectedBecause),
    text(decision.nudgeId),
    decision.escalateToAgent === undefined ? null : String(decision.escalateToAgent),
    text(decision.tone),
    text(decision.segment),
    text(decision.profile),
    decision.score === undefined ? null : String(decision.score),
    text(decision.scoreGrade),
  ];
}

function decisionFromRow(row: DecisionRow): NudgeDecision {
  const optional = <K extends string, V>(key: K, value: V | null) =>
    (value === null ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    at: row.at.toISOString(),
    local: row.local,
    borrowerId: row.borrowerId,
    loanId: row.loanId,
    channel: (row.channel as Channel | null) ?? null,
    kind: row.kind,
    decision: row.decision as DecisionOutcome,
    reasons: row.reasons,
    stage: row.stage as NudgeDecision["stage"],
    ...optional("until", row.until?.toISOString() ?? null),
    ...optional("text", row.text),
    ...optional("wording", row.wording as NudgeDecision["wording"] | null),
    ...optional("rejectedBecause", row.rejectedBecause),
    ...optional("nudgeId", row.nudgeId),
    ...optional("escalateToAgent", row.escalateToAgent),
    ...optional("tone", row.tone),
    ...optional("segment", row.segment),
    ...optional("profile", row.profile),
    ...optional("score", row.score),
    ...optional("scoreGrade", row.scoreGrade),
  };
}

export function prismaDecisions(prisma: PrismaClient): DecisionLog {
  return {
    async appendMany(decisions) {
      if (decisions.length === 0) return;
      // Validated and normalised first: a bad instant anywhere stores none of them.
      const rows = decisions.map((decision) => values(storedDecision(decision)));
      for (const run of chunks(rows)) {
        const params = COLUMNS.map((_c, i) => arrayLiteral(run.map((row) => row[i] ?? null)));
        await prisma.$executeRawUnsafe(INSERT_SQL, ...params);
      }
    },

    async forBorrower(borrowerId, since, limit) {
      const take = pageLimit(limit);
      const from = dbInstant(since, "since");
      if (take === 0) return [];
      const rows = await prisma.nudgeDecision.findMany({
        where: { borrowerId, at: { gte: from } },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take,
      });
      return rows.reverse().map(decisionFromRow);
    },

    async pruneBefore(before, limit) {
      const take = pageLimit(limit);
      const cutoff = dbInstant(before, "before").toISOString();
      if (take === 0) return 0;
      return prisma.$executeRaw`
        DELETE FROM nudge_decisions WHERE id IN (
          SELECT id FROM nudge_decisions WHERE at < ${cutoff}::timestamptz
          ORDER BY at, id LIMIT ${take}
        )`;
    },
  };
}
