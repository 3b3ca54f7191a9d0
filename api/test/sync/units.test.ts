// Pure pieces: backoff with jitter and Retry-After, status maps, final statuses, TheFork token reuse,
// platform limits from availability, and what a correction compares.
import t from 'tap';
import { backoffDelay } from '../../src/sync/backoff.ts';
import { PlatformError } from '../../src/sync/types.ts';
import { mergeStatus, theforkStatus, ZENCHEF_TO_LOCAL, LOCAL_TO_ZENCHEF } from '../../src/sync/status-maps.ts';
import { theforkTokens } from '../../src/sync/connectors/thefork/token.ts';
import { startFakeTheFork } from '../fakes/thefork-server.ts';
import { platformLimits } from '../../src/sync/availability-import.ts';
import { zenchefDiffers } from '../../src/sync/connectors/zenchef/mapping.ts';
import { theforkDiffers } from '../../src/sync/connectors/thefork/mapping.ts';
import type { ExternalReservation, LocalBooking, SlotAvailability } from '../../src/sync/types.ts';

t.test('backoff grows, jitters, and never undercuts Retry-After', async (t) => {
  const d = [1, 2, 3, 4, 5].map((n) => backoffDelay(n, 100, 60_000));
  d.forEach((ms, i) => t.ok(ms >= 50 * 2 ** i && ms <= 100 * 2 ** i, `attempt ${i + 1}: ${ms} ms`));
  t.ok(backoffDelay(1, 100, 60_000, new PlatformError('rate_limited', '429', { retryAfterMs: 5000 })) >= 5000);
  t.ok(backoffDelay(20, 100, 1000) <= 1000, 'capped');
});

t.test('status maps both ways; a final status is never reopened', async (t) => {
  t.equal(ZENCHEF_TO_LOCAL.no_shown, 'no_show');
  t.equal(ZENCHEF_TO_LOCAL.over, 'completed');
  t.equal(LOCAL_TO_ZENCHEF.cancelled, 'canceled');
  t.equal(theforkStatus('RECORDED', null), 'confirmed');
  t.equal(theforkStatus('RECORDED', 'SEATED'), 'seated');
  t.equal(theforkStatus('RECORDED', 'LEFT'), 'completed');
  t.equal(theforkStatus('REFUSED', null), 'cancelled');
  t.equal(theforkStatus('MYSTERY', null), undefined);
  t.equal(mergeStatus('cancelled', 'confirmed'), 'cancelled');
  t.equal(mergeStatus('no_show', 'seated'), 'no_show');
  t.equal(mergeStatus('pending', 'confirmed'), 'confirmed');
});

t.test('the TheFork token is asked once and reused until it expires', async (t) => {
  const fake = startFakeTheFork({ clientId: 'id', clientSecret: 'secret', restaurantUuid: 'r' });
  const url = await fake.listen();
  t.teardown(() => fake.close());
  let stored: { token: string; expiresAt: Date } | null = null;
  const settings = {
    externalRestaurantId: 'r', credentials: { clientId: 'id', clientSecret: 'secret' }, timeZone: 'Europe/Paris',
    baseUrls: { zenchef: url, thefork: url, theforkAuth: url }, timeoutMs: 1000,
    tokens: { get: async () => stored, set: async (token: string, expiresAt: Date) => { stored = { token, expiresAt }; } },
  };
  const a = theforkTokens(settings);
  const tokens = await Promise.all([a.token(), a.token(), a.token()]);
  t.equal(new Set(tokens).size, 1);
  t.equal(fake.tokenRequests, 1, 'concurrent callers share one request');
  t.ok(stored!.expiresAt.getTime() - Date.now() > 8000 * 1000, 'kept for its 8,600 s');
  t.equal(await theforkTokens(settings).token(), tokens[0], 'a new process reuses the stored token');
  t.equal(fake.tokenRequests, 1);
  stored = { token: stored!.token, expiresAt: new Date(Date.now() + 1000) };
  await theforkTokens(settings).token();
  t.equal(fake.tokenRequests, 2, 'renewed when about to expire');
});

t.test('platform limits: full and narrowed slots, never the usual ceiling', async (t) => {
  const zc = (time: string, guests: number[], shut = false): SlotAvailability =>
    ({ day: '2030-01-10', time, possibleGuests: shut ? [] : guests, available: !shut && guests.includes(2), maxGuests: shut ? 0 : Math.max(0, ...guests) });
  const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  t.same(platformLimits([zc('19:00', upTo(8)), zc('19:15', upTo(8), true), zc('19:30', upTo(3)), zc('19:45', [1])]), [
    { day: '2030-01-10', time: '19:15', maxGuests: 0 },
    { day: '2030-01-10', time: '19:30', maxGuests: 3 },
    { day: '2030-01-10', time: '19:45', maxGuests: 1 },
  ], 'the widget ceiling of 8 is not a limit; full, narrowed and too-small slots are');
  t.same(platformLimits([zc('19:00', upTo(4)), zc('19:15', upTo(4))]), [], 'a window with one ceiling everywhere limits nothing');
  const tf = (time: string, available: boolean): SlotAvailability => ({ day: '2030-01-10', time, available, possibleGuests: available ? [2] : [], maxGuests: available ? null : 1 });
  t.same(platformLimits([tf('20:00', true), tf('20:15', false)]), [{ day: '2030-01-10', time: '20:15', maxGuests: 1 }], 'TheFork: a refused party only');
  t.same(platformLimits([tf('20:00', false)]), [{ day: '2030-01-10', time: '20:00', maxGuests: 1 }], 'even when every slot refuses it');
});

t.test('a correction compares only what the platform lets us write', async (t) => {
  const ours: LocalBooking = { reservationId: 'r1', tag: '[VO:r1]', day: '2030-01-10', time: '19:30', partySize: 2, status: 'pending', firstName: 'Léa', lastName: 'Martin', phone: null, email: null, notes: null };
  const seen = (patch: Partial<ExternalReservation>): ExternalReservation => ({
    externalId: 'x', updatedAt: '2030-01-01T00:00:00Z', day: '2030-01-10', time: '19:30', partySize: 2, status: 'pending', platformStatus: 'waiting', name: 'Léa Martin', phone: null, note: '[VO:r1]', serviceExternalId: null, ...patch,
  });
  t.notOk(zenchefDiffers(ours, seen({})), 'Zenchef shows ours');
  t.ok(zenchefDiffers(ours, seen({ partySize: 4 })), 'covers changed there');
  t.ok(zenchefDiffers(ours, seen({ time: '20:00' })), 'time changed there');
  t.ok(zenchefDiffers(ours, seen({ status: 'confirmed' })), 'Zenchef takes a status: it can be written back');
  t.notOk(theforkDiffers(ours, seen({ status: 'confirmed', platformStatus: 'RECORDED' })), 'TheFork records every booking: not a difference we could write');
  t.ok(theforkDiffers(ours, seen({ status: 'cancelled' })), 'a cancellation is');
  t.ok(theforkDiffers(ours, seen({ partySize: 3 })));
});
