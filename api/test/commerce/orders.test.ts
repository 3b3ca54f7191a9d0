import t from 'tap';
import { startTestApi, client } from '../helpers/test-api.ts';
import { demoMenu, openDayAhead } from '../helpers/demo.ts';
import { DEMO_OWNER } from '../../src/seed/demo-seed.ts';
import type { ErrorBody, MeResponse, OrderDetail, OrderQuote } from '../../src/contract/index.ts';

t.test('orders from the dashboard', async (t) => {
  const api = await startTestApi(t);
  const c = client(api.url);
  const me = (await c.post<MeResponse>('/api/auth/login', DEMO_OWNER)).body;
  const rid = me.restaurants[0]!.id;
  const m = await demoMenu(api.db.prisma);
  const margherita = m.item('Margherita');
  const date = openDayAhead(new Date());
  const base = `/api/restaurants/${rid}/orders`;

  const delivery = {
    type: 'delivery' as const,
    lines: [{ itemId: margherita.id, quantity: 2, optionIds: [m.option('Taille', 'Grande').id] }],
    requestedFor: { date, time: '20:00' },
    delivery: { line1: '20 rue de la République', postcode: '13002', city: 'Marseille' },
    customer: { phone: '06 11 22 33 44', firstName: 'Léa', lastName: 'Martin' },
  };

  await t.test('a quote prices options and the delivery zone, and reads back in French', async (t) => {
    const q = await c.post<OrderQuote>(`${base}/quote`, delivery);
    t.equal(q.status, 200);
    const unit = margherita.priceCents + 400;
    t.equal(q.body.subtotalCents, unit * 2);
    t.equal(q.body.deliveryFeeCents, q.body.subtotalCents >= 3500 ? 0 : 250, 'zone Centre: 2,50 €, free from 35 €');
    t.equal(q.body.totalCents, q.body.subtotalCents - q.body.discountCents + q.body.deliveryFeeCents);
    t.equal(q.body.promisedLocalTime, '20:00');
    t.match(q.body.readBack.join(' | '), /2 × Margherita \(Grande\)/);
    t.equal(q.body.delivery?.zoneName.startsWith('Centre'), true);
  });

  await t.test('the same order sent 20 times at once creates one order', async (t) => {
    const body = { ...delivery, idempotencyKey: 'dash-test-0001' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => c.post<OrderDetail>(base, body)));
    const ids = new Set(answers.map((a) => a.body.id));
    t.equal(ids.size, 1, 'one order id for all 20 answers');
    t.same(answers.map((a) => a.status).filter((s) => s === 201), [201], 'one 201, the others 200 replays');
    t.equal(await api.db.prisma.order.count({ where: { idempotencyKey: 'dash-test-0001' } }), 1);
    const order = answers[0]!.body;
    t.equal(order.customerPhone, '+33611223344', 'the phone is stored in E.164');
    t.equal(order.status, 'confirmed', 'a dashboard order is confirmed at once');
    const live = await api.db.prisma.liveEvent.findMany({ where: { restaurantId: rid, type: 'order.created' } });
    t.equal(live.filter((e) => (e.payload as { orderId: string }).orderId === order.id).length, 1, 'one live event for the dashboards');
    const lea = await api.db.prisma.customer.findUniqueOrThrow({ where: { restaurantId_phone: { restaurantId: rid, phone: '+33611223344' } } });
    t.match(lea, { firstName: 'Léa', orderCount: 1, totalSpentCents: order.totalCents }, "the order counts once on Léa's card, replays do not");
    t.ok(Math.abs((lea.lastOrderAt?.getTime() ?? 0) - Date.parse(order.createdAt)) < 5_000, 'her last order is this one');
  });

  await t.test('status changes follow the machine; an illegal one says what is allowed', async (t) => {
    const created = (await c.post<OrderDetail>(base, { ...delivery, idempotencyKey: 'dash-test-0002' })).body;
    const skip = await c.patch<ErrorBody>(`${base}/${created.id}/status`, { status: 'completed' });
    t.equal(skip.status, 409);
    t.same((skip.body.error.details as { allowed: string[] }).allowed, ['preparing', 'cancelled']);
    for (const s of ['preparing', 'ready', 'out_for_delivery', 'completed'] as const) {
      const r = await c.patch<OrderDetail>(`${base}/${created.id}/status`, { status: s });
      t.equal(r.status, 200, `→ ${s}`);
    }
    const reopen = await c.patch<ErrorBody>(`${base}/${created.id}/status`, { status: 'preparing' });
    t.equal(reopen.status, 409, 'a completed order is final');
  });

  await t.test('a pickup order cannot go out for delivery', async (t) => {
    const pickup = (await c.post<OrderDetail>(base, { ...delivery, type: 'pickup', delivery: undefined, idempotencyKey: 'dash-test-0003' })).body;
    t.notOk(pickup.nextStatuses.includes('out_for_delivery'));
  });

  await t.test('bad orders get a French reason, not a 500', async (t) => {
    const far = await c.post<ErrorBody>(`${base}/quote`, { ...delivery, delivery: { line1: '1 cours Mirabeau', postcode: '13100', city: 'Aix-en-Provence' } });
    t.equal(far.status, 422);
    t.equal(far.body.error.code, 'not_deliverable');
    const noSize = await c.post<ErrorBody>(`${base}/quote`, { ...delivery, lines: [{ itemId: margherita.id, quantity: 1, optionIds: [] }] });
    t.equal(noSize.status, 422, 'the required size is missing');
    t.equal(noSize.body.error.code, 'order_invalid');
    const closed = await c.post<ErrorBody>(`${base}/quote`, { ...delivery, requestedFor: { date, time: '16:00' } });
    t.equal(closed.status, 422);
    t.match(closed.body.error.message, /fermé/);
    const malformed = await c.post<ErrorBody>(`${base}/quote`, { type: 'takeaway', lines: [] });
    t.equal(malformed.status, 400);
    t.same((malformed.body.error.details as { fields: Array<{ path: string }> }).fields.map((f) => f.path).sort(), ['lines', 'type']);
  });

  await t.test('lists filter by status', async (t) => {
    const list = await c.get<{ items: OrderDetail[]; total: number }>(`${base}?status=confirmed&pageSize=5`);
    t.equal(list.status, 200);
    t.ok(list.body.items.every((o) => o.status === 'confirmed'));
    t.ok(list.body.items.length <= 5);
  });
});
