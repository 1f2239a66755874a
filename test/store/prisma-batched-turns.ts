// Many chats' turns at once on a database: their reads and their log writes share statements, each caller gets its own answer.
import { describe, expect, it } from "vitest";
import { countedStatements } from "../../bench/lib/statement-count.ts";
import type { ConversationMessage, Store } from "../../core/ports/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { createPrismaStore } from "../../prisma/store/create-prisma-store.ts";
import { givenBorrower, givenBorrowerWithHistory, uniqueRef } from "../helpers/builders.ts";
import { storeError, UNKNOWN_ID } from "./contract/fixtures.ts";
import type { StoreHarness } from "./contract/store-contract.ts";

const NOW = "2026-03-01T10:00:00.000Z";

/** A store over `prisma` that counts the statements it sends. */
function countingStore(prisma: PrismaClient): { store: Store; statements: () => number } {
  const counted = countedStatements(prisma);
  return { store: createPrismaStore(counted.prisma), statements: counted.count };
}

function said(borrowerId: string, text: string, at = NOW): ConversationMessage {
  return { borrowerId, channel: "telegram", direction: "inbound", text, at, author: "borrower" };
}

async function linked(store: Store, borrowerId: string): Promise<string> {
  const externalId = uniqueRef("tg");
  await store.identities.bind({ channel: "telegram", externalId, borrowerId, verifiedAt: NOW });
  return externalId;
}

/** Checks for a Prisma-backed harness, inside the contract's describe. */
export function prismaBatchedTurnChecks(
  current: () => StoreHarness & { readonly prisma: PrismaClient },
): void {
  describe("many chats at once", () => {
    it("Should read the messages of many chats in one statement, each as it is read alone", async () => {
      const { store, prisma } = current();
      const ana = await givenBorrowerWithHistory(store, { locale: "zh-CN" });
      const ben = await givenBorrower(store);
      const anaChat = await linked(store, ana.id);
      const benChat = await linked(store, ben.id);
      const asks = [anaChat, uniqueRef("tg"), benChat, anaChat];
      const alone = [];
      for (const chat of asks) {
        alone.push(await store.identities.findBorrowerForMessage("telegram", chat, NOW));
      }
      const counting = countingStore(prisma);

      const together = await Promise.all(
        asks.map((chat) => counting.store.identities.findBorrowerForMessage("telegram", chat, NOW)),
      );

      expect(together).toEqual(alone);
      expect(together.map((found) => found?.borrower.id)).toEqual([
        ana.id,
        undefined,
        ben.id,
        ana.id,
      ]);
      expect(together[0]?.activeLoans[0]?.transactions).toHaveLength(1);
      expect(together[0]?.activePauses.map((pause) => pause.reason)).toEqual(["unreachable"]);
      expect(counting.statements()).toBe(1);
    });

    it("Should refuse a bad instant in its own call only", async () => {
      const { store } = current();
      const chat = await linked(store, (await givenBorrower(store)).id);

      const [bad, good] = await Promise.allSettled([
        store.identities.findBorrowerForMessage("telegram", chat, "yesterday"),
        store.identities.findBorrowerForMessage("telegram", chat, NOW),
      ]);

      expect(bad).toEqual({ status: "rejected", reason: storeError("INVALID_INSTANT") });
      expect(good.status).toBe("fulfilled");
    });

    it("Should write many chats' turns in one statement, a missing borrower failing only its own turn", async () => {
      const { store, prisma } = current();
      const ana = await givenBorrower(store);
      const ben = await givenBorrower(store);
      const counting = countingStore(prisma);

      const [anaTurn, brokenTurn, benTurn] = await Promise.allSettled([
        counting.store.conversation.appendMany([said(ana.id, "balance"), said(ana.id, "107.17")]),
        counting.store.conversation.appendMany([said(ben.id, "lost"), said(UNKNOWN_ID, "lost")]),
        counting.store.conversation.appendMany([said(ben.id, "how much?")]),
      ]);

      expect(anaTurn.status).toBe("fulfilled");
      expect(brokenTurn).toEqual({
        status: "rejected",
        reason: storeError("NOT_FOUND", { kind: "borrower", id: UNKNOWN_ID }),
      });
      expect(benTurn.status).toBe("fulfilled");
      expect((await store.conversation.recent(ana.id, 10)).map((m) => m.text)).toEqual([
        "balance",
        "107.17",
      ]);
      expect((await store.conversation.recent(ben.id, 10)).map((m) => m.text)).toEqual([
        "how much?",
      ]);
      // The batch, then the refused turn alone and the read that names its missing borrower.
      expect(counting.statements()).toBe(3);
    });

    it("Should keep a transaction's log writes in the transaction: they roll back with it", async () => {
      const { store } = current();
      const ana = await givenBorrower(store);

      await expect(
        store.atomic(async (tx) => {
          await Promise.all([
            tx.conversation.appendMany([said(ana.id, "first")]),
            tx.conversation.appendMany([said(ana.id, "second")]),
          ]);
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");

      expect(await store.conversation.recent(ana.id, 10)).toEqual([]);
    });
  });
}
