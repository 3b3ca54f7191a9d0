// TheFork webhooks are thin ({entityType, eventType, uuid, restaurantUuid}) and
// authenticated only by a token in our own URL's query string, compared in
// constant time. The reservation is always re-fetched.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { WebhookEvent, WebhookVerifier } from '../../types.ts';

// Hashing both sides first gives equal lengths, so the comparison leaks nothing, not even the length.
const digest = (s: string) => createHash('sha256').update(s).digest();

export const theforkWebhook: WebhookVerifier = {
  verify(req, secret) {
    const token = req.query.token;
    if (typeof token !== 'string' || token.length === 0) return false;
    return timingSafeEqual(digest(token), digest(secret));
  },
  parse(body) {
    const b = body as { entityType?: unknown; eventType?: unknown; uuid?: unknown } | null;
    if (typeof b?.uuid !== 'string' || typeof b.eventType !== 'string') return [];
    // Customer events change no booking we count.
    if (!/^reservation/i.test(b.eventType) && !/reservation/i.test(String(b.entityType ?? ''))) return [];
    return [{ externalId: b.uuid, eventType: b.eventType, updatedAt: null } satisfies WebhookEvent];
  },
};
