-- AlterTable
ALTER TABLE "nudge_decisions" ADD COLUMN     "score" INTEGER,
ADD COLUMN     "score_grade" TEXT;
