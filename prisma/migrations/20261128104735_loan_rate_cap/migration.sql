-- AlterTable
ALTER TABLE "loans" ADD COLUMN     "rate_cap" TEXT;
