import t from 'tap';
import { demoApi, loginAs } from './helpers.ts';
import { AdminRestaurant, AdminRestaurantCreated, AdminRestaurantPage, CustomerDetail, type ErrorBody } from '../../src/contract/index.ts';
import { DEMO_ADMIN } from '../../src/seed/demo-seed.ts';

t.test('platform administration and tenancy', async (t) => {
  const { api, c: owner, base, rid } = await demoApi(t);
  const { c: admin } = await loginAs(api, DEMO_ADMIN);

  await t.test('only platform admins reach /admin', async (t) => {
    t.equal((await owner.get('/api/admin/restaurants')).status, 403);
    t.equal((await owner.post('/api/admin/restaurants', {})).status, 403);
    const res = await admin.get('/api/admin/restaurants');
    t.equal(res.status, 200);
    const page = AdminRestaurantPage.parse(res.body);
    const demo = page.items.find((r) => r.id === rid);
    t.ok(demo, 'the demo restaurant is listed');
    t.ok(demo!.todayOrders > 0, "today's orders are counted");
    t.equal(demo!.activePhoneLines, 2);
    t.equal(demo!.suspendedAt, null);
  });

  let otherId = '';
  await t.test('creating a restaurant for a new owner and for an existing one', async (t) => {
    const body = {
      slug: 'chez-nadia', name: 'Chez Nadia', addressLine1: '3 rue Sainte', postcode: '13001', city: 'Marseille',
      owner: { email: 'Nadia@Example.fr', name: 'Nadia' },
    };
    const res = await admin.post('/api/admin/restaurants', body);
    t.equal(res.status, 201);
    const created = AdminRestaurantCreated.parse(res.body);
    otherId = created.restaurant.id;
    t.equal(created.owner.created, true);
    t.equal(created.owner.email, 'nadia@example.fr');
    t.ok(created.owner.oneTimePassword && created.owner.oneTimePassword.length >= 12);
    const nadia = await loginAs(api, { email: 'nadia@example.fr', password: created.owner.oneTimePassword! });
    t.equal(nadia.rid, otherId, 'the new owner logs in with the one-time password');

    t.equal((await admin.post<ErrorBody>('/api/admin/restaurants', body)).status, 409, 'slug taken');
    const second = AdminRestaurantCreated.parse((await admin.post('/api/admin/restaurants', {
      ...body, slug: 'chez-nadia-2', owner: { email: 'demo@voiceorder.local' },
    })).body);
    t.equal(second.owner.created, false);
    t.notOk(second.owner.oneTimePassword, 'no password for an existing account');
    t.equal((await admin.post('/api/admin/restaurants', { ...body, slug: 'x', timeZone: 'Mars/Olympus' })).status, 400);
  });

  await t.test("another restaurant's customer id under the demo path is not found", async (t) => {
    const foreign = await admin.post(`/api/restaurants/${otherId}/customers`, { phone: '06 99 88 77 66', firstName: 'Ailleurs' });
    t.equal(foreign.status, 201);
    const id = CustomerDetail.parse(foreign.body).id;
    t.equal((await owner.get(`${base}/customers/${id}`)).status, 404);
    t.equal((await owner.patch(`${base}/customers/${id}`, { firstName: 'Volé' })).status, 404);
    t.equal((await owner.del(`${base}/customers/${id}`)).status, 404);
    t.equal((await owner.get(`/api/restaurants/${otherId}/customers`)).status, 404, 'nor the foreign restaurant itself');
    t.equal((await admin.get(`/api/restaurants/${otherId}/customers/${id}`)).status, 200);
  });

  await t.test('suspending and reinstating', async (t) => {
    const res = await admin.patch(`/api/admin/restaurants/${otherId}`, { suspended: true });
    t.equal(res.status, 200);
    t.ok(AdminRestaurant.parse(res.body).suspendedAt);
    t.equal((await owner.patch(`/api/admin/restaurants/${otherId}`, { suspended: false })).status, 403);
    const back = AdminRestaurant.parse((await admin.patch(`/api/admin/restaurants/${otherId}`, { suspended: false })).body);
    t.equal(back.suspendedAt, null);
    t.equal((await admin.patch('/api/admin/restaurants/nope', { suspended: true })).status, 404);
  });
});
