// An agent's first name from Slack's users.info, for signing what the borrower reads; cached per app.
import type { webApi } from "@slack/bolt";

export function agentNames(fallback = "Your agent") {
  const cache = new Map<string, string>();
  return async (client: webApi.WebClient, userId: string): Promise<string> => {
    const known = cache.get(userId);
    if (known) return known;
    try {
      const { user } = await client.users.info({ user: userId });
      const full = user?.profile?.first_name || user?.real_name || user?.profile?.real_name || "";
      const first = full.trim().split(/\s+/)[0] || fallback;
      cache.set(userId, first);
      return first;
    } catch {
      return fallback;
    }
  };
}

export type AgentNames = ReturnType<typeof agentNames>;
