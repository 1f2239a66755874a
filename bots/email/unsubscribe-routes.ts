// The unsubscribe link on the Hono server: GET confirms with a button, POST unsubscribes in one click (RFC 8058).
import { Hono } from "hono";
import { emailConsent, recordConsent } from "../../core/channels/index.ts";
import {
  checkUnsubscribeToken,
  type EmailTemplates,
  type SignPayload,
  type UnsubscribeClaims,
  type UnsubscribeProblemTemplates,
} from "../../core/email/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { confirmPage, donePage, type PageFacts, problemPage } from "./unsubscribe-pages.ts";

export const UNSUBSCRIBE_PATH = "/email/unsubscribe";

export interface UnsubscribeRoutesOptions {
  readonly store: Pick<Store, "borrowers" | "consent" | "contact">;
  readonly sign: SignPayload;
  readonly lenderName: string;
  readonly templates: EmailTemplates;
  readonly problems: readonly UnsubscribeProblemTemplates[];
  readonly clock?: () => string;
  readonly log?: (line: string) => void;
}

/**
 * GET /email/unsubscribe?token=... shows a confirmation page with a button; POST (the button, or
 * a mail client's one-click `List-Unsubscribe=One-Click`) records an email opt-out in the consent
 * log, which stops email at once. A tampered or unknown token answers 400, an expired one 410,
 * each with a page that says so; nothing changes then. Unsubscribing twice records once.
 *
 * @example app.route("/", unsubscribeRoutes({ store, sign: hmacSigner(secret), lenderName, templates: emailTemplates, problems: emailProblemTemplates }));
 */
export function unsubscribeRoutes(options: UnsubscribeRoutesOptions): Hono {
  const app = new Hono();
  const clock = options.clock ?? (() => new Date().toISOString());

  type Checked = { claims: UnsubscribeClaims; facts: PageFacts } | { problem: Response };
  async function check(token: string | undefined, now: string): Promise<Checked> {
    const result = checkUnsubscribeToken(token ?? "", now, options.sign);
    const problem = (kind: "bad" | "expired") => ({
      problem: new Response(problemPage(kind, options.problems), {
        status: kind === "expired" ? 410 : 400,
        headers: { "content-type": "text/html; charset=utf-8" },
      }),
    });
    if (!result.ok) return problem(result.reason === "expired" ? "expired" : "bad");
    const borrower = await options.store.borrowers.byId(result.claims.borrowerId);
    if (!borrower) return problem("bad");
    const { claims } = result;
    return {
      claims,
      facts: {
        locale: claims.locale,
        lenderName: options.lenderName,
        email: claims.email,
        templates: options.templates[claims.locale],
      },
    };
  }

  app.get(UNSUBSCRIBE_PATH, async (c) => {
    const token = c.req.query("token");
    const checked = await check(token, clock());
    if ("problem" in checked) return checked.problem;
    const action = `${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token ?? "")}`;
    return c.html(confirmPage(checked.facts, action));
  });

  app.post(UNSUBSCRIBE_PATH, async (c) => {
    const at = clock();
    const checked = await check(c.req.query("token"), at);
    if ("problem" in checked) return checked.problem;
    const { borrowerId, email } = checked.claims;
    const events = await options.store.consent.forBorrower(borrowerId);
    if (emailConsent(events, email) !== "opted_out") {
      await recordConsent(options.store, {
        borrowerId,
        channel: "email",
        kind: "opt_out",
        source: "email:unsubscribe",
        address: email,
        at,
      });
      options.log?.(`email: a borrower unsubscribed by link`);
    }
    return c.html(donePage(checked.facts));
  });
  return app;
}
