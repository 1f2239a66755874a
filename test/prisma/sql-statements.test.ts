// On PGlite a turn's read and log write go past Prisma to the prepared client, with the same answers Prisma gives and inside transactions through Prisma.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationMessage, Store } from "../../core/ports/index.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { type Database, openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/create-prisma-store.ts";
import { inboundAsk, readInbound } from "../../prisma/store/inbound-read.ts";
import { insertMessages, messageBatch } from "../../prisma/store/message-insert.ts";
import { isRawForeignKeyViolation } from "../../prisma/store/prisma-errors.ts";
import {
  type SqlStatements,
  sendStatementsTo,
  sqlStatements,
} from "../../prisma/store/sql-statements.ts";
import { givenBorrower, givenBorrowerWithHistory, uniqueRef } from "../helpers/builders.ts";

const NOW = "2026-03-01T10:00:00.000Z";

let db: Database;
let store: Store;

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  store = createPrismaStore(db.prisma);
});
afterAll(async () => {
  await db.close();
});

/** The same client with nothing registered: its turn statements go through Prisma. */
const throughPrisma = () => sqlStatements(db.prisma.$extends({}) as unknown as PrismaClient);

/** `statements` with the SQL texts it is sent recorded. */
function recording(statements: SqlStatements): { sql: SqlStatements; texts: string[] } {
  const texts: string[] = [];
  return {
    texts,
    sql: {
      rows: (statement) => {
        texts.push(statement.text);
        return statements.rows(statement);
      },
      execute: (statement) => {
        texts.push(statement.text);
        return statements.execute(statement);
      },
    },
  };
}

function said(borrowerId: string, text: string): ConversationMessage {
  return {
    borrowerId,
    channel: "telegram",
    direction: "inbound",
    text,
    at: NOW,
    author: "borrower",
  };
}

describe("a turn's statements on PGlite", () => {
  it("Should read a chat's borrower, pauses and loans past Prisma exactly as Prisma reads them", async () => {
    const ana = await givenBorrowerWithHistory(store, { locale: "zh-CN", phone: "+15550100" });
    const chat = uniqueRef("tg");
    await store.identities.bind({
      channel: "telegram",
      externalId: chat,
      borrowerId: ana.id,
      verifiedAt: NOW,
    });
    const asks = [inboundAsk("telegram", chat, NOW), inboundAsk("telegram", uniqueRef("tg"), NOW)];

    const direct = await readInbound(sqlStatements(db.prisma), asks);
    const prisma = await readInbound(throughPrisma(), asks);

    expect(direct).toEqual(prisma);
    expect(direct[0]?.activeLoans[0]?.transactions).toHaveLength(1);
    expect(direct[0]?.activePauses.map((pause) => pause.reason)).toEqual(["unreachable"]);
    expect(direct[1]).toBeUndefined();
  });

  it("Should write a turn's messages past Prisma and count what it wrote", async () => {
    const ben = await givenBorrower(store);
    // A client of the same database whose direct statements are recorded on their way.
    const client = db.prisma.$extends({}) as unknown as PrismaClient;
    const { sql, texts } = recording(sqlStatements(db.prisma));
    sendStatementsTo(client, sql);

    await createPrismaStore(client).conversation.appendMany([
      said(ben.id, "balance"),
      said(ben.id, "107.17"),
    ]);

    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("INSERT INTO conversation_messages");
    expect((await store.conversation.recent(ben.id, 10)).map((m) => m.text)).toEqual([
      "balance",
      "107.17",
    ]);
  });

  it("Should refuse a turn whose borrower is missing, writing none of it", async () => {
    const cy = await givenBorrower(store);
    const batch = messageBatch([said(cy.id, "hello"), said(uniqueRef("nobody"), "hello")]);

    await expect(insertMessages(db.prisma, sqlStatements(db.prisma), batch)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await store.conversation.recent(cy.id, 10)).toEqual([]);
  });

  it("Should know a foreign key refusal as one, whether the statement went past Prisma or through it", async () => {
    const orphan = (sql: SqlStatements) =>
      sql.execute(Prisma.sql`
        INSERT INTO conversation_messages (id, borrower_id, channel, direction, text, at, author)
        VALUES (${uniqueRef("m")}, ${uniqueRef("nobody")}, 'telegram'::channel,
                'inbound'::message_direction, 'hello', now(), 'borrower')`);
    const refusals = await Promise.all(
      [sqlStatements(db.prisma), throughPrisma()].map((sql) =>
        orphan(sql).then(
          () => "written",
          (error: unknown) => isRawForeignKeyViolation(error),
        ),
      ),
    );

    expect(refusals).toEqual([true, true]);
  });
});
