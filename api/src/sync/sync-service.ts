// What the dashboard does with sync: connect a platform (credentials sealed),
// read the outbox and its failures, retry one, read reservations' badges, map
// entities; and what a webhook does at the door: verify, record, answer.
import { randomUUID } from 'node:crypto';
import type { PrismaClient, SyncPlatform, Prisma } from '../generated/prisma/client.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { AppError } from '../errors.ts';
import type { ConnectPlatformRequest, ReservationSyncBadge, SyncOutboxEntry, SyncPlatformView } from '../contract/sync.ts';
import { syncRepository, type OutboxRow } from './sync-repository.ts';
import { platformModule } from './registry.ts';
import { parseMastering } from './mastering.ts';
import { CONFLICT_PREFIX } from './conflict.ts';
import type { WebhookRequest } from './types.ts';

const outboxView = (r: OutboxRow): SyncOutboxEntry => ({
  id: r.id, platform: r.platform, event: r.event, entityType: r.entityType, entityId: r.entityId, status: r.status, attempts: r.attempts,
  lastError: r.lastError, conflict: r.status === 'failed' && (r.lastError?.startsWith(CONFLICT_PREFIX) ?? false),
  nextAttemptAt: r.nextAttemptAt.toISOString(), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
});

export function syncService(prisma: PrismaClient, box: SecretBox) {
  const repo = syncRepository(prisma);

  return {
    async platforms(restaurantId: string): Promise<SyncPlatformView[]> {
      const rows = await repo.listConfigs(restaurantId);
      const counts = await prisma.syncOutbox.groupBy({ by: ['platform', 'status'], where: { restaurantId, status: { in: ['failed', 'pending', 'queued', 'processing'] } }, _count: true });
      const count = (p: SyncPlatform, failed: boolean) => counts.filter((c) => c.platform === p && (c.status === 'failed') === failed).reduce((n, c) => n + c._count, 0);
      return rows.map((c) => ({
        platform: c.platform, externalRestaurantId: c.externalRestaurantId, enabled: c.enabled, mastering: parseMastering(c.mastering),
        hasWebhookSecret: c.webhookSecretEnc !== null, webhookPath: `/api/webhooks/${c.platform}/${restaurantId}`,
        lastPolledAt: c.lastPolledAt?.toISOString() ?? null, lastError: c.lastError, lastErrorAt: c.lastErrorAt?.toISOString() ?? null,
        failedCount: count(c.platform, true), pendingCount: count(c.platform, false),
      }));
    },

    async connect(restaurantId: string, platform: SyncPlatform, req: ConnectPlatformRequest) {
      // An edit that leaves a secret out keeps the saved one: the dashboard never sees secrets to send them back.
      const existing = await repo.config(restaurantId, platform);
      const saved = existing ? (JSON.parse(box.open(existing.credentialsEnc)) as Record<string, string>) : {};
      const given = Object.fromEntries(Object.entries(req.credentials).filter(([, v]) => v !== ''));
      const credentials = { ...saved, ...given };
      const missing = platformModule(platform).credentialFields.filter((f) => f !== 'publisherName' && !credentials[f]);
      if (missing.length) {
        throw new AppError('bad_request', `Identifiants incomplets : ${missing.join(', ')}`, {
          fields: missing.map((f) => ({ path: `credentials.${f}`, message: 'requis' })),
        });
      }
      await repo.upsertConfig(restaurantId, platform, {
        externalRestaurantId: req.externalRestaurantId,
        credentialsEnc: box.seal(JSON.stringify(credentials)),
        webhookSecretEnc: req.webhookSecret ? box.seal(req.webhookSecret) : existing?.webhookSecretEnc ?? null,
        mastering: req.mastering as Prisma.InputJsonValue, enabled: req.enabled,
      });
      const views = await this.platforms(restaurantId);
      return views.find((v) => v.platform === platform)!;
    },

    async outbox(restaurantId: string, status: OutboxRow['status'] | undefined, page: number, pageSize: number) {
      const r = await repo.listOutbox(restaurantId, status, page, pageSize);
      return { items: r.items.map(outboxView), total: r.total, page, pageSize };
    },

    async retry(restaurantId: string, id: string) {
      const n = await repo.retryFailed(restaurantId, id);
      if (n.count === 0) throw new AppError('not_found', "Cet envoi n'existe pas ou n'est pas en échec");
      const row = (await prisma.syncOutbox.findFirst({ where: { id, restaurantId } }))!;
      return outboxView(row);
    },

    async badge(restaurantId: string, reservationId: string): Promise<ReservationSyncBadge> {
      return (await this.badges(restaurantId, [reservationId]))[0]!;
    },

    /** The badges of a page of reservations in three queries; an id not of this restaurant is a 404 for the lot. */
    async badges(restaurantId: string, ids: string[]): Promise<ReservationSyncBadge[]> {
      const wanted = [...new Set(ids)];
      const known = await repo.reservationIds(restaurantId, wanted);
      if (known.length !== wanted.length) throw new AppError('not_found', 'Réservation introuvable');
      const [rows, mappings] = await Promise.all([repo.outboxOfMany(restaurantId, wanted), repo.reservationMappings(restaurantId, wanted)]);
      const rowsOf = new Map<string, OutboxRow[]>();
      for (const r of rows) { const list = rowsOf.get(r.entityId); if (list) list.push(r); else rowsOf.set(r.entityId, [r]); }
      return wanted.map((reservationId) => {
        const mine = rowsOf.get(reservationId) ?? [];
        const platforms = [...new Set(mine.map((x) => x.platform))];
        return {
          reservationId,
          platforms: platforms.map((p) => {
            const theirs = mine.filter((x) => x.platform === p);
            const last = theirs.at(-1)!;
            const mapping = mappings.find((m) => m.localId === reservationId && m.platform === p);
            // A refused slot stays the story of this booking even after the cancellation that followed it.
            const conflict = theirs.some((x) => outboxView(x).conflict);
            const state = conflict ? 'conflict' as const : last.status === 'failed' ? 'failed' as const : last.status === 'done' ? 'synced' as const : 'pending' as const;
            return { platform: p, state, externalId: mapping?.externalId ?? null, lastError: last.lastError };
          }),
        };
      });
    },

    /** One platform entry per entity of ours: mapping it elsewhere replaces the previous one. */
    async map(restaurantId: string, m: { platform: SyncPlatform; entityType: 'service' | 'room' | 'table' | 'offer'; localId: string; externalId: string }) {
      const saved = await prisma.$transaction(async (tx) => {
        await repo.unmapOthers(tx, { restaurantId, ...m });
        return repo.saveMapping(tx, { restaurantId, ...m, externalUpdatedAt: null, rawPayload: { origin: 'mapping' } });
      });
      return { platform: saved.platform, entityType: saved.entityType, localId: saved.localId, externalId: saved.externalId, externalUpdatedAt: null };
    },

    async mappings(restaurantId: string) {
      return (await repo.mappingsOf(restaurantId)).filter((m) => m.entityType !== 'reservation')
        .map((m) => ({ platform: m.platform, entityType: m.entityType, localId: m.localId, externalId: m.externalId, externalUpdatedAt: m.externalUpdatedAt?.toISOString() ?? null }));
    },

    /** Verifies and records a webhook; the sync runtime re-fetches and applies it. */
    async receiveWebhook(restaurantId: string, platform: SyncPlatform, req: WebhookRequest) {
      const cfg = await repo.config(restaurantId, platform);
      // No webhook endpoint exists for a restaurant that has not connected this platform.
      if (!cfg?.enabled || !cfg.webhookSecretEnc) throw new AppError('not_found', 'No webhook here');
      const refuse = () => new AppError('unauthenticated', 'Invalid webhook signature');
      const mod = platformModule(platform);
      if (!mod.webhook.verify(req, box.open(cfg.webhookSecretEnc))) throw refuse();
      let received = 0, duplicates = 0;
      for (const e of mod.webhook.parse(req.body)) {
        const fresh = await repo.recordInbound(prisma, {
          platform, restaurantId, externalId: e.externalId, eventType: e.eventType,
          // Without a platform updated-at the door cannot dedupe; the applied state does.
          externalUpdatedAt: e.updatedAt ?? `received:${randomUUID()}`,
          payload: req.body as Prisma.InputJsonValue,
        });
        if (fresh) received++; else duplicates++;
      }
      return { received, duplicates };
    },
  };
}
