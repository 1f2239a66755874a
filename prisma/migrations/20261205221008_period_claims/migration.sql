-- CreateTable
CREATE TABLE "period_claims" (
    "key" TEXT NOT NULL,
    "claimed_by" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "period_claims_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "period_claims_claimed_at_idx" ON "period_claims"("claimed_at");
