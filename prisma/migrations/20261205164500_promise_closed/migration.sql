-- AlterEnum
ALTER TYPE "promise_status" ADD VALUE 'closed';
