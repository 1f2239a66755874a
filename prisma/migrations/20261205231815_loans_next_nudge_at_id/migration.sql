-- DropIndex
DROP INDEX "loans_next_nudge_at_idx";

-- CreateIndex
CREATE INDEX "loans_next_nudge_at_id_idx" ON "loans"("next_nudge_at", "id");
