// Public API of loan-json: the JSON loan codec the CLI, the lender API and the simulator share.
export { InputError } from "./input-error.ts";
export {
  convert,
  plansSchema,
  stateSchema,
  termsSchema,
  toLoan,
  toTerms,
  toTransactions,
  validate,
} from "./loan-input.ts";
export {
  componentsJson,
  installmentJson,
  plansJson,
  scheduleJson,
  stateJson,
  transactionJson,
} from "./loan-output.ts";
