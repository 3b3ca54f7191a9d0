// Pushes one outbox row to its platform. The row's current reservation state is
// what gets sent (not the snapshot), so replays converge. A create that may have
// landed before its answer was lost is looked up by our tag before repeating.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { isFinalReservationStatus } from '../domain/status-machines.ts';
import { PlatformError, type PlatformConnector, type PushResult } from './types.ts';
import { syncRepository, type OutboxRow } from './sync-repository.ts';
import { toBooking } from './booking.ts';

export type PushOutcome = 'created' | 'linked' | 'updated' | 'cancelled' | 'nothing_to_do';

export function pushService(prisma: PrismaClient) {
  const repo = syncRepository(prisma);

  return {
    async push(row: OutboxRow, connector: PlatformConnector, timeZone: string): Promise<PushOutcome> {
      if (row.entityType !== 'reservation') return 'nothing_to_do';
      const r = await repo.reservation(prisma, row.restaurantId, row.entityId);
      if (!r) return 'nothing_to_do';
      const booking = toBooking(r, timeZone);
      const mapping = await repo.mappingByLocal(prisma, row.restaurantId, row.platform, 'reservation', r.id);
      const remember = (res: PushResult) => repo.saveMapping(prisma, {
        restaurantId: row.restaurantId, platform: row.platform, entityType: 'reservation', localId: r.id, externalId: res.externalId,
        externalUpdatedAt: res.updatedAt && !Number.isNaN(Date.parse(res.updatedAt)) ? new Date(res.updatedAt) : null,
        rawPayload: { origin: 'local', updatedAt: res.updatedAt, pushedStatus: r.status },
      });

      if (!mapping) {
        // A first try cannot have landed before; any later one may have.
        const found = row.attempts > 1 || row.event !== 'reservation.created' ? await connector.findByReference(booking) : null;
        if (found) await remember({ externalId: found.externalId, updatedAt: found.updatedAt });
        if (r.status === 'cancelled') {
          if (found) await remember(await connector.cancel(found.externalId));
          return found ? 'cancelled' : 'nothing_to_do';
        }
        if (isFinalReservationStatus(r.status) && !found) return 'nothing_to_do';
        if (found) return 'linked';
        await remember(await connector.create(booking));
        return 'created';
      }

      try {
        if (r.status === 'cancelled') {
          await remember(await connector.cancel(mapping.externalId));
          return 'cancelled';
        }
        await remember(await connector.update(mapping.externalId, booking));
        return 'updated';
      } catch (e) {
        // Gone on the platform: nothing left to update or cancel there.
        if (e instanceof PlatformError && e.kind === 'not_found') return 'nothing_to_do';
        throw e;
      }
    },
  };
}
