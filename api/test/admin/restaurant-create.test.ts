// Creating a restaurant from the admin's form: its field errors and its owner's first login.
import t from 'tap';
import { startTestApi } from '../helpers/test-api.ts';
import { loginAs } from '../operations/helpers.ts';
import { DEMO_ADMIN, DEMO_SLUG } from '../../src/seed/demo-seed.ts';
import { AdminRestaurantCreated, type ErrorBody } from '../../src/contract/index.ts';

t.test('the create form: field errors, the phone in E.164, an owner who can log in', async (t) => {
  const api = await startTestApi(t);
  const { c: admin } = await loginAs(api, DEMO_ADMIN);
  const body = {
    slug: 'trattoria-lucia', name: 'Trattoria Lucia', addressLine1: '8 quai du Port', postcode: '13002', city: 'Marseille',
    timeZone: 'Europe/Paris', phone: '04 91 55 66 77', owner: { email: 'lucia@example.fr', name: 'Lucia Rossi' },
  };
  const fieldsOf = (b: unknown) => ((b as ErrorBody).error.details as { fields: { path: string }[] }).fields.map((f) => f.path);

  await t.test('every bad field is named', async (t) => {
    const res = await admin.post('/api/admin/restaurants', { ...body, slug: 'Pas Un Slug', owner: { email: 'pas-un-email' }, postcode: '' });
    t.equal(res.status, 400);
    t.same(fieldsOf(res.body).sort(), ['owner.email', 'postcode', 'slug']);
  });

  await t.test('a phone that is not one is named too', async (t) => {
    const res = await admin.post('/api/admin/restaurants', { ...body, phone: '12' });
    t.equal(res.status, 400);
    t.same(fieldsOf(res.body), ['phone']);
  });

  await t.test('a slug already taken is an error on the slug', async (t) => {
    const res = await admin.post('/api/admin/restaurants', { ...body, slug: DEMO_SLUG });
    t.equal(res.status, 409);
    t.same(fieldsOf(res.body), ['slug']);
  });

  await t.test('created: the phone is stored in E.164 and the owner logs in with the one-time password', async (t) => {
    const res = await admin.post('/api/admin/restaurants', body);
    t.equal(res.status, 201);
    const created = AdminRestaurantCreated.parse(res.body);
    const row = await api.db.prisma.restaurant.findUniqueOrThrow({ where: { id: created.restaurant.id } });
    t.equal(row.phone, '+33491556677');
    const owner = await loginAs(api, { email: 'lucia@example.fr', password: created.owner.oneTimePassword! });
    t.equal(owner.rid, created.restaurant.id);
  });
});
