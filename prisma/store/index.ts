// Public API of prisma/store: the Store on Prisma.

export { prismaContactRecords } from "./contact-records.ts";
export { createPrismaStore } from "./create-prisma-store.ts";
