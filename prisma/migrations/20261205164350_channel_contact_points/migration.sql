-- CreateEnum
CREATE TYPE "consent_event_kind" AS ENUM ('opt_in', 'opt_out', 'address_changed');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "channel" ADD VALUE 'sms';
ALTER TYPE "channel" ADD VALUE 'email';

-- AlterTable
ALTER TABLE "nudge_outbox" ADD COLUMN     "delivery_at" TIMESTAMPTZ(3),
ADD COLUMN     "delivery_error" TEXT,
ADD COLUMN     "delivery_status" TEXT;

-- CreateTable
CREATE TABLE "contact_points" (
    "borrower_id" TEXT NOT NULL,
    "email" TEXT,
    "preferred_channel" "channel",
    "fallback_order" "channel"[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contact_points_pkey" PRIMARY KEY ("borrower_id")
);

-- CreateTable
CREATE TABLE "consent_events" (
    "id" TEXT NOT NULL,
    "borrower_id" TEXT NOT NULL,
    "channel" "channel" NOT NULL,
    "kind" "consent_event_kind" NOT NULL,
    "source" TEXT NOT NULL,
    "address" TEXT,
    "text_version" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "consent_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "contact_points_email_idx" ON "contact_points"("email");

-- CreateIndex
CREATE INDEX "consent_events_borrower_id_at_idx" ON "consent_events"("borrower_id", "at");

-- CreateIndex
CREATE INDEX "borrowers_phone_idx" ON "borrowers"("phone");

-- CreateIndex
CREATE INDEX "nudge_outbox_provider_message_id_idx" ON "nudge_outbox"("provider_message_id");

-- AddForeignKey
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_borrower_id_fkey" FOREIGN KEY ("borrower_id") REFERENCES "borrowers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_borrower_id_fkey" FOREIGN KEY ("borrower_id") REFERENCES "borrowers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: consent events are proof of what a borrower agreed to and when. Rows are
-- added, never changed; they go only with their borrower (ON DELETE CASCADE) or a retention job.
CREATE FUNCTION "consent_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "consent_events_append_only"
  BEFORE UPDATE ON "consent_events"
  FOR EACH ROW EXECUTE FUNCTION "consent_events_append_only"();
