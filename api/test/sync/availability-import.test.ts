// Covers import: a slot a platform closes or narrows stops being offered here
// (availability route and the agent's check_availability), opens again with
// it, and never double counts the platform's bookings already in ExternalLoad.
import t from 'tap';
import { startSyncWorld, waitFor, ZENCHEF } from './setup.ts';
import { openDayAhead } from '../helpers/demo.ts';
import { minutesOf, wallClockToUtc } from '../../src/domain/calendar.ts';
import { client } from '../helpers/test-api.ts';
import { createServiceToken } from '../helpers/tokens.ts';
import type { ToolCallResponse } from '../../src/contract/index.ts';

t.test('platform availability import', async (t) => {
  const w = await startSyncWorld(t, 'availability', { platforms: ['zenchef', 'thefork'], env: { SYNC_AVAILABILITY_INTERVAL_MS: '250' } });
  const { c, rid, zenchef, thefork, prisma, api } = w;
  const date = openDayAhead(new Date(), 4);
  const at = (time: string) => wallClockToUtc(date, minutesOf(time), 'Europe/Paris');
  const row = (platform: 'zenchef' | 'thefork', time: string) =>
    prisma.externalLoad.findUnique({ where: { restaurantId_platform_slotStart: { restaurantId: rid, platform, slotStart: at(time) } } });
  const slot = async (time: string, partySize: number) => {
    const r = await c.get<{ services: Array<{ slots: Array<{ localTime: string; available: boolean; reason?: string }> }> }>(`/api/restaurants/${rid}/availability/reservations?date=${date}&partySize=${partySize}`);
    return r.body.services.flatMap((s) => s.slots).find((s) => s.localTime === time)!;
  };
  const controller = client(api.url, { bearer: await createServiceToken(prisma, null) });
  const session = await controller.post<{ callId: string }>('/api/agent/sessions', { did: '04 91 00 00 00', callerNumber: '+33611220000', channelId: 'chan-availability' });
  let toolCall = 0;
  const agentCheck = async (time: string, partySize: number) => {
    const r = await controller.post<ToolCallResponse>(`/api/agent/calls/${session.body.callId}/tools/check_availability`, {
      toolCallId: `check-${++toolCall}`, arguments: JSON.stringify({ kind: 'reservation', date, time, party_size: partySize }),
    });
    return JSON.parse(r.body.output) as { ok: boolean; data: { available: boolean; alternatives?: Array<{ time: string }> } };
  };

  await t.test('a slot Zenchef marks full is not offered here; reopened, it is offered again', async (t) => {
    t.equal((await slot('20:00', 2)).available, true, 'open before');
    zenchef.fill(date, '20:00');
    await waitFor('limit imported', async () => (await row('zenchef', '20:00'))?.maxGuests === 0);
    const s = await slot('20:00', 2);
    t.equal(s.available, false, 'the availability route stops offering it');
    t.equal(s.reason, 'slot_full');
    const agent = await agentCheck('20:00', 2);
    t.equal(agent.data.available, false, "the agent's check_availability says no");
    t.notOk(agent.data.alternatives?.some((a) => a.time === '20:00'), 'and does not offer it back');
    t.equal((await slot('20:15', 2)).available, true, 'the next slot is untouched');

    zenchef.reopen(date, '20:00');
    await waitFor('limit lifted', async () => (await row('zenchef', '20:00'))?.maxGuests === null);
    t.equal((await slot('20:00', 2)).available, true, 'offered again');
    t.equal((await agentCheck('20:00', 2)).data.available, true);
  });

  await t.test('a slot narrowed on Zenchef takes the parties that still fit there', async (t) => {
    zenchef.narrow(date, '19:30', 3);
    await waitFor('narrowed limit', async () => (await row('zenchef', '19:30'))?.maxGuests === 3);
    t.equal((await slot('19:30', 4)).available, false, 'four no longer fit');
    t.equal((await slot('19:30', 3)).available, true, 'three still do');
    zenchef.reopen(date, '19:30');
    await waitFor('limit lifted', async () => (await row('zenchef', '19:30'))?.maxGuests === null);
    t.equal((await slot('19:30', 4)).available, true);
  });

  await t.test('a TheFork slot that refuses the party is not offered for it', async (t) => {
    thefork.fill(`${date}T21:00`);
    await waitFor('TheFork limit', async () => (await row('thefork', '21:00'))?.maxGuests === 1);
    t.equal((await slot('21:00', 2)).available, false);
    t.equal((await agentCheck('21:00', 4)).data.available, false);
    thefork.reopen(`${date}T21:00`);
    await waitFor('limit lifted', async () => (await row('thefork', '21:00'))?.maxGuests === null);
    t.equal((await slot('21:00', 2)).available, true);
  });

  await t.test("the platform's bookings are counted once, whatever its availability says", async (t) => {
    const b = zenchef.book({ day: date, time: '19:45', nb_guests: 6 });
    await zenchef.webhook(`${api.url}/api/webhooks/zenchef/${rid}`, 'booking.created', b);
    await waitFor('booking counted', async () => (await row('zenchef', '19:45'))?.covers === 6);
    // Zenchef's own view of that slot now reflects the booking too: only two more fit there.
    zenchef.narrow(date, '19:45', 2);
    await waitFor('narrowed', async () => (await row('zenchef', '19:45'))?.maxGuests === 2);
    const since = new Date();
    await waitFor('another import round', async () => ((await row('zenchef', '19:45'))?.checkedAt ?? new Date(0)) > since);
    t.match(await row('zenchef', '19:45'), { covers: 6, reservations: 1, maxGuests: 2 }, 'covers unchanged by the import, the limit beside them');
    t.equal((await slot('19:45', 2)).available, true, '6 booked + 2 fit under the 20 per slot and the platform limit');
    t.equal((await slot('19:45', 3)).available, false, 'the platform limit, not a double count, refuses three');
    const cancelled = zenchef.change(b.id, { status: 'canceled' });
    await zenchef.webhook(`${api.url}/api/webhooks/zenchef/${rid}`, 'booking.canceled', cancelled);
    await waitFor('released', async () => (await row('zenchef', '19:45'))?.covers === 0);
    t.equal((await row('zenchef', '19:45'))?.maxGuests, 2, 'the inbound sync leaves the limit to the import');
    zenchef.reopen(date, '19:45');
  });

  await t.test('a platform that fails keeps its last limits and says so; one switched off closes nothing', async (t) => {
    zenchef.fill(date, '21:15');
    await waitFor('limit imported', async () => (await row('zenchef', '21:15'))?.maxGuests === 0);
    const since = new Date();
    zenchef.inject(/availabilities/, { kind: 'status', status: 503 }, 1000);
    await waitFor('failure recorded', async () => {
      const cfg = await prisma.syncPlatformConfig.findFirst({ where: { restaurantId: rid, platform: 'zenchef', lastErrorAt: { gt: since } } });
      return cfg?.lastError?.startsWith('Disponibilités') ?? false;
    });
    t.equal((await row('zenchef', '21:15'))?.maxGuests, 0, 'the last known limit stays while Zenchef is down');
    zenchef.clearFaults();

    const off = await c.put(`/api/restaurants/${rid}/sync/platforms/zenchef`, { externalRestaurantId: ZENCHEF.restaurantId, credentials: {}, enabled: false });
    t.equal(off.status, 200);
    await waitFor('limits dropped', async () => (await prisma.externalLoad.count({ where: { restaurantId: rid, platform: 'zenchef', maxGuests: { not: null } } })) === 0);
    t.equal((await slot('21:15', 2)).available, true, 'a disconnected platform no longer closes our slots');
  });
});
