// NudgeDeliveries on Prisma: the provider's last word on a message, kept on its outbox rows.
import type { Delivery, DeliveryStatus, NudgeDeliveries } from "../../core/ports/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";

export function prismaDeliveries(prisma: PrismaClient): NudgeDeliveries {
  return {
    async record(providerMessageId, status, errorCode, at) {
      const { count } = await prisma.nudgeOutbox.updateMany({
        where: { providerMessageId },
        data: {
          deliveryStatus: status,
          deliveryError: errorCode ?? null,
          deliveryAt: dbInstant(at, "at"),
        },
      });
      return count;
    },
    async forMessage(providerMessageId) {
      const rows = await prisma.nudgeOutbox.findMany({
        where: { providerMessageId, deliveryStatus: { not: null } },
        select: { id: true, deliveryStatus: true, deliveryError: true, deliveryAt: true },
        orderBy: { id: "asc" },
      });
      return rows.map(
        (row): Delivery => ({
          nudgeId: row.id,
          providerMessageId,
          status: row.deliveryStatus as DeliveryStatus,
          ...(row.deliveryError ? { errorCode: row.deliveryError } : {}),
          at: (row.deliveryAt as Date).toISOString(),
        }),
      );
    },
  };
}
