-- CreateTable
CREATE TABLE "portfolio_dates" (
    "as_of" DATE NOT NULL,
    "changes_from" BIGINT NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portfolio_dates_pkey" PRIMARY KEY ("as_of")
);

-- CreateTable
CREATE TABLE "portfolio_rolls" (
    "from_date" DATE NOT NULL,
    "to_date" DATE NOT NULL,
    "from_bucket" TEXT NOT NULL,
    "to_bucket" TEXT NOT NULL,
    "loans" INTEGER NOT NULL,

    CONSTRAINT "portfolio_rolls_pkey" PRIMARY KEY ("from_date","to_date","from_bucket","to_bucket")
);

-- CreateTable
CREATE TABLE "payment_days" (
    "date" DATE NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "payments" INTEGER NOT NULL,
    "amount_minor" BIGINT NOT NULL,

    CONSTRAINT "payment_days_pkey" PRIMARY KEY ("date","currency")
);

-- CreateTable
CREATE TABLE "position_changes" (
    "loan_id" TEXT NOT NULL,
    "xid" BIGINT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "position_changes_pkey" PRIMARY KEY ("loan_id")
);

-- CreateIndex
CREATE INDEX "position_changes_xid_idx" ON "position_changes"("xid");

-- Payments by value date, kept by statement triggers on transactions (one upsert per statement).
CREATE FUNCTION "payment_days_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "payment_days" ("date", "currency", "payments", "amount_minor")
  SELECT t."date", t."currency", count(*)::int, sum(t."amount_minor")
    FROM "added_rows" t WHERE t."type" = 'payment' GROUP BY t."date", t."currency"
  ON CONFLICT ("date", "currency") DO UPDATE
    SET "payments" = "payment_days"."payments" + excluded."payments",
        "amount_minor" = "payment_days"."amount_minor" + excluded."amount_minor";
  RETURN NULL;
END $$;

CREATE FUNCTION "payment_days_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "payment_days" d
     SET "payments" = d."payments" - r."payments", "amount_minor" = d."amount_minor" - r."amount"
    FROM (SELECT t."date", t."currency", count(*)::int AS "payments", sum(t."amount_minor") AS "amount"
            FROM "removed_rows" t WHERE t."type" = 'payment' GROUP BY t."date", t."currency") r
   WHERE d."date" = r."date" AND d."currency" = r."currency";
  DELETE FROM "payment_days" WHERE "payments" <= 0;
  RETURN NULL;
END $$;

CREATE TRIGGER "transactions_payment_days_insert" AFTER INSERT ON "transactions"
  REFERENCING NEW TABLE AS "added_rows" FOR EACH STATEMENT EXECUTE FUNCTION "payment_days_add"();
CREATE TRIGGER "transactions_payment_days_delete" AFTER DELETE ON "transactions"
  REFERENCING OLD TABLE AS "removed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "payment_days_remove"();
CREATE TRIGGER "transactions_payment_days_update_old" AFTER UPDATE ON "transactions"
  REFERENCING OLD TABLE AS "removed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "payment_days_remove"();
CREATE TRIGGER "transactions_payment_days_update_new" AFTER UPDATE ON "transactions"
  REFERENCING NEW TABLE AS "added_rows" FOR EACH STATEMENT EXECUTE FUNCTION "payment_days_add"();

INSERT INTO "payment_days" ("date", "currency", "payments", "amount_minor")
SELECT "date", "currency", count(*)::int, sum("amount_minor")
  FROM "transactions" WHERE "type" = 'payment' GROUP BY "date", "currency";

-- Loans whose position may have moved: a new loan, a change to anything but the planner's
-- next look (next_nudge_at, updated_at), a transaction; with the id of the database
-- transaction that made the change.
CREATE FUNCTION "position_changes_of_transactions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "position_changes" ("loan_id", "xid")
  SELECT DISTINCT t."loan_id", pg_current_xact_id()::text::bigint FROM "changed_rows" t
  ON CONFLICT ("loan_id") DO UPDATE SET "xid" = excluded."xid", "changed_at" = now();
  RETURN NULL;
END $$;

CREATE FUNCTION "position_changes_of_new_loans"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "position_changes" ("loan_id", "xid")
  SELECT l."id", pg_current_xact_id()::text::bigint FROM "changed_rows" l
  ON CONFLICT ("loan_id") DO UPDATE SET "xid" = excluded."xid", "changed_at" = now();
  RETURN NULL;
END $$;

CREATE FUNCTION "position_changes_of_loans"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "position_changes" ("loan_id", "xid")
  SELECT n."id", pg_current_xact_id()::text::bigint FROM "after_rows" n JOIN "before_rows" b ON b."id" = n."id"
   WHERE (to_jsonb(b) - 'next_nudge_at' - 'updated_at') IS DISTINCT FROM (to_jsonb(n) - 'next_nudge_at' - 'updated_at')
  ON CONFLICT ("loan_id") DO UPDATE SET "xid" = excluded."xid", "changed_at" = now();
  RETURN NULL;
END $$;

CREATE TRIGGER "transactions_position_changes" AFTER INSERT ON "transactions"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "position_changes_of_transactions"();
CREATE TRIGGER "loans_position_changes_insert" AFTER INSERT ON "loans"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "position_changes_of_new_loans"();
CREATE TRIGGER "loans_position_changes_update" AFTER UPDATE ON "loans"
  REFERENCING OLD TABLE AS "before_rows" NEW TABLE AS "after_rows" FOR EACH STATEMENT EXECUTE FUNCTION "position_changes_of_loans"();

-- Dates computed before this migration have no row in portfolio_dates: the next page or report
-- that reads one computes it whole.
