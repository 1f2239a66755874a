-- CreateTable
CREATE TABLE "loan_positions" (
    "loan_id" TEXT NOT NULL,
    "as_of" DATE NOT NULL,
    "days_past_due" INTEGER NOT NULL,
    "bucket" TEXT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "outstanding_minor" BIGINT NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loan_positions_pkey" PRIMARY KEY ("loan_id","as_of")
);

-- CreateIndex
CREATE INDEX "loan_positions_as_of_bucket_idx" ON "loan_positions"("as_of", "bucket");

-- AddForeignKey
ALTER TABLE "loan_positions" ADD CONSTRAINT "loan_positions_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE CASCADE ON UPDATE CASCADE;
