// The assistant's message templates: every key and the variables each one takes.

/**
 * Each template's `{variable}` placeholders. Every locale fills in every key with exactly these
 * variables, so a reply reads the same facts in every language. Templates hold no digits of
 * their own: every figure in a reply comes from loan state or from the rules in `rules.ts`.
 */
export const TEMPLATE_VARIABLES = {
  greeting: ["name", "lender"],
  help: ["lender"],
  unknown: [],
  noLoans: ["lender"],
  loanHeading: ["loanRef"],
  balanceTotal: ["total"],
  balanceOverdue: ["overdue", "late"],
  daysPastDue: ["days"],
  daysPastDueOne: [],
  balanceOverdueParts: ["principal", "interest", "fees", "penalties"],
  balanceUpToDate: [],
  balanceCredit: ["credit"],
  nextDue: ["amount", "date"],
  noNextDue: [],
  nextPaymentOverdue: ["overdue"],
  payoffQuote: ["amount", "validUntil"],
  payLink: ["link"],
  planIntro: [],
  planIntroAffordable: ["affordable"],
  planOption: ["kind", "about", "payments", "runs", "first", "last", "total", "cost"],
  planPayments: ["count"],
  planPaymentsOne: [],
  planRun: ["count", "amount"],
  planRunRange: ["count", "low", "high"],
  planRunThen: [],
  planCostMore: ["extra"],
  planCostNone: [],
  planCostLess: ["saving"],
  planPrompt: [],
  planNoneNeeded: [],
  planNoneAffordable: ["affordable"],
  planNone: [],
  planPicked: ["kind", "about", "payments", "runs", "first", "last", "total", "cost", "terms"],
  planAccepted: ["amount", "date"],
  planRate: ["rate"],
  planRateFrozen: ["count", "rate"],
  planMissedFee: ["dueDate", "feeDate", "fee"],
  planMissedNoFee: [],
  planAlreadyAccepted: [],
  planUnavailable: [],
  planStale: [],
  planCancelled: [],
  kindCatchUp: [],
  kindExtended: [],
  kindHardship: [],
  aboutCatchUp: [],
  aboutExtended: [],
  aboutHardship: [],
  promiseAskDate: [],
  promisePastDate: [],
  promiseTooFar: ["maxDays"],
  promiseRecorded: ["amount", "date"],
  promiseNothingDue: [],
  alreadyPaid: ["days"],
  optOut: [],
  optIn: [],
  dispute: [],
  humanAgent: ["lender"],
  humanAgentAlready: [],
  labelBalance: [],
  labelNextPayment: [],
  labelPayoff: [],
  labelPlan: [],
  labelPromise: [],
  labelHuman: [],
  labelHelp: [],
  labelLearn: [],
  labelChoosePlan: ["kind"],
  labelConfirmPlan: [],
  labelCancelPlan: [],
  labelTomorrow: [],
  clarify: [],
  clarifyConfirm: [],
  labelAlreadyPaid: [],
  labelOptOut: [],
  labelOptIn: [],
  labelDispute: [],
  labelPromiseOn: ["date"],
  labelSomethingElse: [],
} as const satisfies Record<string, readonly string[]>;

export type TemplateKey = keyof typeof TEMPLATE_VARIABLES;

/** The variables template `K` takes, each a ready-formatted string. */
export type TemplateVariables<K extends TemplateKey> = Readonly<
  Record<(typeof TEMPLATE_VARIABLES)[K][number], string>
>;

/** One locale's templates: a string per key, written with `{variable}` placeholders. */
export type AssistantTemplates = { readonly [K in TemplateKey]: string };

export const TEMPLATE_KEYS = Object.keys(TEMPLATE_VARIABLES) as TemplateKey[];
