// The admin's import wizard on the real API and PostgreSQL: menu files checked
// (with their lines), applied, and menu photos read through a local fake of
// OpenAI's Chat Completions endpoint.
import t from 'tap';
import { startTestApi } from '../helpers/test-api.ts';
import { loginAs, type Client } from '../operations/helpers.ts';
import { DEMO_ADMIN, DEMO_OWNER, DEMO_SLUG } from '../../src/seed/demo-seed.ts';
import { AdminImportOptions, AdminMenuImportResponse, AdminMenuPhotoResponse, type ErrorBody } from '../../src/contract/index.ts';
import { startFakeOpenAi } from './fake-openai.ts';

const KEY = 'sk-test-menu-photo';
// A JPEG's first bytes: the fake does not decode it, the API only passes it on.
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/** POSTs raw bytes as the dashboard does (session cookie + CSRF header). */
async function postImage(base: string, c: Client, path: string, bytes: Buffer, type: string) {
  const csrf = c.jar.get('vo_csrf');
  const res = await fetch(base + path, {
    method: 'POST',
    headers: {
      'content-type': type, cookie: [...c.jar].map(([k, v]) => `${k}=${v}`).join('; '),
      ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}),
    },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

const CSV_OK = [
  'category,name,price,description,allergens,dietary_tags',
  'Antipasti,Burrata crémeuse,"9,50","Tomates anciennes, basilic",milk,vegetarian',
  'Antipasti,Supplì romains,7.00,,gluten|milk|eggs,',
  'Desserts,Tiramisu à la pistache,6,,eggs|milk|gluten,homemade',
].join('\n');

t.test('import wizard: menu files', async (t) => {
  const api = await startTestApi(t);
  const prisma = api.db.prisma;
  const { c: admin } = await loginAs(api, DEMO_ADMIN);
  const { c: owner } = await loginAs(api, DEMO_OWNER);
  const demo = await prisma.restaurant.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
  const path = `/api/admin/restaurants/${demo.id}/menu/import`;
  const item = (name: string) => prisma.menuItem.findFirst({ where: { restaurantId: demo.id, name } });

  await t.test('only platform admins may import', async (t) => {
    t.equal((await owner.post(path, { format: 'csv', text: CSV_OK })).status, 403);
    t.equal((await owner.get('/api/admin/menu-import/options')).status, 403);
  });

  await t.test('the preview (a dry run, by default) lists what would be created and writes nothing', async (t) => {
    const res = await admin.post(path, { format: 'csv', text: CSV_OK });
    t.equal(res.status, 200);
    const r = AdminMenuImportResponse.parse(res.body);
    t.same(r.problems, []);
    t.equal(r.result?.dryRun, true);
    t.same(r.result?.items, { created: 3, updated: 0, unchanged: 0 });
    t.same(r.result?.categories, { created: 1, updated: 0, unchanged: 1 }, 'Desserts exists in the demo, Antipasti does not');
    t.same(r.result?.changes.filter((c) => c.entity === 'item').map((c) => c.name), ['Burrata crémeuse', 'Supplì romains', 'Tiramisu à la pistache']);
    t.equal(await item('Burrata crémeuse'), null);
  });

  await t.test('applying writes the menu; applying again changes nothing', async (t) => {
    const r = AdminMenuImportResponse.parse((await admin.post(path, { format: 'csv', text: CSV_OK, dryRun: false })).body);
    t.equal(r.result?.dryRun, false);
    t.same(r.result?.items, { created: 3, updated: 0, unchanged: 0 });
    const burrata = await item('Burrata crémeuse');
    t.equal(burrata?.priceCents, 950);
    t.same(burrata?.allergens, ['milk']);
    const again = AdminMenuImportResponse.parse((await admin.post(path, { format: 'csv', text: CSV_OK, dryRun: false })).body);
    t.same(again.result?.items, { created: 0, updated: 0, unchanged: 3 });
  });

  await t.test("a file's mistakes come back one per row, with the CSV line, and nothing is written", async (t) => {
    const text = [
      'category;name;price;allergens',
      'Entrées;Focaccia;4,50;gluten',
      'Entrées;Bruschetta;quatre euros;gluten',
      'Entrées;;5;',
      'Entrées;Olives;3;peanut',
    ].join('\n');
    const r = AdminMenuImportResponse.parse((await admin.post(path, { format: 'csv', text, dryRun: false })).body);
    t.equal(r.result, null);
    t.same(r.problems.map((p) => p.line), [3, 4, 5]);
    t.match(r.problems[0]?.message, /the price "quatre euros" is not a price in euros/);
    t.match(r.problems[1]?.message, /the name is empty/);
    t.match(r.problems[2]?.message, /unknown allergen "peanut"/);
    t.equal(await item('Focaccia'), null, 'the valid line is not written either');
  });

  await t.test("rules checked against the restaurant's data point at the CSV line too", async (t) => {
    const text = 'category,name,price,option_groups\nEntrées,Focaccia,"4,50",\nEntrées,Panzerotti,6,Garniture inconnue\n';
    const r = AdminMenuImportResponse.parse((await admin.post(path, { format: 'csv', text })).body);
    t.equal(r.result, null);
    t.equal(r.problems.length, 1);
    t.same({ line: r.problems[0]?.line, where: r.problems[0]?.where, field: r.problems[0]?.field }, { line: 3, where: 'Entrées › Panzerotti', field: 'optionGroups' });
    t.match(r.problems[0]?.message, /Garniture inconnue/);
  });

  await t.test('a JSON file: its problems name the entry they are about', async (t) => {
    const text = JSON.stringify({ categories: [{ name: 'Pizzas', items: [{ name: 'Regina', priceCents: -5 }] }] });
    const r = AdminMenuImportResponse.parse((await admin.post(path, { format: 'json', text })).body);
    t.equal(r.problems.length, 1);
    t.same({ line: r.problems[0]?.line, where: r.problems[0]?.where, field: r.problems[0]?.field }, { line: null, where: 'Pizzas › Regina', field: 'priceCents' });
    const broken = AdminMenuImportResponse.parse((await admin.post(path, { format: 'json', text: '{"categories": [' })).body);
    t.match(broken.problems[0]?.message, /not valid JSON/);
  });

  await t.test('an unknown restaurant is a 404', async (t) => {
    t.equal((await admin.post('/api/admin/restaurants/nope/menu/import', { format: 'csv', text: CSV_OK })).status, 404);
  });

  await t.test('without OPENAI_API_KEY the photo import is off and says what to set', async (t) => {
    t.same(AdminImportOptions.parse((await admin.get('/api/admin/menu-import/options')).body), { photo: { available: false } });
    const res = await postImage(api.url, admin, `/api/admin/restaurants/${demo.id}/menu/photo`, JPEG, 'image/jpeg');
    t.equal(res.status, 409);
    t.equal((res.body as ErrorBody).error.code, 'feature_unavailable');
    t.match((res.body as ErrorBody).error.message, /OPENAI_API_KEY/);
  });
});

t.test('import wizard: a menu photo read by OpenAI (local fake of its API)', async (t) => {
  const fake = await startFakeOpenAi({ apiKey: KEY });
  t.teardown(fake.close);
  const api = await startTestApi(t, { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: fake.baseUrl, OPENAI_MENU_MODEL: 'gpt-4.1-mini' });
  const prisma = api.db.prisma;
  const { c: admin } = await loginAs(api, DEMO_ADMIN);
  const demo = await prisma.restaurant.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
  const photoPath = `/api/admin/restaurants/${demo.id}/menu/photo`;

  await t.test('the options say the photo import is on', async (t) => {
    t.same(AdminImportOptions.parse((await admin.get('/api/admin/menu-import/options')).body), { photo: { available: true } });
  });

  await t.test('the photo is sent as an image input with a strict JSON schema; the answer comes back in the import format', async (t) => {
    fake.answerWith({
      kind: 'menu',
      content: {
        categories: [
          { name: 'Pâtes', items: [
            { name: 'Linguine alle vongole', priceCents: 1690, description: 'Palourdes, ail, persil', allergens: ['molluscs', 'gluten'], dietaryTags: [] },
            { name: 'Penne arrabbiata', priceCents: null, description: null, allergens: ['gluten'], dietaryTags: ['spicy', 'vegetarian'] },
          ] },
          { name: 'Boissons', items: [] },
        ],
      },
    });
    const res = await postImage(api.url, admin, photoPath, JPEG, 'image/jpeg');
    t.equal(res.status, 200, JSON.stringify(res.body));
    const r = AdminMenuPhotoResponse.parse(res.body);
    t.equal(r.model, 'gpt-4.1-mini');
    t.same(r.menu.categories.map((c) => c.name), ['Pâtes'], 'an empty category is dropped');
    t.equal(r.menu.categories[0]?.items[1]?.priceCents, null, 'an unreadable price stays empty for the admin to fill in');

    const sent = fake.requests.at(-1);
    t.equal(sent?.authorization, `Bearer ${KEY}`);
    t.equal(sent?.body.model, 'gpt-4.1-mini');
    const format = sent?.body.response_format as { type: string; json_schema: { strict: boolean; schema: { required: string[] } } };
    t.equal(format.type, 'json_schema');
    t.equal(format.json_schema.strict, true);
    t.same(format.json_schema.schema.required, ['categories']);
    const messages = sent?.body.messages as { role: string; content: unknown }[];
    const image = (messages[1]?.content as { type: string; image_url?: { url: string } }[]).find((p) => p.type === 'image_url');
    t.equal(image?.image_url?.url, `data:image/jpeg;base64,${JPEG.toString('base64')}`, 'the photo itself, as a data URL');

    // The wizard's next step: the proposal, as JSON, through the same dry run. The missing price is a problem of that dish.
    const check = AdminMenuImportResponse.parse((await admin.post(`/api/admin/restaurants/${demo.id}/menu/import`, {
      format: 'json', text: JSON.stringify(r.menu),
    })).body);
    t.same(check.problems.map((p) => [p.where, p.field]), [['Pâtes › Penne arrabbiata', 'priceCents']]);
  });

  await t.test("OpenAI's refusals and errors reach the admin as a reason", async (t) => {
    fake.answerWith({ kind: 'refusal', refusal: "I can't help with that." });
    let res = await postImage(api.url, admin, photoPath, JPEG, 'image/png');
    t.equal(res.status, 422);
    t.match((res.body as ErrorBody).error.message, /refusé de lire la photo/);

    fake.answerWith({ kind: 'error', status: 401, message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' });
    res = await postImage(api.url, admin, photoPath, JPEG, 'image/jpeg');
    t.equal(res.status, 422);
    t.equal((res.body as ErrorBody).error.code, 'photo_unreadable');
    t.match((res.body as ErrorBody).error.message, /OPENAI_API_KEY est refusée/);
  });

  await t.test('a file that is not an image is refused before OpenAI is called', async (t) => {
    const before = fake.requests.length;
    const res = await postImage(api.url, admin, photoPath, Buffer.from('%PDF-1.7'), 'application/pdf');
    t.equal(res.status, 400);
    t.match((res.body as ErrorBody).error.message, /image\/jpeg/);
    t.equal(fake.requests.length, before);
  });
});
