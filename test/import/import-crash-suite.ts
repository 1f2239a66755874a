// A killed import leaves nothing: SIGKILL mid-way through 20,000 rows, then a re-run imports each row once.
// One suite, run by a test file per database so that the two can run side by side.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "../../prisma/database.ts";
import { createThrowawayDatabase } from "../helpers/postgres.ts";
import { type ImportTarget, runImport } from "./kill-import.ts";

/** The size; REPAY_CRASH_TEST_ROWS lowers it on a slow machine. */
const ROWS = Number(process.env.REPAY_CRASH_TEST_ROWS ?? 20_000);
/** Loans the payments are spread over. */
const PAYMENT_LOANS = 100;
const TERMS = 3;
const SLOW = 30 * 60_000;

const LOAN_HEADER =
  "borrower_ref,borrower_name,time_zone,loan_ref,principal,currency,annual_rate,term_count,frequency,disbursed_on";

function loanBook(count: number): string {
  const lines = [LOAN_HEADER];
  for (let i = 0; i < count; i += 1) {
    const b = Math.floor(i / 2);
    lines.push(`B-${b},Borrower ${b},UTC,L-${i},900.00,USD,0.12,${TERMS},monthly,2026-01-01`);
  }
  return `${lines.join("\n")}\n`;
}

function paymentFile(count: number): string {
  const lines = ["loan_ref,date,amount,ref"];
  for (let i = 0; i < count; i += 1) {
    lines.push(
      `L-${i % PAYMENT_LOANS},2026-02-${String(1 + (i % 28)).padStart(2, "0")},0.01,P-${i}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

async function counts(target: ImportTarget) {
  const db = await openDatabase("url" in target ? { url: target.url } : target);
  try {
    const { prisma } = db;
    return {
      borrowers: await prisma.borrower.count(),
      loans: await prisma.loan.count(),
      installments: await prisma.installment.count(),
      transactions: await prisma.transaction.count(),
      imports: await prisma.auditLog.count({ where: { action: { endsWith: ".imported" } } }),
    };
  } finally {
    await db.close();
  }
}

/** Folders and databases to remove once the file's tests are done. */
const cleanup: Array<() => Promise<void>> = [];

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "repay-crash-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The two crash tests (loans, then payments), each on a database of its own from `open`.
 *
 * @example describe("a killed import on PGlite", () => crashSuite(pgliteFolder));
 */
export function crashSuite(open: () => Promise<ImportTarget>): void {
  afterAll(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it(
    `Should leave no loan when killed mid-import of ${ROWS} rows, then import each row once`,
    async () => {
      const target = await open();
      const file = join(await folder(), "book.csv");
      await writeFile(file, loanBook(ROWS));

      const killed = await runImport("loans", file, target, Math.min(1_000, ROWS / 4));
      expect(killed.signal, killed.stderr).toBe("SIGKILL");
      expect(killed.writtenWhenKilled).toBeGreaterThan(0);
      expect(await counts(target)).toMatchObject({
        borrowers: 0,
        loans: 0,
        installments: 0,
        imports: 0,
      });

      const rerun = await runImport("loans", file, target);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stdout).toContain(`Imported: ${ROWS} rows: ${ROWS} created`);
      expect(await counts(target)).toMatchObject({
        borrowers: ROWS / 2,
        loans: ROWS,
        installments: ROWS * TERMS,
        imports: 1,
      });
    },
    SLOW,
  );

  it(
    `Should record no payment when killed mid-import of ${ROWS} payments, then each once`,
    async () => {
      const target = await open();
      const dir = await folder();
      const book = join(dir, "book.csv");
      const payments = join(dir, "payments.csv");
      await writeFile(book, loanBook(PAYMENT_LOANS));
      await writeFile(payments, paymentFile(ROWS));
      const loans = await runImport("loans", book, target);
      expect(loans.code, loans.stderr).toBe(0);

      const killed = await runImport("payments", payments, target, Math.min(1_000, ROWS / 4));
      expect(killed.signal, killed.stderr).toBe("SIGKILL");
      expect(killed.writtenWhenKilled).toBeGreaterThan(0);
      expect(await counts(target)).toMatchObject({ transactions: 0, imports: 1 });

      const rerun = await runImport("payments", payments, target);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stdout).toContain(
        `Imported: ${ROWS} rows: ${ROWS} recorded, 0 already recorded`,
      );
      expect(await counts(target)).toMatchObject({ transactions: ROWS, imports: 2 });
    },
    SLOW,
  );
}

/** A fresh PGlite folder, removed after the file's tests. */
export async function pgliteFolder(): Promise<ImportTarget> {
  return { dataDir: join(await folder(), "data") };
}

/** A throwaway database on TEST_POSTGRES_URL, dropped after the file's tests. */
export async function postgresDatabase(): Promise<ImportTarget> {
  const db = await createThrowawayDatabase();
  cleanup.push(() => db.drop());
  return { url: db.url };
}
