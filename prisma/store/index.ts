// Public API of prisma/store: the Store on Prisma.
export { createPrismaStore } from "./create-prisma-store.ts";
