// Zenchef webhooks: HMAC-SHA256 of the raw body in `x-zenchef-signature`
// (hex, optionally prefixed "sha256="), compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookEvent, WebhookVerifier } from '../../types.ts';

export function zenchefSignature(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

export const zenchefWebhook: WebhookVerifier = {
  verify(req, secret) {
    const header = req.headers['x-zenchef-signature'];
    const sent = (Array.isArray(header) ? header[0] : header)?.replace(/^sha256=/, '') ?? '';
    if (!req.rawBody || !/^[0-9a-f]{64}$/i.test(sent)) return false;
    const expected = Buffer.from(zenchefSignature(req.rawBody, secret), 'hex');
    return timingSafeEqual(expected, Buffer.from(sent.toLowerCase(), 'hex'));
  },
  parse(body) {
    const b = body as { event?: unknown; type?: unknown; data?: { id?: unknown; updated_at?: unknown } } | null;
    const id = b?.data?.id;
    if (id == null || (typeof id !== 'string' && typeof id !== 'number')) return [];
    const eventType = typeof b?.event === 'string' ? b.event : typeof b?.type === 'string' ? b.type : 'booking.changed';
    return [{ externalId: String(id), eventType, updatedAt: typeof b?.data?.updated_at === 'string' ? b.data.updated_at : null } satisfies WebhookEvent];
  },
};
