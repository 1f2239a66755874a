// The points table as Markdown, for docs/score.md (a test keeps the document equal to the table).
import { SCORE_TABLE } from "./score-table.ts";

/**
 * One Markdown table: factor, band, points, and the reason in English and Chinese.
 * @example scoreTableMarkdown().split("\n")[0] // "| Factor | Band | Points | Reason (en) | Reason (zh-CN) |"
 */
export function scoreTableMarkdown(): string {
  const rows = [
    "| Factor | Band | Points | Reason (en) | Reason (zh-CN) |",
    "|---|---|---|---|---|",
  ];
  for (const factor of SCORE_TABLE) {
    rows.push(
      `| ${factor.code} (max ${factor.maxPoints}) | nothing to measure yet | ${factor.unmeasured} | ${factor.unmeasuredReason.en} | ${factor.unmeasuredReason["zh-CN"]} |`,
    );
    for (const band of factor.bands) {
      rows.push(
        `| ${factor.code} | ${band.band} (from ${band.from}) | ${band.points} | ${factor.reason.en} | ${factor.reason["zh-CN"]} |`,
      );
    }
  }
  return rows.join("\n");
}
