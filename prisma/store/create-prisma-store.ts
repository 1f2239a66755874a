// The whole Store on Prisma: PGlite in one process, PostgreSQL when several share the data.
import type { Store } from "../../core/ports/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { prismaAtomic } from "./atomic.ts";
import { prismaAudit } from "./audit.ts";
import { prismaBorrowers } from "./borrowers.ts";
import { prismaContactControls } from "./contact-controls.ts";
import { prismaConsentLog, prismaContactPoints } from "./contact-points.ts";
import { prismaConversation } from "./conversation.ts";
import { prismaDecisions } from "./decisions.ts";
import { prismaDeliveries } from "./deliveries.ts";
import { prismaHandoffs } from "./handoffs.ts";
import { prismaIdentities } from "./identities.ts";
import { prismaLinkCodes } from "./link-codes.ts";
import { prismaLoans } from "./loans.ts";
import { prismaOutbox } from "./outbox.ts";
import { prismaPeriodClaims } from "./period-claims.ts";
import { prismaPlanning } from "./planning.ts";
import { prismaPlans } from "./plans.ts";
import { prismaPortfolio } from "./portfolio.ts";
import { prismaTransactions } from "./transactions.ts";

/**
 * A Store over `prisma` (from prisma/database.ts). Uniqueness, idempotency, single-use codes
 * and exclusive claims come from the database's constraints and locks, so several processes
 * may share one PostgreSQL database.
 *
 * @example
 * const db = await openDatabase();
 * const store = createPrismaStore(db.prisma);
 */
export function createPrismaStore(prisma: PrismaClient): Store {
  return storeOn(prisma, { batch: true });
}

/**
 * The store on a client or a transaction. `batch` only outside transactions: there many chats
 * write at once, while one transaction's calls come one after the other, and a batch's
 * statement failing would abort the transaction for every call in it.
 */
function storeOn(prisma: PrismaClient, options: { readonly batch: boolean }): Store {
  const loans = prismaLoans(prisma);
  const outbox = prismaOutbox(prisma);
  return {
    borrowers: prismaBorrowers(prisma),
    loans,
    transactions: prismaTransactions(prisma),
    identities: prismaIdentities(prisma, options),
    linkCodes: prismaLinkCodes(prisma),
    conversation: prismaConversation(prisma, options),
    contact: prismaContactControls(prisma),
    audit: prismaAudit(prisma),
    outbox,
    plans: prismaPlans(prisma),
    handoffs: prismaHandoffs(prisma),
    atomic: prismaAtomic(prisma, (tx) => storeOn(tx, { batch: false })),
    contactPoints: prismaContactPoints(prisma),
    consent: prismaConsentLog(prisma),
    deliveries: prismaDeliveries(prisma),
    decisions: prismaDecisions(prisma),
    portfolio: prismaPortfolio(prisma),
    planning: prismaPlanning(prisma, { outbox, loans }),
    periods: prismaPeriodClaims(prisma),
  };
}
