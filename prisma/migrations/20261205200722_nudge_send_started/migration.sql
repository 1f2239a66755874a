-- AlterTable
ALTER TABLE "nudge_outbox" ADD COLUMN     "send_started_at" TIMESTAMPTZ(3);
