// English rules for questions about the loan (next payment, balance), help and greetings.
import { alone, type Rule, englishRule as rule, words } from "./rule.ts";

const GREETINGS =
  "hi|hello|hey|hiya|howdy|yo|hallo|heya|sup|what is up|good (?:morning|afternoon|evening|day|night)|morning|evening|greetings|ni hao|nihao|hola|dear sir|dear madam|bonjour";

export const ENGLISH_QUESTION_RULES: readonly Rule[] = [
  // Next payment: the coming installment, its date and amount.
  rule(
    "next-payment",
    "next_payment",
    0.9,
    words(
      "(?:anything|something|a payment|a bill|payments?) (?:coming up|due soon|coming due)|next (?:payment|installment|instalment|bill|due|repayment|one|amount|charge|debit|deduction)|(?:upcoming|coming) (?:payment|installment|bill)",
    ),
  ),
  rule(
    "when-due",
    "next_payment",
    0.88,
    words(
      "when (?:is|are|will|do|does|should|must|am|can)(?: [a-z]+){0,4} (?:due|pay|paying|payment|payments|installment|bill|owed|deducted|debited|charged|taken)|when (?:is )?(?:it|the payment|my payment) due",
    ),
  ),
  rule(
    "due-date",
    "next_payment",
    0.86,
    words(
      "due date|due day|(?:payment|installment|bill) (?:date|day)|what (?:day|date)(?: [a-z]+){0,4} (?:due|pay|payment)|due (?:on )?what|what is due|how much is due|amount due|(?:is|payment|installment|bill) due (?:on |by )?_date_|due _date_|payment (?:schedule|calendar|dates)|schedule",
    ),
  ),
  rule(
    "periodic-amount",
    "next_payment",
    0.85,
    words(
      "how much(?: [a-z]+){0,4} (?:this|each|every|per|a|next|for this|for next|for the) (?:month|week|installment|payment)|how much (?:is|are) (?:my |the )?(?:payment|payments|installment|installments|monthly|bill|minimum)|(?:monthly|weekly) (?:payment|installment|amount|bill)|minimum (?:payment|due|amount)|how much (?:do|should|must) i pay",
    ),
  ),

  // Balance: the whole amount owed.
  rule(
    "how-much-owe",
    "balance",
    0.9,
    words(
      "how much (?:do |did |will |should )?(?:i |we )?(?:still |currently |actually |really |even )?(?:owe|have left|got left|left to pay|have to pay back|need to pay back|remaining|is left|remains|outstanding|more)|how much (?:money )?(?:is )?(?:still )?(?:left|remaining|outstanding|owed|owing)|where (?:do )?i stand",
    ),
  ),
  rule(
    "what-owe",
    "balance",
    0.88,
    words(
      "what (?:do |does |did )?(?:i |we )?(?:still )?owe|what i owe|what is (?:owed|owing|outstanding|left|remaining)",
    ),
  ),
  rule("balance", "balance", 0.85, words("balance|balances")),
  rule(
    "owed",
    "balance",
    0.8,
    words(
      "(?:outstanding|remaining|total|full) (?:amount|debt|principal|sum|owed|loan)|amount (?:owed|outstanding|remaining|left)|how much (?:is )?(?:my |the )?(?:loan|debt|total)|(?:my|the) debt|total (?:owed|due|debt)|still owe|do i owe|i owe|owe you",
    ),
  ),
  rule(
    "check-account",
    "balance",
    0.7,
    words(
      "statement|account summary|(?:check|see|view|know|show me)(?: [a-z]+){0,2} (?:account|loan|debt|how much)",
    ),
  ),

  // Help.
  rule(
    "help-alone",
    "help",
    0.85,
    alone(
      "(?:help|help me|help please|please help|menu|options|commands|info|information|instructions|faq|start over|what is this|whats this|who are you|what are you|how does this work|how do i use this|what can you do|what do you do|what can i ask|what can i say)(?: please)?",
    ),
  ),
  rule(
    "help",
    "help",
    0.6,
    words(
      "help|how does this work|what can you do|what do you do|how (?:do i|to) use (?:this|you)|i am confused|dont understand|do not understand",
    ),
  ),

  // Greetings and pleasantries. A greeting that only opens a longer message ("yo what is the
  // damage on my loan") is less sure: the rest of the message is what the borrower wants.
  rule("hello", "greeting", 0.85, new RegExp(`^(?:${GREETINGS})(?![a-z0-9_])(?: [^ ]+){0,3}$`)),
  rule("hello-then-more", "greeting", 0.5, new RegExp(`^(?:${GREETINGS})(?![a-z0-9_])`)),
  rule(
    "thanks",
    "greeting",
    0.6,
    alone(
      "(?:ok |okay )?(?:thanks|thank you|thank you very much|thank you so much|cheers|many thanks|thanks a lot|bye|goodbye|good bye|see you|have a nice day)",
    ),
  ),
];
