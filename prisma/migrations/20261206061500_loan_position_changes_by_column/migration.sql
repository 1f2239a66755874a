-- A loan's position may have moved when anything but the planner's next look (next_nudge_at,
-- updated_at) changed. The columns are now compared by name instead of as to_jsonb of both
-- versions of every updated row: the planner moves 500 next looks a page, and building and
-- comparing two JSON objects a row cost it about 40% of that UPDATE. A column added to loans
-- must be added to both lists (test/store/prisma-position-changes.ts fails until it is).
CREATE OR REPLACE FUNCTION "position_changes_of_loans"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "position_changes" ("loan_id", "xid")
  SELECT n."id", pg_current_xact_id()::text::bigint FROM "after_rows" n JOIN "before_rows" b ON b."id" = n."id"
   WHERE (b."external_ref", b."borrower_id", b."currency", b."principal_minor", b."annual_rate",
          b."term_count", b."frequency", b."method", b."interest_method", b."day_count",
          b."disbursed_on", b."first_due_date", b."grace_on_principal", b."late_fee_flat_minor",
          b."late_fee_percent", b."late_fee_grace_days", b."late_fee_cap_minor", b."rate_cap",
          b."status", b."created_at")
         IS DISTINCT FROM
         (n."external_ref", n."borrower_id", n."currency", n."principal_minor", n."annual_rate",
          n."term_count", n."frequency", n."method", n."interest_method", n."day_count",
          n."disbursed_on", n."first_due_date", n."grace_on_principal", n."late_fee_flat_minor",
          n."late_fee_percent", n."late_fee_grace_days", n."late_fee_cap_minor", n."rate_cap",
          n."status", n."created_at")
  ON CONFLICT ("loan_id") DO UPDATE SET "xid" = excluded."xid", "changed_at" = now();
  RETURN NULL;
END $$;
