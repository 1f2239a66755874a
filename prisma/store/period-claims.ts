// PeriodClaims on Prisma: the key is the primary key, so of concurrent claims one row goes in.
import type { PeriodClaims } from "../../core/ports/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";

export function prismaPeriodClaims(prisma: PrismaClient): PeriodClaims {
  return {
    async claim(key, by, at) {
      // INSERT ... ON CONFLICT DO NOTHING: no error (a transaction around it stays usable).
      const { count } = await prisma.periodClaim.createMany({
        data: [{ key, claimedBy: by, claimedAt: dbInstant(at, "at") }],
        skipDuplicates: true,
      });
      return count === 1;
    },
    async pruneBefore(before) {
      const { count } = await prisma.periodClaim.deleteMany({
        where: { claimedAt: { lt: dbInstant(before, "before") } },
      });
      return count;
    },
  };
}
