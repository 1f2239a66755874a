-- CreateEnum
CREATE TYPE "channel" AS ENUM ('telegram', 'console');

-- CreateEnum
CREATE TYPE "loan_status" AS ENUM ('active', 'paid_off', 'written_off');

-- CreateEnum
CREATE TYPE "transaction_type" AS ENUM ('payment', 'fee', 'waiver', 'reschedule');

-- CreateEnum
CREATE TYPE "plan_status" AS ENUM ('proposed', 'accepted', 'broken', 'completed');

-- CreateEnum
CREATE TYPE "promise_status" AS ENUM ('open', 'kept', 'broken');

-- CreateEnum
CREATE TYPE "message_direction" AS ENUM ('inbound', 'outbound');

-- CreateEnum
CREATE TYPE "nudge_status" AS ENUM ('planned', 'claimed', 'sent', 'failed', 'suppressed');

-- CreateEnum
CREATE TYPE "handoff_status" AS ENUM ('open', 'claimed', 'released');

-- CreateTable
CREATE TABLE "borrowers" (
    "id" TEXT NOT NULL,
    "external_ref" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "contact_preferences" JSONB NOT NULL DEFAULT '{}',
    "deceased" BOOLEAN NOT NULL DEFAULT false,
    "bankruptcy" BOOLEAN NOT NULL DEFAULT false,
    "hardship" BOOLEAN NOT NULL DEFAULT false,
    "next_nudge_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "borrowers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_identities" (
    "id" TEXT NOT NULL,
    "channel" "channel" NOT NULL,
    "external_id" TEXT NOT NULL,
    "borrower_id" TEXT NOT NULL,
    "verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "link_codes" (
    "id" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "borrower_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "link_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loans" (
    "id" TEXT NOT NULL,
    "external_ref" TEXT NOT NULL,
    "borrower_id" TEXT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "principal_minor" BIGINT NOT NULL,
    "annual_rate" TEXT NOT NULL,
    "term_count" INTEGER NOT NULL,
    "frequency" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "interest_method" TEXT NOT NULL,
    "day_count" TEXT NOT NULL,
    "disbursed_on" DATE NOT NULL,
    "first_due_date" DATE,
    "grace_on_principal" INTEGER NOT NULL DEFAULT 0,
    "late_fee_flat_minor" BIGINT,
    "late_fee_percent" TEXT,
    "late_fee_grace_days" INTEGER NOT NULL DEFAULT 0,
    "late_fee_cap_minor" BIGINT,
    "status" "loan_status" NOT NULL DEFAULT 'active',
    "next_nudge_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "loans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "installments" (
    "id" TEXT NOT NULL,
    "loan_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "n" INTEGER NOT NULL,
    "due_date" DATE NOT NULL,
    "principal_minor" BIGINT NOT NULL,
    "interest_minor" BIGINT NOT NULL,
    "fees_minor" BIGINT NOT NULL DEFAULT 0,
    "penalties_minor" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "installments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transactions" (
    "id" TEXT NOT NULL,
    "loan_id" TEXT NOT NULL,
    "type" "transaction_type" NOT NULL,
    "date" DATE NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "payload" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plans" (
    "id" TEXT NOT NULL,
    "loan_id" TEXT NOT NULL,
    "status" "plan_status" NOT NULL DEFAULT 'proposed',
    "kind" TEXT NOT NULL,
    "terms" JSONB NOT NULL,
    "proposed_by" TEXT NOT NULL,
    "proposed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "accepted_at" TIMESTAMPTZ(3),
    "broken_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promises_to_pay" (
    "id" TEXT NOT NULL,
    "loan_id" TEXT NOT NULL,
    "borrower_id" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "promised_for" DATE NOT NULL,
    "status" "promise_status" NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "promises_to_pay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pauses" (
    "id" TEXT NOT NULL,
    "borrower_id" TEXT NOT NULL,
    "loan_id" TEXT,
    "reason" TEXT NOT NULL,
    "until" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lifted_at" TIMESTAMPTZ(3),

    CONSTRAINT "pauses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opt_outs" (
    "id" TEXT NOT NULL,
    "borrower_id" TEXT NOT NULL,
    "channel" "channel" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opt_outs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_messages" (
    "id" TEXT NOT NULL,
    "borrower_id" TEXT NOT NULL,
    "channel" "channel" NOT NULL,
    "direction" "message_direction" NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "author" TEXT NOT NULL,

    CONSTRAINT "conversation_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nudge_outbox" (
    "id" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "borrower_id" TEXT NOT NULL,
    "loan_id" TEXT,
    "kind" TEXT NOT NULL,
    "channel" "channel" NOT NULL,
    "planned_for" TIMESTAMPTZ(3) NOT NULL,
    "status" "nudge_status" NOT NULL DEFAULT 'planned',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "reason_codes" TEXT[],
    "provider_message_id" TEXT,
    "claimed_by" TEXT,
    "claimed_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "nudge_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "handoffs" (
    "id" TEXT NOT NULL,
    "borrower_id" TEXT NOT NULL,
    "loan_id" TEXT,
    "status" "handoff_status" NOT NULL DEFAULT 'open',
    "reason" TEXT NOT NULL,
    "claimed_by" TEXT,
    "slack_channel" TEXT,
    "slack_thread_ts" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_at" TIMESTAMPTZ(3),
    "released_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "handoffs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "borrowers_external_ref_key" ON "borrowers"("external_ref");

-- CreateIndex
CREATE INDEX "borrowers_next_nudge_at_idx" ON "borrowers"("next_nudge_at");

-- CreateIndex
CREATE INDEX "channel_identities_borrower_id_idx" ON "channel_identities"("borrower_id");

-- CreateIndex
CREATE UNIQUE INDEX "channel_identities_channel_external_id_key" ON "channel_identities"("channel", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "link_codes_code_hash_key" ON "link_codes"("code_hash");

-- CreateIndex
CREATE INDEX "link_codes_borrower_id_idx" ON "link_codes"("borrower_id");

-- CreateIndex
CREATE UNIQUE INDEX "loans_external_ref_key" ON "loans"("external_ref");

-- CreateIndex
CREATE INDEX "loans_borrower_id_idx" ON "loans"("borrower_id");

-- CreateIndex
CREATE INDEX "loans_next_nudge_at_idx" ON "loans"("next_nudge_at");

-- CreateIndex
CREATE INDEX "loans_status_idx" ON "loans"("status");

-- CreateIndex
CREATE UNIQUE INDEX "installments_loan_id_version_n_key" ON "installments"("loan_id", "version", "n");

-- CreateIndex
CREATE UNIQUE INDEX "transactions_idempotency_key_key" ON "transactions"("idempotency_key");

-- CreateIndex
CREATE INDEX "transactions_loan_id_date_idx" ON "transactions"("loan_id", "date");

-- CreateIndex
CREATE INDEX "plans_loan_id_status_idx" ON "plans"("loan_id", "status");

-- CreateIndex
CREATE INDEX "promises_to_pay_loan_id_status_idx" ON "promises_to_pay"("loan_id", "status");

-- CreateIndex
CREATE INDEX "promises_to_pay_borrower_id_status_idx" ON "promises_to_pay"("borrower_id", "status");

-- CreateIndex
CREATE INDEX "pauses_borrower_id_until_idx" ON "pauses"("borrower_id", "until");

-- CreateIndex
CREATE INDEX "pauses_loan_id_idx" ON "pauses"("loan_id");

-- CreateIndex
CREATE UNIQUE INDEX "opt_outs_borrower_id_channel_key" ON "opt_outs"("borrower_id", "channel");

-- CreateIndex
CREATE INDEX "conversation_messages_borrower_id_at_idx" ON "conversation_messages"("borrower_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "nudge_outbox_dedupe_key_key" ON "nudge_outbox"("dedupe_key");

-- CreateIndex
CREATE INDEX "nudge_outbox_status_planned_for_idx" ON "nudge_outbox"("status", "planned_for");

-- CreateIndex
CREATE INDEX "nudge_outbox_loan_id_sent_at_idx" ON "nudge_outbox"("loan_id", "sent_at");

-- CreateIndex
CREATE INDEX "nudge_outbox_borrower_id_sent_at_idx" ON "nudge_outbox"("borrower_id", "sent_at");

-- CreateIndex
CREATE INDEX "handoffs_status_created_at_idx" ON "handoffs"("status", "created_at");

-- CreateIndex
CREATE INDEX "handoffs_borrower_id_status_idx" ON "handoffs"("borrower_id", "status");

-- CreateIndex
CREATE INDEX "audit_log_subject_at_idx" ON "audit_log"("subject", "at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "channel_identities" ADD CONSTRAINT "channel_identities_borrower_id_fkey" FOREIGN KEY ("borrower_id") REFERENCES "borrowers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_borrower_id_fkey" FOREIGN KEY ("borrower_id") REFERENCES "borrowers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loans" ADD CONSTRAINT "loans_borrower_id_fkey" FOREIGN KEY ("borrower_id") REFERENCES "borrowers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "installments" ADD CONSTRAINT "installments_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plans" ADD CONSTRAINT "plans_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promises_to_pay" ADD CONSTRAINT "promises_to_pay_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promises_to_pay" ADD CONSTRAINT "promises_to_pay_borrower_id_fkey" FOREIGN KEY ("borrower_id") REFERENCES "borrowers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pauses" ADD CONSTRAINT "pauses_borrower_id_fkey" FOREIGN KEY ("borrower_id") REFERENCES "borrowers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pauses" ADD CONSTRAINT "pauses_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opt_outs" ADD CONSTRAINT "opt_outs_borrower_id_fkey" FOREIGN KEY ("borrower_id") REFERENCES "borrowers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_borrower_id_fkey" FOREIGN KEY ("borrower_id") REFERENCES "borrowers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nudge_outbox" ADD CONSTRAINT "nudge_outbox_borrower_id_fkey" FOREIGN KEY ("borrower_id") REFERENCES "borrowers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nudge_outbox" ADD CONSTRAINT "nudge_outbox_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_borrower_id_fkey" FOREIGN KEY ("borrower_id") REFERENCES "borrowers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the audit log is append-only. Rows can be added, never changed or removed
-- (TRUNCATE stays possible for retention jobs and tests). Prisma does not manage functions or
-- triggers, so later migrations leave these alone.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "audit_log_append_only"
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
