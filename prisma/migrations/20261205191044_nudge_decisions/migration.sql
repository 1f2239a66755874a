-- CreateTable
CREATE TABLE "nudge_decisions" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "local" TEXT NOT NULL,
    "borrower_id" TEXT NOT NULL,
    "loan_id" TEXT NOT NULL,
    "channel" "channel",
    "kind" TEXT,
    "decision" TEXT NOT NULL,
    "reasons" TEXT[],
    "stage" TEXT NOT NULL,
    "until" TIMESTAMPTZ(3),
    "text" TEXT,
    "wording" TEXT,
    "rejected_because" TEXT,
    "nudge_id" TEXT,
    "escalate_to_agent" BOOLEAN,
    "tone" TEXT,
    "segment" TEXT,
    "profile" TEXT,

    CONSTRAINT "nudge_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "nudge_decisions_borrower_id_at_idx" ON "nudge_decisions"("borrower_id", "at");

-- CreateIndex
CREATE INDEX "nudge_decisions_at_idx" ON "nudge_decisions"("at");
