// The strings a nudge may quote from its facts: what an LLM rewording must keep to, exactly.
import { nudgeDisclosureFigures } from "./disclosure-part.ts";
import { nudgeFigures } from "./nudge-figures.ts";
import type { NudgeFacts } from "./nudge-message.ts";

/**
 * Every formatted amount, date, count, loan reference, pay link and name a nudge about `facts`
 * may contain, exactly as `renderNudge` writes them. Any digit in a rendered nudge lies inside
 * one of these (templates hold no digits); an LLM rewording that quotes anything else is refused.
 * @example nudgeTextFacts(facts).has("$1,200.00") // true
 */
export function nudgeTextFacts(facts: NudgeFacts): ReadonlySet<string> {
  const figures = nudgeFigures(facts);
  const texts = [facts.lenderName, facts.borrowerName, figures.loanCount, figures.promisedFor];
  for (const loan of figures.loans) {
    texts.push(loan.loanRef, loan.amount, loan.dueDate, loan.overdue, loan.fees);
    texts.push(loan.daysPastDue, loan.payLink);
  }
  texts.push(...nudgeDisclosureFigures(facts));
  return new Set(texts.filter((text): text is string => text !== undefined && text !== ""));
}
