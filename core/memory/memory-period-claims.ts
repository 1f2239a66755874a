// In-memory PeriodClaims: the first claim of a key wins.
import type { PeriodClaims } from "../ports/period-claims.ts";
import { toInstant } from "../store/instant.ts";

export function memoryPeriodClaims(): PeriodClaims {
  const claims = new Map<string, { readonly by: string; readonly at: string }>();
  return {
    async claim(key, by, at) {
      const instant = toInstant(at, "at");
      if (claims.has(key)) return false;
      claims.set(key, { by, at: instant });
      return true;
    },
    async pruneBefore(before) {
      const cut = toInstant(before, "before");
      let pruned = 0;
      for (const [key, claim] of claims) {
        if (claim.at < cut && claims.delete(key)) pruned++;
      }
      return pruned;
    },
  };
}
