// A file of the project by its path from the project root, the same from the sources and from dist/.
import { fileURLToPath } from "node:url";

/** This module's own folder, prisma/ in the sources or dist/prisma/ in the compiled build. */
const HERE = new URL(".", import.meta.url);
const ROOT = new URL(HERE.pathname.endsWith("/dist/prisma/") ? "../../" : "../", HERE);

/**
 * The absolute path of `relative` (e.g. "prisma/migrations") under the project root. The
 * compiled build in dist/ holds only JavaScript; the migrations, the schema and caches stay
 * where the sources keep them.
 *
 * @example projectFile("prisma/schema.prisma")
 */
export function projectFile(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}
