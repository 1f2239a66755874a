// ConversationLog contract: the latest messages of a borrower, oldest first.
import { describe, expect, it } from "vitest";
import type { ConversationMessage } from "../../../core/ports/conversation.ts";
import { MAX_PAGE_SIZE } from "../../../core/store/page-limit.ts";
import { givenBorrower } from "../../helpers/builders.ts";
import { contactRecordsKind, eachOf, minutesAfter, storeError, UNKNOWN_ID } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const START = "2026-03-01T10:00:00.000Z";

function message(borrowerId: string, text: string, at: string): ConversationMessage {
  return { borrowerId, channel: "telegram", direction: "inbound", text, at, author: "borrower" };
}

export function conversationContract(store: StoreOf): void {
  describe("conversation", () => {
    it("Should return the latest messages oldest first, whatever order they were appended in", async () => {
      const borrower = await givenBorrower(store());
      const other = await givenBorrower(store());
      for (const n of [2, 0, 4, 1, 3]) {
        await store().conversation.append(message(borrower.id, `m${n}`, minutesAfter(START, n)));
      }
      await store().conversation.append(message(other.id, "elsewhere", START));

      const recent = await store().conversation.recent(borrower.id, 3);
      expect(recent.map((m) => m.text)).toEqual(["m2", "m3", "m4"]);
      expect(recent[0]).toEqual(message(borrower.id, "m2", minutesAfter(START, 2)));
      expect(await store().conversation.recent(borrower.id, 0)).toEqual([]);
    });

    it("Should keep messages written at the same instant in append order", async () => {
      const borrower = await givenBorrower(store());
      await store().conversation.append(message(borrower.id, "how much do I owe?", START));
      await store().conversation.append({
        ...message(borrower.id, "You owe 107.17 USD.", START),
        direction: "outbound",
        author: "assistant",
      });

      const texts = (await store().conversation.recent(borrower.id, 10)).map((m) => m.text);
      expect(texts).toEqual(["how much do I owe?", "You owe 107.17 USD."]);
    });

    it("Should read many borrowers' latest messages at once, each as recent reads them", async () => {
      const chatty = await givenBorrower(store());
      const brief = await givenBorrower(store());
      const silent = await givenBorrower(store());
      for (const n of [2, 0, 4, 1, 3]) {
        await store().conversation.append(message(chatty.id, `m${n}`, minutesAfter(START, n)));
      }
      await store().conversation.append(message(brief.id, "hello", minutesAfter(START, 3)));
      await store().conversation.append({
        ...message(chatty.id, "An agent will call you.", minutesAfter(START, 3)),
        direction: "outbound",
        author: "agent:U1",
      });
      const ids = [silent.id, chatty.id, UNKNOWN_ID, brief.id, chatty.id];

      for (const limit of [3, 100]) {
        const read = await store().conversation.recentFor(ids, limit);
        expect(read).toEqual(await eachOf(ids, (id) => store().conversation.recent(id, limit)));
        expect(
          await contactRecordsKind(store(), "conversation", ids, START, {
            conversationDepth: limit,
          }),
        ).toEqual(read);
        expect(read.get(silent.id)).toEqual([]);
      }
      expect((await store().conversation.recentFor(ids, 3)).get(chatty.id)).toHaveLength(3);
      expect((await store().conversation.recentFor(ids, 0)).get(chatty.id)).toEqual([]);
      expect(await store().conversation.recentFor([], 10)).toEqual(new Map());
      await expect(store().conversation.recentFor(ids, MAX_PAGE_SIZE + 1)).rejects.toEqual(
        storeError("INVALID_LIMIT"),
      );
    });

    it("Should append a batch in one call as appending each in turn would, same-instant order kept", async () => {
      const borrower = await givenBorrower(store());
      const other = await givenBorrower(store());
      const awkward = 'He said "{no, NULL}" \\ then\nleft, 还欠多少？';
      await store().conversation.append(message(borrower.id, "before", START));
      await store().conversation.appendMany([
        message(borrower.id, awkward, minutesAfter(START, 1)),
        {
          ...message(borrower.id, "NULL", minutesAfter(START, 1)),
          direction: "outbound",
          author: "assistant",
        },
        message(other.id, "elsewhere", START),
      ]);
      await store().conversation.appendMany([]);

      expect(await store().conversation.recent(borrower.id, 10)).toEqual([
        message(borrower.id, "before", START),
        message(borrower.id, awkward, minutesAfter(START, 1)),
        {
          ...message(borrower.id, "NULL", minutesAfter(START, 1)),
          direction: "outbound",
          author: "assistant",
        },
      ]);
      expect((await store().conversation.recent(other.id, 10)).map((m) => m.text)).toEqual([
        "elsewhere",
      ]);
    });

    it("Should write none of a batch when one of its borrowers is not there", async () => {
      const borrower = await givenBorrower(store());
      await expect(
        store().conversation.appendMany([
          message(borrower.id, "hello", START),
          message(UNKNOWN_ID, "hello", START),
        ]),
      ).rejects.toEqual(storeError("NOT_FOUND", { kind: "borrower", id: UNKNOWN_ID }));
      expect(await store().conversation.recent(borrower.id, 10)).toEqual([]);
    });

    it("Should refuse a message for an unknown borrower", async () => {
      await expect(
        store().conversation.append(message(UNKNOWN_ID, "hello", START)),
      ).rejects.toEqual(storeError("NOT_FOUND"));
    });
  });
}
