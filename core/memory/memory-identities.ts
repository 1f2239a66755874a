// In-memory IdentityStore: one borrower per chat account; binding again moves the account.
import type { ContactControls } from "../ports/contact-controls.ts";
import type { ChannelIdentity, IdentityStore } from "../ports/identities.ts";
import type { LoanStore } from "../ports/loans.ts";
import { groupById } from "../store/group-by-id.ts";
import { toInstant } from "../store/instant.ts";
import { type MemoryContext, requireBorrower } from "./memory-context.ts";

/** `reads` answer the pauses and loans findBorrowerForMessage returns with the borrower. */
export function memoryIdentities(
  context: MemoryContext,
  reads: {
    readonly contact: Pick<ContactControls, "activePauses">;
    readonly loans: Pick<LoanStore, "forBorrowerWithTransactions">;
  },
): IdentityStore {
  const identities = new Map<string, ChannelIdentity>();
  const keyOf = (channel: string, externalId: string) => `${channel}\u0000${externalId}`;
  const byKey = (a: ChannelIdentity, b: ChannelIdentity) =>
    keyOf(a.channel, a.externalId) < keyOf(b.channel, b.externalId) ? -1 : 1;

  return {
    async find(channel, externalId) {
      return identities.get(keyOf(channel, externalId));
    },

    async findBorrower(channel, externalId) {
      const identity = identities.get(keyOf(channel, externalId));
      return identity && context.borrowers.get(identity.borrowerId);
    },

    async findBorrowerForMessage(channel, externalId, now) {
      const identity = identities.get(keyOf(channel, externalId));
      const borrower = identity && context.borrowers.get(identity.borrowerId);
      if (!borrower) return undefined;
      return {
        borrower,
        activePauses: await reads.contact.activePauses(borrower.id, now),
        activeLoans: await reads.loans.forBorrowerWithTransactions(borrower.id, "active"),
      };
    },

    async forBorrower(borrowerId) {
      return [...identities.values()]
        .filter((identity) => identity.borrowerId === borrowerId)
        .sort(byKey);
    },

    async forBorrowers(borrowerIds) {
      const wanted = new Set(borrowerIds);
      const found = [...identities.values()].filter((identity) => wanted.has(identity.borrowerId));
      return groupById(borrowerIds, found.sort(byKey), (identity) => identity.borrowerId);
    },

    async bind(identity) {
      requireBorrower(context, identity.borrowerId);
      const bound: ChannelIdentity = {
        channel: identity.channel,
        externalId: identity.externalId,
        borrowerId: identity.borrowerId,
        verifiedAt: toInstant(identity.verifiedAt, "verifiedAt"),
      };
      identities.set(keyOf(bound.channel, bound.externalId), bound);
      return bound;
    },
  };
}
