// English rules for the borrower's rights: opt-out, opt-in, dispute, and asking for a person.
import { alone, type Rule, englishRule as rule, words } from "./rule.ts";

// "Don't stop" and "don't unsubscribe me" ask for the opposite of an opt-out.
const KEEP_CONTACT = words(
  "(?:dont|do not|never|please dont|no dont) (?:stop|unsubscribe|opt out)",
);
const CONTACT_VERBS =
  "text|texting|message|messaging|contact|contacting|call|calling|email|emailing|bother|" +
  "bothering|remind|reminding|spam|spamming|harass|harassing|ping|pinging|bug|bugging|sms|" +
  "notify|write to|writing to|chase|chasing";
const CONTACT_NOUNS =
  "messages|message|texts|text|texting|messaging|reminders|reminder|notifications|calls|" +
  "emails|spam|contact|alerts";
const PEOPLE =
  "person|human|agent|representative|rep|someone|somebody|manager|supervisor|operator|staff|" +
  "officer|advisor|adviser|people|humans|agents|team member|customer service|real person";

export const ENGLISH_RIGHTS_RULES: readonly Rule[] = [
  // Opt-out: the carrier keywords (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT) and plain English.
  rule(
    "stop-alone",
    "opt_out",
    0.97,
    alone(
      "(?:(?:please|just|now|ok|so|and|then|oh) )*(?:stop|stopall|stop all|unsubscribe|unsub|cancel|end|quit|optout|opt out|halt|td|enough)(?: (?:please|now|it|this|that|thanks|thank you|already|asap|immediately|right now|for good|forever|messaging|texting|me))*",
    ),
    { unless: KEEP_CONTACT },
  ),
  rule(
    "stop-contact",
    "opt_out",
    0.95,
    words(
      `stop (?:all |these |the |your |with (?:the |these |your )?|sending (?:me )?(?:these |the |your |any )?)?(?:${CONTACT_NOUNS}|${CONTACT_VERBS}|sending|me|this|it)`,
    ),
    { unless: KEEP_CONTACT },
  ),
  rule(
    "unsubscribe",
    "opt_out",
    0.95,
    words("unsubscribe|unsub|opt out|optout|opt me out|opting out"),
    {
      unless: KEEP_CONTACT,
    },
  ),
  rule(
    "do-not-contact",
    "opt_out",
    0.93,
    words(
      `(?:dont|do not|never|quit|cease|no need to|stop) (?:ever )?(?:${CONTACT_VERBS})(?: to)? (?:me|us|this number|my number)|do not contact|dont contact`,
    ),
  ),
  rule(
    "no-more",
    "opt_out",
    0.9,
    words(
      `no more (?:${CONTACT_NOUNS})|(?:dont|do not) want (?:any more |anymore |more |these |your |any )?(?:${CONTACT_NOUNS})`,
    ),
  ),
  rule(
    "leave-me-alone",
    "opt_out",
    0.88,
    words(
      `(?:done with|sick of|tired of|fed up with|enough with|enough of) (?:these |your |the |all |all these |all your )?(?:${CONTACT_NOUNS})|leave me alone|go away|take me off|remove me|remove my number|delete my number|lose my number|harassment|turn off (?:the |these |your |all )?(?:${CONTACT_NOUNS})`,
    ),
  ),

  // Opt-in: START / UNSTOP and asking for reminders back.
  rule(
    "start-alone",
    "opt_in",
    0.93,
    alone(
      "(?:please )?(?:start|unstop|resume|subscribe|resubscribe|opt in|optin|opt me in|restart|start again)(?: (?:please|again|now|messages|reminders))*",
    ),
  ),
  rule(
    "resume-contact",
    "opt_in",
    0.9,
    words(
      `(?:resume|restart|turn on|turn back on|switch on|switch back on|enable|reactivate|start|continue|keep) (?:the |my |sending |sending me |your |texting |messaging )?(?:${CONTACT_NOUNS}|reminding me)|(?:turn|switch) (?:the |my )?(?:${CONTACT_NOUNS}) (?:back )?on`,
    ),
  ),
  rule(
    "subscribe",
    "opt_in",
    0.9,
    words(
      "opt (?:me )?(?:back )?in|subscribe me|resubscribe|re subscribe|sign me (?:back )?up|(?:want|like) to subscribe|subscribe again",
    ),
  ),
  rule(
    "contact-me-again",
    "opt_in",
    0.85,
    words(
      `(?:send|text|message|remind) me (?:again|reminders|notifications)|(?:you can|you may|ok to|okay to) (?:text|message|contact|remind|notify) me|i want (?:the |my )?(?:${CONTACT_NOUNS})(?: back| again)?|start (?:messaging|texting|sending|reminding) (?:me )?again|(?:want|like|get|receive|need)(?: to (?:get|receive|have))? (?:the |my |your )?(?:${CONTACT_NOUNS}) (?:again|back)`,
    ),
  ),

  // Dispute: the debt, the amount or the borrower is wrong.
  rule(
    "not-my-loan",
    "dispute",
    0.93,
    words(
      "(?:not|isnt|is not|aint|wasnt|was not|never been) (?:even )?my (?:loan|debt|account|bill|number|phone|contract|signature|money|balance)|(?:isnt|is not|not|aint) mine",
    ),
  ),
  rule(
    "never-borrowed",
    "dispute",
    0.92,
    words(
      "(?:never|didnt|did not|have never|havent ever|never ever) (?:took|take|taken|borrowed|borrow|applied|apply|signed|sign|had|got|get|opened|open|received|receive)(?: out| up| for)?(?: (?:a|any|this|that|the|up|for|such))* (?:loan|money|credit|debt|account|contract|it)|i never borrowed|i didnt borrow",
    ),
  ),
  rule(
    "amount-wrong",
    "dispute",
    0.9,
    words(
      "(?:amount|balance|total|figure|figures|number|numbers|charge|charges|fee|fees|interest|bill|statement|sum|calculation|math)(?: [a-z]+){0,3} (?:is |are |looks |look |seems |seem |was |were )?(?:wrong|incorrect|off|not right|not correct|inaccurate|a mistake|an error|doesnt add up|dont add up|doesnt match|dont match|doesnt look right|bogus)",
    ),
  ),
  rule(
    "wrong-thing",
    "dispute",
    0.88,
    words(
      "wrong (?:amount|balance|person|number|account|loan|total|charge|name|guy|figure|customer|borrower)|(?:you have|youve got|you got|you have got) (?:the )?wrong|there (?:is |s )?(?:a |an )?(?:mistake|error)",
    ),
  ),
  rule(
    "dispute",
    "dispute",
    0.9,
    words(
      "never heard of (?:you|this|your|the)|dispute|disputing|contest|contesting|fraud|fraudulent|identity theft|stolen identity|identity was stolen|scam|scammer|scammers",
    ),
  ),
  rule(
    "charged-wrongly",
    "dispute",
    0.88,
    words(
      "(?:charged|billed|debited|deducted|took) (?:me )?(?:twice|double|two times|too much|more than)|double (?:charged|billed|charge)|overcharged|over charged|charging me (?:twice|too much)|i (?:dont|do not|shouldnt) owe|i owe (?:you )?nothing|nothing to do with me",
    ),
  ),
  rule(
    "fix-the-amount",
    "dispute",
    0.8,
    words(
      "(?:fix|correct|check) (?:the |my |your |this )?(?:amount|balance|bill|charges|charge|fees|interest|mistake|error|math)",
    ),
  ),
  rule(
    "that-is-wrong",
    "dispute",
    0.7,
    words("(?:that|this|it) (?:is |was )?(?:wrong|incorrect|not right|not correct|a mistake)"),
  ),

  // Asking for a person.
  rule(
    "talk-to-person",
    "human_agent",
    0.93,
    words(
      `(?:talk|speak|chat|connect|transfer|put|get|escalate|speaking|talking)(?: me)?(?: to| with| through to)?(?: [a-z]+){0,2} (?:${PEOPLE})`,
    ),
  ),
  rule(
    "person-alone",
    "human_agent",
    0.92,
    alone(
      "(?:a |an |real |live |human |your )?(?:agent|human|representative|operator|person|rep|live agent|customer service|customer support|support|real person|live person|manager|supervisor)(?: please| pls| now)?",
    ),
  ),
  rule(
    "want-person",
    "human_agent",
    0.9,
    words(
      `(?:want|need|get me|give me|request|requesting)(?: to (?:talk|speak|chat) (?:to|with))? (?:a |an |some |the |your |a real |a live )?(?:human|person|agent|representative|manager|supervisor|real person|operator)|(?:real|live|actual) (?:person|human|agent|people)|customer (?:service|support|care)|human being`,
    ),
  ),
  rule(
    "call-me",
    "human_agent",
    0.8,
    words(
      "(?:call|phone|ring) me|(?:can|could|will) (?:someone|somebody|anyone|a person|you) (?:call|phone|ring|contact)",
    ),
  ),
  rule(
    "not-a-bot",
    "human_agent",
    0.7,
    words(
      "(?:not|no more|rather than|than|instead of|dont want(?: to (?:talk|speak|chat) (?:to|with))?|do not want(?: to (?:talk|speak|chat) (?:to|with))?) (?:a |the |this |your )?(?:bot|robot|machine)|with a (?:real |live |actual )?(?:person|human)|(?:are you|is this) (?:a )?(?:bot|robot|real person|human|machine)",
    ),
  ),
];
