// Public API of learn: a short course on the borrower's own loan, reachable by /learn and by questions.
export {
  type Course,
  isLessonId,
  LESSON_IDS,
  LESSON_VARIABLES,
  type Lesson,
  type LessonId,
} from "./course.ts";
export {
  INVITE_EVERY_DAYS,
  LESSON_INVITED,
  learnInviteDue,
  recordLearnInvite,
} from "./learn-invite.ts";
export { LEARN_ACTION, type LearnRequest, learnRequest } from "./learn-request.ts";
export { type LessonFigures, lessonFigures } from "./lesson-figures.ts";
