import t from 'tap';
import { demoApi } from './helpers.ts';
import { CallDetail, CallPage, StatsResponse, type ErrorBody } from '../../src/contract/index.ts';

t.test('calls and statistics', async (t) => {
  const { c, base, prisma, rid } = await demoApi(t);

  await t.test('the call list, newest first, with filters', async (t) => {
    const page = CallPage.parse((await c.get(`${base}/calls`)).body);
    t.equal(page.total, await prisma.call.count({ where: { restaurantId: rid } }));
    const starts = page.items.map((x) => x.startedAt);
    t.same(starts, [...starts].sort().reverse());
    const withOrder = page.items.find((x) => x.orderId);
    t.ok(withOrder?.orderNumber, 'the order number is shown');
    t.ok(page.items.every((x) => x.durationSeconds === null || x.durationSeconds >= 0));

    const placed = CallPage.parse((await c.get(`${base}/calls?outcome=order_placed`)).body);
    t.ok(placed.total > 0 && placed.items.every((x) => x.outcome === 'order_placed'));

    const someone = page.items.find((x) => x.callerNumber?.startsWith('+336'))!;
    const national = `0${someone.callerNumber!.slice(3)}`;
    const byNumber = CallPage.parse((await c.get(`${base}/calls?q=${national}`)).body);
    t.ok(byNumber.total > 0 && byNumber.items.every((x) => x.callerNumber === someone.callerNumber));

    const future = CallPage.parse((await c.get(`${base}/calls?from=2999-01-01`)).body);
    t.equal(future.total, 0);
    t.equal((await c.get<ErrorBody>(`${base}/calls?from=2026-02-30`)).status, 400);
  });

  await t.test('a call reads as a conversation with its tool calls', async (t) => {
    const call = await prisma.call.findFirstOrThrow({
      where: { restaurantId: rid, toolInvocations: { some: {} }, order: { isNot: null } }, include: { order: true },
    });
    const res = await c.get(`${base}/calls/${call.id}`);
    t.equal(res.status, 200);
    const d = CallDetail.parse(res.body);
    const turns = await prisma.callTurn.findMany({ where: { callId: call.id }, orderBy: { seq: 'asc' } });
    t.ok(turns.length > 2);
    t.same(d.turns.map((x) => x.text), turns.map((x) => x.text), 'the transcript is in order');
    t.same(d.turns.map((x) => x.seq), [...d.turns.map((x) => x.seq)].sort((a, b) => a - b));
    t.ok(d.tools.length > 0 && d.tools.every((x) => x.name && x.arguments !== undefined));
    t.ok(d.tools.some((x) => x.name === 'create_order'));
    t.equal(d.order?.id, call.order?.id);
    t.equal(d.recordingUrl, null, 'no recording, no link');

    await prisma.call.update({ where: { id: call.id }, data: { recordingPath: 'rec/x.wav' } });
    const withRec = CallDetail.parse((await c.get(`${base}/calls/${call.id}`)).body);
    t.ok(withRec.recordingUrl);
    t.equal((await c.get(`${base}/calls/nope`)).status, 404);
  });

  await t.test('statistics of the last 7 days agree with the database', async (t) => {
    const res = await c.get(`${base}/stats`);
    t.equal(res.status, 200);
    const s = StatsResponse.parse(res.body);
    t.equal(s.series.length, 7);

    const [expected] = await prisma.$queryRaw<{
      calls: number; saved: number; orders: number; revenue: number; reservations: number; covers: number;
    }[]>`
      WITH r AS (SELECT "timeZone" AS tz, id FROM "Restaurant" WHERE id = ${rid}),
      b AS (
        SELECT (((now() AT TIME ZONE tz)::date - 6)::timestamp AT TIME ZONE tz) AS s,
               (((now() AT TIME ZONE tz)::date + 1)::timestamp AT TIME ZONE tz) AS e FROM r
      )
      SELECT
        (SELECT count(*)::int FROM "Call", b WHERE "restaurantId" = ${rid} AND "startedAt" >= b.s AND "startedAt" < b.e AND "answeredAt" IS NOT NULL) AS calls,
        (SELECT count(*)::int FROM "Call", b WHERE "restaurantId" = ${rid} AND "startedAt" >= b.s AND "startedAt" < b.e
           AND "handledBy" = 'agent' AND outcome NOT IN ('missed', 'failed')) AS saved,
        (SELECT count(*)::int FROM "Order", b WHERE "restaurantId" = ${rid} AND "createdAt" >= b.s AND "createdAt" < b.e
           AND status IN ('confirmed', 'preparing', 'ready', 'out_for_delivery', 'completed')) AS orders,
        (SELECT coalesce(sum("totalCents"), 0)::int FROM "Order", b WHERE "restaurantId" = ${rid} AND "createdAt" >= b.s AND "createdAt" < b.e
           AND status IN ('confirmed', 'preparing', 'ready', 'out_for_delivery', 'completed')) AS revenue,
        (SELECT count(*)::int FROM "Reservation", b WHERE "restaurantId" = ${rid} AND "startsAt" >= b.s AND "startsAt" < b.e
           AND status IN ('pending', 'confirmed', 'seated', 'completed')) AS reservations,
        (SELECT coalesce(sum("partySize"), 0)::int FROM "Reservation", b WHERE "restaurantId" = ${rid} AND "startsAt" >= b.s AND "startsAt" < b.e
           AND status IN ('pending', 'confirmed', 'seated', 'completed')) AS covers
    `;
    t.ok(expected && expected.orders > 0 && expected.calls > 0, 'the demo has activity this week');
    t.same(
      { ...s.totals },
      {
        callsAnswered: expected!.calls, missedCallsSaved: expected!.saved, orders: expected!.orders, revenueCents: expected!.revenue,
        averageBasketCents: Math.round(expected!.revenue / expected!.orders),
        commissionSavedCents: Math.round((expected!.revenue * s.platformCommissionBp) / 10_000),
        reservations: expected!.reservations, covers: expected!.covers,
      },
    );
    for (const k of ['callsAnswered', 'orders', 'revenueCents', 'covers'] as const) {
      t.equal(s.series.reduce((sum, b) => sum + b[k], 0), s.totals[k], `the series adds up to the total ${k}`);
    }

    const hourly = StatsResponse.parse((await c.get(`${base}/stats?from=${s.to}&to=${s.to}&granularity=hour`)).body);
    t.ok(hourly.series.length >= 23 && hourly.series.length <= 25);
    t.equal(hourly.totals.orders, s.series.at(-1)?.orders, "today's hours add up to today");

    const tooLong = await c.get<ErrorBody>(`${base}/stats?from=2024-01-01&to=2025-12-31`);
    t.equal(tooLong.status, 400);
    t.equal((await c.get(`${base}/stats?from=2026-05-02&to=2026-05-01`)).status, 400);
  });
});
