// Answers /learn: the next lesson (or the one asked for) on the borrower's own figures, progress kept.

import { renderTemplate } from "../../format/render-template.ts";
import { type Course, LESSON_IDS, type LessonId } from "../../learn/course.ts";
import { LEARN_ACTION, type LearnRequest } from "../../learn/learn-request.ts";
import { lessonFigures } from "../../learn/lesson-figures.ts";
import type { AuditLog } from "../../ports/audit.ts";
import { mostDelinquent } from "../loan-view.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

/** The audit action that records a lesson taken: progress needs no table of its own. */
export const LESSON_TAKEN = "lesson.taken";
const PROGRESS_DEPTH = 200;

/**
 * The lessons a borrower has taken, in the order first taken, read from the audit log.
 * @example await lessonsTaken(store.audit, borrower.id) // ["balance", "interest"]
 */
export async function lessonsTaken(audit: AuditLog, borrowerId: string): Promise<LessonId[]> {
  const entries = await audit.forSubject(`borrower:${borrowerId}`, PROGRESS_DEPTH);
  // forSubject lists newest first: oldest first, then a stable sort by time.
  const taken = [...entries]
    .reverse()
    .filter((entry) => entry.action === LESSON_TAKEN)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((entry) => entry.payload.lesson as LessonId);
  return [...new Set(taken)].filter((id) => LESSON_IDS.includes(id));
}

/**
 * The lesson asked for, else the first the borrower has not taken (after all: the first again),
 * filled with their own figures; a button leads to the next lesson.
 * @example await learnReply(ctx, course, {})
 */
export async function learnReply(
  ctx: TurnContext,
  course: Course,
  request: LearnRequest,
): Promise<Reply> {
  const view = mostDelinquent(await ctx.activeLoans());
  if (!view) return reply([course.noLoan], []);
  const taken = await lessonsTaken(ctx.store.audit, ctx.borrower.id);
  const lesson =
    request.lesson ?? LESSON_IDS.find((id) => !taken.includes(id)) ?? (LESSON_IDS[0] as LessonId);
  const figures = lessonFigures(view, course, ctx.language, ctx.today, ctx.lenderName);
  const index = LESSON_IDS.indexOf(lesson);
  const { title, body } = course.lessons[lesson];
  await ctx.store.audit.append({
    actor: "assistant",
    action: LESSON_TAKEN,
    subject: `borrower:${ctx.borrower.id}`,
    payload: { lesson },
    at: ctx.at,
  });
  const next = LESSON_IDS[index + 1];
  const heading = renderTemplate(course.heading, {
    number: String(index + 1),
    count: String(LESSON_IDS.length),
    title,
  });
  return reply(
    [heading, renderTemplate(body, figures), next === undefined ? course.done : ""],
    next === undefined
      ? []
      : [
          {
            action: `${LEARN_ACTION}${next}`,
            label: renderTemplate(course.labelNext, { title: course.lessons[next].title }),
          },
        ],
  );
}
