import t from 'tap';
import { demoApi } from './helpers.ts';
import { CustomerAddress, CustomerDetail, CustomerPage, type ErrorBody } from '../../src/contract/index.ts';

t.test('customers', async (t) => {
  const { c, base, prisma, rid } = await demoApi(t);

  await t.test('a phone typed the French way finds the customer', async (t) => {
    const known = await prisma.customer.findFirstOrThrow({ where: { restaurantId: rid, phone: { startsWith: '+336' } }, orderBy: { phone: 'asc' } });
    const national = `0${known.phone.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 '); // "06 12 34 56 78"
    const page = CustomerPage.parse((await c.get(`${base}/customers?q=${encodeURIComponent(national)}`)).body);
    t.same(page.items.map((x) => x.phone), [known.phone], national);

    const all = CustomerPage.parse((await c.get(`${base}/customers`)).body);
    t.equal(all.total, 6);
    const byName = CustomerPage.parse((await c.get(`${base}/customers?q=${encodeURIComponent(known.lastName!.toLowerCase())}`)).body);
    t.ok(byName.items.some((x) => x.id === known.id), 'a lowercase surname matches');
    const fragment = CustomerPage.parse((await c.get(`${base}/customers?q=${national.replace(/ /g, '').slice(0, 6)}`)).body);
    t.ok(fragment.items.some((x) => x.id === known.id), 'the first digits match too');
  });

  await t.test('detail, creation, duplicate phone and editing', async (t) => {
    const withOrders = await prisma.customer.findFirstOrThrow({ where: { restaurantId: rid, orderCount: { gt: 0 } } });
    const detail = CustomerDetail.parse((await c.get(`${base}/customers/${withOrders.id}`)).body);
    t.ok(detail.recentOrders.length > 0 && detail.recentOrders.length <= 10);
    t.ok(detail.addresses.length > 0);
    t.equal(detail.callCount, await prisma.call.count({ where: { customerId: withOrders.id } }));

    const created = await c.post(`${base}/customers`, { phone: '07 11 22 33 44', firstName: 'Nadia', marketingConsent: true });
    t.equal(created.status, 201);
    const nadia = CustomerDetail.parse(created.body);
    t.equal(nadia.phone, '+33711223344');
    t.ok(nadia.consentAt, 'consent is dated');

    const dup = await c.post<ErrorBody>(`${base}/customers`, { phone: '+33 7 11 22 33 44' });
    t.equal(dup.status, 409);
    t.match(dup.body.error.message, /existe déjà/);
    const bad = await c.post<ErrorBody>(`${base}/customers`, { phone: '12' });
    t.equal(bad.status, 400);

    const edited = CustomerDetail.parse((await c.patch(`${base}/customers/${nadia.id}`, {
      lastName: 'Haddad', allergies: ['milk', 'sesame'], marketingConsent: false, blocked: true,
    })).body);
    t.same(edited.allergies, ['milk', 'sesame']);
    t.equal(edited.consentAt, null);
    t.equal(edited.blocked, true);
    const notAllergen = await c.patch<ErrorBody>(`${base}/customers/${nadia.id}`, { allergies: ['strawberries'] });
    t.equal(notAllergen.status, 400);

    const addr = await c.post(`${base}/customers/${nadia.id}/addresses`, { line1: '1 rue Paradis', postcode: '13001', city: 'Marseille' });
    t.equal(addr.status, 201);
    const a = CustomerAddress.parse(addr.body);
    const moved = CustomerAddress.parse((await c.patch(`${base}/customers/${nadia.id}/addresses/${a.id}`, { deliveryInstructions: 'Code 12A' })).body);
    t.equal(moved.deliveryInstructions, 'Code 12A');
    const other = await prisma.customerAddress.findFirstOrThrow({ where: { customer: { restaurantId: rid, NOT: { id: nadia.id } } } });
    t.equal((await c.del(`${base}/customers/${nadia.id}/addresses/${other.id}`)).status, 404, "another customer's address is not reachable");
    t.equal((await c.del(`${base}/customers/${nadia.id}/addresses/${a.id}`)).status, 204);
  });

  await t.test('GDPR erasure keeps orders for the books but forgets the person', async (t) => {
    const victim = await prisma.customer.findFirstOrThrow({
      where: { restaurantId: rid, orders: { some: {} } }, include: { orders: { select: { id: true } }, addresses: { select: { id: true } } },
    });
    t.equal((await c.del(`${base}/customers/${victim.id}`)).status, 204);
    t.equal((await c.get(`${base}/customers/${victim.id}`)).status, 404);
    t.equal(await prisma.customerAddress.count({ where: { id: { in: victim.addresses.map((a) => a.id) } } }), 0, 'addresses are gone');
    const orders = await prisma.order.findMany({ where: { id: { in: victim.orders.map((o) => o.id) } } });
    t.equal(orders.length, victim.orders.length, 'orders remain');
    t.ok(orders.every((o) => o.customerId === null && o.customerPhone === null && o.deliveryLine1 === null));
    t.ok(orders.every((o) => o.totalCents > 0), 'amounts are kept');
    t.equal(await prisma.reservation.count({ where: { customerPhone: victim.phone } }), 0);
    t.equal(await prisma.call.count({ where: { callerNumber: victim.phone } }), 0);
  });
});
