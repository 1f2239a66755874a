// What a borrower asks to learn about: the course's topics, found in a question by its words.

/** The course's topics, in course order (core/learn's lessons are exactly these). */
export const LEARN_TOPICS = ["balance", "interest", "fees", "plans", "budget", "rights"] as const;
export type LearnTopic = (typeof LEARN_TOPICS)[number];

// Most specific first: "what happens if I miss a payment on my plan" is about fees.
const TOPIC_WORDS: readonly (readonly [LearnTopic, RegExp])[] = [
  [
    "fees",
    /late (?:fee|charge|penalt)|penalt|fees?\b|miss(?:ed|ing)? (?:a |my |one )?(?:payment|installment|instalment)|pay late|paying late|late payment|overdue|滞纳金|罚息|违约金|逾期|晚还|迟还|没还上|错过/u,
  ],
  ["interest", /interest|apr\b|利息|利率|年化/u],
  ["plans", /plan|计划|分期|延期/u],
  ["budget", /budget|预算|记账|开支|理财/u],
  ["rights", /rights?\b|权利|权益|投诉|申诉/u],
  ["balance", /balance|owe|余额|欠款|本金|构成|组成/u],
];

/**
 * The topic a learning question names, if any; absent, the borrower's next lesson is given.
 * @example learnTopic("why is there a late fee") // "fees"
 * @example learnTopic("teach me something") // undefined
 */
export function learnTopic(text: string): LearnTopic | undefined {
  return TOPIC_WORDS.find(([, pattern]) => pattern.test(text))?.[0];
}

export function isLearnTopic(text: string): text is LearnTopic {
  return (LEARN_TOPICS as readonly string[]).includes(text);
}
