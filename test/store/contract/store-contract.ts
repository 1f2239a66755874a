// The store contract: one suite every Store implementation must pass (memory, PGlite, PostgreSQL).
import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import { auditContract } from "./audit.contract.ts";
import { batchRecordsContract } from "./batch-records.contract.ts";
import { borrowerLoansContract } from "./borrower-loans.contract.ts";
import { borrowersContract } from "./borrowers.contract.ts";
import { checkedRecordsContract } from "./checked-records.contract.ts";
import { contactControlsContract } from "./contact-controls.contract.ts";
import { contactPointsContract } from "./contact-points.contract.ts";
import { conversationContract } from "./conversation.contract.ts";
import { decisionsContract } from "./decisions.contract.ts";
import { deliveriesContract } from "./deliveries.contract.ts";
import { handoffsContract } from "./handoffs.contract.ts";
import type { ContractOptions, StoreHarness } from "./harness.ts";
import { identitiesContract } from "./identities.contract.ts";
import { loansContract } from "./loans.contract.ts";
import { outboxContract } from "./outbox.contract.ts";
import { outboxQueueContract } from "./outbox-queue.contract.ts";
import { plannerReadContract } from "./planner-read.contract.ts";
import { plansContract } from "./plans.contract.ts";
import { portfolioContract } from "./portfolio.contract.ts";
import { transactionsContract } from "./transactions.contract.ts";

export type { ContractOptions, StoreHarness } from "./harness.ts";

/**
 * Defines the contract tests for the store `setup` builds. Setup runs once per file; the store
 * is reset before every test.
 *
 * @example storeContract("memory", async () => memoryHarness());
 */
export function storeContract<H extends StoreHarness>(
  name: string,
  setup: () => Promise<H>,
  options: ContractOptions<H> = {},
): void {
  describe(`${name} store`, () => {
    let harness: H | undefined;
    const current = (): H => {
      if (!harness) throw new Error(`the ${name} store was not set up`);
      return harness;
    };
    const store = () => current().store;

    beforeAll(async () => {
      harness = await setup();
    });
    afterAll(async () => {
      await harness?.teardown();
    });
    beforeEach(async () => {
      await harness?.reset();
    });
    for (const [feature, reason] of Object.entries(options.gaps ?? {})) {
      console.info(`${name} store: skipping the ${feature} tests: ${reason}`);
    }

    borrowersContract(store);
    loansContract(store, options);
    transactionsContract(store);
    checkedRecordsContract(store);
    batchRecordsContract(store);
    identitiesContract(store);
    borrowerLoansContract(store);
    conversationContract(store);
    contactControlsContract(store);
    auditContract(store);
    outboxContract(store);
    outboxQueueContract(store);
    plansContract(store);
    handoffsContract(store);
    plannerReadContract(store);
    contactPointsContract(store);
    deliveriesContract(store);
    decisionsContract(store);
    portfolioContract(store);
    options.extra?.(current);
  });
}
