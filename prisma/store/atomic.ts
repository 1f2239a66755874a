// Store.atomic on Prisma: one interactive transaction; the store's own transactions nest as savepoints.
import type { Store } from "../../core/ports/index.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

/**
 * A 100,000-row import runs for minutes inside one transaction (measured in README), so the
 * limit is generous; `maxWait` bounds the wait for PGlite's single connection.
 */
export const ATOMIC_TRANSACTION = { timeout: 60 * 60_000, maxWait: 60_000 } as const;

/** `Store.atomic` over `prisma`: `build` makes the store the work sees, on the transaction. */
export function prismaAtomic(
  prisma: PrismaClient,
  build: (prisma: PrismaClient) => Store,
): Store["atomic"] {
  return (work) => prisma.$transaction((tx) => work(build(nestable(tx))), ATOMIC_TRANSACTION);
}

/**
 * `tx` as a client whose `$transaction(fn)` runs `fn` inside a savepoint of the open
 * transaction: a store method's own all-or-nothing step (a bulk chunk that may fall back row
 * by row) is undone on its own, and the outer transaction goes on.
 */
function nestable(tx: Prisma.TransactionClient): PrismaClient {
  let savepoints = 0;
  const client: PrismaClient = new Proxy(tx, {
    get(target, property, receiver) {
      if (property !== "$transaction") return Reflect.get(target, property, receiver);
      return async (work: unknown) => {
        if (typeof work !== "function") {
          throw new TypeError("inside Store.atomic, $transaction takes a function");
        }
        savepoints += 1;
        const name = `repay_nested_${savepoints}`;
        await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
        try {
          const result = await (work as (tx: PrismaClient) => Promise<unknown>)(client);
          await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (error) {
          await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
          throw error;
        }
      };
    },
  }) as unknown as PrismaClient;
  return client;
}
