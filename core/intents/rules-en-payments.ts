// English rules about paying: reported payments, promises, plan requests and payoff quotes.
import { alone, PRECEDENCE, type Rule, englishRule as rule, words } from "./rule.ts";

const NOT_PAID = words(
  "(?:havent|have not|hasnt|has not|didnt|did not|not yet|never|wasnt|was not|not|if i|when i|once i) (?:been |yet |actually |even |already )?(?:paid|sent|made|transferred)|(?:get|gets|getting|got|be|being) paid",
);
const PAY =
  "pay|paying|send|sending|transfer|transferring|deposit|depositing|wire|make (?:the |a |my |this |that )?payment|settle up|clear it";
// Refusals and inability; "until Friday" turns them back into a promise (rule not-until).
const CANNOT_PAY = words(
  `(?:cant|can not|couldnt|could not|unable to|not able to|wont|will not|dont|do not|didnt|did not|no way|not going to|never|not be able to|refuse to|might not|may not)(?: be able to)?(?: [a-z]+)? (?:${PAY}|make|afford)`,
);
const ASKS_WHEN_DUE = words(
  "due|when|do i (?:have|need) to|should i|must i|am i supposed to|what day|which day|how much",
);
// "Pay 100 a month" and "in installments" are plans even when said as "I will".
const PLANNY = words(
  "installments?|instalments?|in parts|a month|per month|each month|every month|monthly|every week|per week|weekly|plan|a bit at a time|little by little|bit by bit|when i can|if i can|when i get a job",
);
const PLAN_RANK = PRECEDENCE.indexOf("promise_to_pay") - 0.5;

export const ENGLISH_PAYMENT_RULES: readonly Rule[] = [
  // Already paid.
  rule(
    "already-paid",
    "already_paid",
    0.92,
    words(
      "(?:already|just) (?:paid|sent|made|transferred|did|done|settled|deposited|wired|covered|cleared|submitted|completed)",
    ),
    { unless: NOT_PAID },
  ),
  rule(
    "i-paid",
    "already_paid",
    0.88,
    words("i (?:have |had |did |also )?(?:paid|sent|transferred|deposited|wired|settled|cleared)"),
    {
      unless: NOT_PAID,
    },
  ),
  rule(
    "paid-when",
    "already_paid",
    0.85,
    words(
      "(?:^|\\| )paid(?= \\||$)|paid (?:it |that |this |my [a-z]+ |the [a-z]+ |_amount_ |you )?(?:already|off|in full|on _date_|_date_|last week|last month|this morning|earlier today|earlier|online|in cash)",
    ),
    { unless: NOT_PAID },
  ),
  rule(
    "payment-made",
    "already_paid",
    0.85,
    words(
      "(?:payment|money|transfer|funds|it)(?: [a-z]+){0,2} (?:has been|was|went|have been) (?:made|sent|through|out|paid|transferred|deposited|done|completed)|(?:check|cheque) (?:is |was )?(?:in the mail|sent|mailed)|made (?:a |the |my |this months |a _amount_ |the _amount_ )payment",
    ),
    { unless: words("will|gonna|going to|when") },
  ),
  rule(
    "payment-not-showing",
    "already_paid",
    0.82,
    words(
      "did (?:you|u) (?:get|receive|see) (?:my|the) (?:payment|money|transfer|deposit)|(?:payment|money|transfer) (?:is |was )?(?:not|isnt|hasnt been|wasnt) (?:showing|reflected|updated|posted|received|credited)|(?:sent|transferred|wired|deposited) (?:you |it |the money|the payment|my payment|the funds|_amount_|the _amount_|money)",
    ),
    { unless: NOT_PAID },
  ),

  // Promises: a clear "I will pay", or paying tied to a date.
  rule(
    "will-pay",
    "promise_to_pay",
    0.85,
    words(
      `(?:i will|ill|i shall|i am going to|going to|gonna|i promise to|promise to|i plan to|planning to|i intend to|will|i am paying|i am sending|i can) (?:definitely |surely |certainly |try to |try and |be able to |then |just |also |still |only |def )?(?:${PAY}|have (?:the |your )?money|get (?:you |it to you|the money)|sort it out|settle|cover it)`,
    ),
    { unless: PLANNY },
  ),
  rule("pay-on-date", "promise_to_pay", 0.95, words(`(?:${PAY})(?: [a-z_]+){0,4}? _date_`), {
    unless: new RegExp(`${CANNOT_PAY.source}|${ASKS_WHEN_DUE.source}|${PLANNY.source}`),
  }),
  rule("date-then-pay", "promise_to_pay", 0.93, words(`_date_(?: [a-z_]+){0,4}? (?:${PAY})`), {
    unless: new RegExp(`${CANNOT_PAY.source}|${ASKS_WHEN_DUE.source}|${PLANNY.source}`),
  }),
  rule(
    "not-until",
    "promise_to_pay",
    0.85,
    words(
      `(?:cant|can not|unable to|not able to|wont be able to|cannot) (?:${PAY}|make it)(?: [a-z_]+){0,3} (?:until|before|after|by|till) _date_`,
    ),
  ),
  rule(
    "instead",
    "promise_to_pay",
    0.8,
    words(
      `(?:cant|can not|unable|not able to|wont|not)(?: [a-z_|]+){0,6}? (?:but|how about|what about|maybe|instead|so|or|then)(?: [a-z_]+){0,3}? _date_`,
    ),
  ),
  rule(
    "money-will-arrive",
    "promise_to_pay",
    0.75,
    words(
      "(?:money|payment|it|funds|transfer|the rest)(?: [a-z]+)? (?:should|will|would|is going to|is gonna) (?:be (?:there|in|with you|sent|paid)|go (?:out|through)|arrive|hit|reach|clear|land)|you(?: will|ll| should) (?:get|have|receive) (?:it|the money|the payment|your money)",
    ),
    { unless: PLANNY },
  ),
  rule(
    "promise",
    "promise_to_pay",
    0.85,
    words("i promise|promise to pay|you have my word|i swear i will"),
  ),
  rule(
    "get-paid",
    "promise_to_pay",
    0.75,
    words(
      "(?:get|getting|gets) paid(?: [a-z_]+){0,3} _date_|_date_ is (?:my )?payday|(?:when|once|after) i get paid",
    ),
    {
      unless: PLANNY,
    },
  ),
  rule(
    "can-pay-amount",
    "promise_to_pay",
    0.75,
    words("(?:can|could) (?:pay|send|do|transfer|manage) (?:you )?_amount_"),
    {
      unless: PLANNY,
    },
  ),
  rule(
    "bare-date",
    "promise_to_pay",
    0.55,
    /^(?:(?:ok|sure|yes|yeah|yep|fine|maybe|probably|how about|what about|hopefully|i think|by|on|before|until|around|like|then|latest) )*_date_(?: (?:ok|then|is fine|works|is good|please|maybe|hopefully|at the latest|latest|for sure|i think|morning|afternoon|evening|night|for sure))*$/,
  ),

  // Plan requests: inability, hardship, asking for time or smaller payments.
  rule(
    "per-period-amount",
    "plan_request",
    0.85,
    words(
      "_amount_ (?:a|per|each|every) (?:month|week|fortnight)|(?:monthly|weekly) (?:payments? of )?_amount_|_amount_ (?:monthly|weekly)",
    ),
    {
      rank: PLAN_RANK,
    },
  ),
  rule(
    "when-i-can",
    "plan_request",
    0.72,
    words(
      "(?:when|once|whenever|if) i (?:can|get (?:a )?(?:job|work)|have (?:the |some )?money|am able)|as soon as i can|a bit at a time|little by little|bit by bit",
    ),
    {
      rank: PLAN_RANK,
    },
  ),
  rule(
    "cannot-pay",
    "plan_request",
    0.9,
    words(
      "(?:cant|can not|couldnt|could not|unable to|not able to|wont be able to|will not be able to|not going to be able to|no way i can|dont think i can|dont have enough to|not be able to|struggle to|struggling to|hard to|difficult to|impossible to|may not be able to|might not be able to|wont manage to)(?: [a-z]+)? (?:make|afford|pay|paying|manage|cover|keep up|meet|do)|cant afford|unaffordable|too expensive|too high|too much for me",
    ),
  ),
  rule(
    "plan",
    "plan_request",
    0.88,
    words(
      "(?:payment|repayment|installment|instalment|hardship|pay|new|easier|affordable|flexible) plans?|plan options?|repayment options?|payment options?|payment arrangement|arrangement",
    ),
  ),
  // The keyword every automated nudge offers: "reply PLAN to see payment plan options".
  rule(
    "plan-keyword",
    "plan_request",
    0.9,
    alone("plans?|a plan|plan please|show (?:me )?(?:the )?plans?"),
  ),
  rule(
    "smaller-payments",
    "plan_request",
    0.85,
    words(
      "(?:pay|paying|split|spread|break)(?: [a-z]+){0,3} (?:in|into|over) (?:installments|instalments|smaller (?:payments|amounts|chunks|parts)|parts|pieces|chunks|bits|several (?:payments|months)|[a-z0-9]+ (?:payments|months|parts|installments))|split (?:it|the (?:payment|amount|balance|bill))|(?:smaller|lower|reduced|partial|half) (?:payments?|installments?|amounts?)|pay (?:half|part|some|a portion|less|a little|a bit|what i can|part of it|some of it)",
    ),
  ),
  rule(
    "more-time",
    "plan_request",
    0.85,
    words(
      "more time|extension|extend|defer|deferral|deferment|postpone|delay|push (?:it |the payment |my payment )?back|skip (?:a |this |next |the |this months |one )?(?:payment|month|installment)|pay (?:it )?later|pay late|be late|grace period|hardship|forbearance|relief|breathing space|reschedule|restructure|(?:lower|reduce|decrease) (?:my |the )?(?:monthly |weekly )?(?:payments?|installments?|amount|interest)",
    ),
  ),
  rule(
    "hard-times",
    "plan_request",
    0.8,
    words(
      "(?:money|cash|things|finances|life|it|times) (?:is|are|has been|have been|s been) (?:really |very |so |a bit |pretty |super |kinda )?(?:tight|hard|rough|bad|difficult|tough)|lost my job|laid off|unemployed|no job|out of work|got fired|no income|no money|broke|dont have (?:the |any |enough )?money|short (?:on|of) (?:cash|money)|money is tight|cash is tight|tight (?:on money|this month)|struggling|medical|hospital|surgery|emergency|behind on|fell behind|falling behind|catch up|hard times|tough (?:time|month)|difficult (?:time|month)|financial (?:difficulty|difficulties|hardship|trouble|problems)",
    ),
  ),
  rule(
    "options",
    "plan_request",
    0.7,
    words(
      "(?:what|which) (?:are )?(?:my )?options|any options|other options|what can i do|work (?:something|it|this|out) (?:out|a deal)|work with me|help (?:me )?(?:to )?(?:pay|paying|with (?:the |my )?(?:payments?|loan|debt|bill))",
    ),
  ),

  // Payoff quotes: everything, now.
  rule(
    "pay-off",
    "payoff_quote",
    0.9,
    words(
      "payoff|pay off|paying off|pay (?:it|this|that|everything|the loan|my loan|the whole (?:thing|loan|balance|amount)|the (?:rest|remainder|full amount|balance|entire balance|lot|debt)|my (?:balance|debt)|it all|all of it|the whole lot)(?: all)? off",
    ),
  ),
  rule(
    "in-full",
    "payoff_quote",
    0.88,
    words(
      "(?:pay|clear|settle|close|finish|repay|pay back)(?: [a-z]+){0,3} (?:in full|early|completely|entirely|at once|in one go|all at once|in one payment|in one shot|fully|in a lump sum)",
    ),
  ),
  rule(
    "settle-loan",
    "payoff_quote",
    0.86,
    words(
      "(?:settle|close|clear|finish|end|close out) (?:the |my |this |out )?(?:whole |entire |full )?(?:loan|account|debt|balance)",
    ),
  ),
  rule(
    "settlement",
    "payoff_quote",
    0.88,
    words(
      "(?:full|total|early|final|complete) (?:settlement|payoff|repayment)|settlement (?:amount|figure|quote|offer)|lump sum|pay (?:the )?(?:whole|entire|full|total|complete) (?:thing|amount|balance|loan|debt|sum)|pay everything|pay (?:it )?all|pay (?:the )?(?:rest|remainder)|how much to (?:close|clear|finish|settle|end|be done|be free)|how much(?: [a-z_]+){0,6} (?:everything|in full|all of it|the whole (?:thing|loan|balance))|(?:everything|in full|all of it|the whole (?:thing|loan|balance))(?: [a-z_|]+){0,6} how much|debt free|get rid of (?:the |this |my )?loan|done with (?:the |this |my )?loan",
    ),
  ),
];
