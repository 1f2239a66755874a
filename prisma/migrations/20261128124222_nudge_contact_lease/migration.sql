-- AlterTable
ALTER TABLE "nudge_outbox" ADD COLUMN     "claimed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "nudge_borrower_lease" (
    "borrower_id" TEXT NOT NULL,
    "held_by" TEXT NOT NULL,
    "held_until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "nudge_borrower_lease_pkey" PRIMARY KEY ("borrower_id")
);

-- AddForeignKey
ALTER TABLE "nudge_borrower_lease" ADD CONSTRAINT "nudge_borrower_lease_borrower_id_fkey" FOREIGN KEY ("borrower_id") REFERENCES "borrowers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
