import t from 'tap';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApi } from '../../api/test/helpers/test-api.ts';
import { createServiceToken } from '../../api/test/helpers/tokens.ts';
import { DEMO_SLUG } from '../../api/src/seed/demo-seed.ts';
import { loadCliConfig } from '../src/config.ts';
import { runCli } from '../src/program.ts';
import { parseCsv } from '../../api/src/menu-file/csv.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'menu');
const CSV = path.join(FIXTURES, 'menu.csv');
const JSON_FILE = path.join(FIXTURES, 'menu.json');

t.test('parseCsv: quoted delimiters, doubled quotes, line breaks in a field, semicolons', async (t) => {
  t.same(parseCsv('a,b\r\n"x, y","say ""hi"""\n\n"multi\nline",z'), [
    { line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x, y', 'say "hi"'] }, { line: 4, fields: ['multi\nline', 'z'] },
  ]);
  t.same(parseCsv('a;b\n1,50;"c;d"').map((r) => r.fields), [['a', 'b'], ['1,50', 'c;d']]);
  t.throws(() => parseCsv('a,b\n"open,b'), /line 2: a quoted field is never closed/);
});

t.test('voiceorder restaurant import against the real API', async (t) => {
  const api = await startTestApi(t);
  const prisma = api.db.prisma;
  const demo = await prisma.restaurant.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
  const config = loadCliConfig({ VOICEORDER_API_URL: api.url, VOICEORDER_API_TOKEN: await createServiceToken(prisma, demo.id, 'cli') });
  const dir = await mkdtemp(path.join(tmpdir(), 'vo-import-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const cli = async (cfg: typeof config, ...argv: string[]) => {
    const out: string[] = [], err: string[] = [];
    let failed = false;
    await runCli(argv, cfg, { out: (l) => out.push(l), err: (l) => err.push(l), fail: () => { failed = true; } });
    return { out: out.join('\n'), err: err.join('\n'), failed };
  };
  const importFile = (file: string, ...more: string[]) => cli(config, 'restaurant', 'import', file, '--restaurant', DEMO_SLUG, ...more);
  const item = (name: string) => prisma.menuItem.findFirst({ where: { restaurantId: demo.id, name }, include: { optionGroups: { include: { group: true } } } });

  await t.test('--help documents the CSV format', async (t) => {
    const help = await cli(config, 'restaurant', 'import', '--help');
    t.match(help.out, /category,name,price,description,allergens,dietary_tags,option_groups/);
    t.match(help.out, /gluten, crustaceans/);
  });

  await t.test('--dry-run tells what would change and writes nothing', async (t) => {
    const r = await importFile(CSV, '--dry-run');
    t.notOk(r.failed, r.err);
    t.match(r.out, /Dry run: nothing was written/);
    t.match(r.out, /categories\s+1 created, 0 updated, 1 unchanged/);
    t.match(r.out, /items\s+3 created, 0 updated, 0 unchanged/);
    t.equal(await item('Salade Caprese'), null);
  });

  await t.test('a CSV import creates the items, with quoted fields, comma prices and option groups', async (t) => {
    const r = await importFile(CSV);
    t.notOk(r.failed, r.err);
    t.match(r.out, /items\s+3 created/);
    const caprese = await item('Salade Caprese');
    t.equal(caprese?.priceCents, 1150);
    t.equal(caprese?.description, 'Tomates, mozzarella, basilic "maison"');
    t.same(caprese?.allergens, ['milk']);
    const chevre = await item('Salade de chèvre chaud');
    t.equal(chevre?.priceCents, 1290);
    t.equal(chevre?.description, 'Chèvre chaud sur toast,\nmiel et noix');
    t.same(chevre?.dietaryTags, ['vegetarian', 'homemade']);
    const chef = await item('Pizza du chef');
    t.equal(chef?.priceCents, 1400);
    t.same(chef?.optionGroups.map((g) => g.group.name), ['Taille', 'Suppléments']);
  });

  await t.test('importing the same CSV again changes nothing', async (t) => {
    const before = await item('Salade Caprese');
    const audits = await prisma.auditLog.count({ where: { restaurantId: demo.id } });
    const r = await importFile(CSV);
    t.notOk(r.failed, r.err);
    t.match(r.out, /categories\s+0 created, 0 updated, 2 unchanged/);
    t.match(r.out, /items\s+0 created, 0 updated, 3 unchanged/);
    t.same((await item('Salade Caprese'))?.updatedAt, before?.updatedAt);
    t.equal(await prisma.auditLog.count({ where: { restaurantId: demo.id } }), audits, 'no audit entry for a no-op');
  });

  await t.test('a changed price is one update, named with its field', async (t) => {
    const changed = path.join(dir, 'changed.csv');
    await writeFile(changed, (await readFile(CSV, 'utf8')).replace('"11,50"', '12.00'));
    const r = await importFile(changed);
    t.match(r.out, /items\s+0 created, 1 updated, 2 unchanged/);
    t.match(r.out, /~ item "Salade Caprese" \(priceCents\)/);
    t.equal((await item('Salade Caprese'))?.priceCents, 1200);
  });

  await t.test('a JSON import defines option groups too, and is idempotent', async (t) => {
    const first = await importFile(JSON_FILE);
    t.notOk(first.failed, first.err);
    t.match(first.out, /option groups\s+1 created/);
    t.match(first.out, /items\s+2 created/);
    const steak = await item('Entrecôte 300 g');
    t.equal(steak?.priceCents, 2450);
    t.same(steak?.optionGroups.map((g) => g.group.name), ['Cuisson']);
    const cuisson = await prisma.optionGroup.findFirst({ where: { restaurantId: demo.id, name: 'Cuisson' }, include: { options: { orderBy: { sortOrder: 'asc' } } } });
    t.same(cuisson?.options.map((o) => o.name), ['Saignant', 'À point', 'Bien cuit']);
    t.equal(cuisson?.required, true);
    const again = await importFile(JSON_FILE);
    t.match(again.out, /categories\s+0 created, 0 updated, 1 unchanged/);
    t.match(again.out, /option groups\s+0 created, 0 updated, 1 unchanged/);
    t.match(again.out, /items\s+0 created, 0 updated, 2 unchanged/);
  });

  await t.test('a bad price is refused with its line, and nothing is written', async (t) => {
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, 'category,name,price\nDesserts,Tiramisu du jour,"6,50"\nDesserts,Panna cotta,douze euros\n');
    const r = await importFile(bad);
    t.ok(r.failed);
    t.match(r.err, /line 3: the price "douze euros" is not a price in euros/);
    t.equal(await item('Tiramisu du jour'), null);
  });

  await t.test("the API's field errors come back as CSV lines", async (t) => {
    const bad = path.join(dir, 'unknown-group.csv');
    await writeFile(bad, 'category,name,price,option_groups\nDesserts,Affogato,5,Parfums\nDesserts,Profiteroles,7,Nappage\n');
    const r = await importFile(bad);
    t.ok(r.failed);
    t.match(r.err, /400 .*line 3 \(optionGroups\).*Nappage/);
    t.equal(await item('Affogato'), null, 'one transaction: the valid line is not written either');
  });

  await t.test("another restaurant's cli token cannot import into this one", async (t) => {
    const other = await prisma.restaurant.create({ data: { slug: 'chez-autrui', name: 'Chez Autrui', addressLine1: '3 rue Neuve', postcode: '69001', city: 'Lyon' } });
    const foreign = await createServiceToken(prisma, other.id, 'cli');
    const viaCli = await cli({ ...config, apiToken: foreign }, 'restaurant', 'import', CSV, '--restaurant', DEMO_SLUG);
    t.ok(viaCli.failed);
    t.match(viaCli.err, /no restaurant "pizzeria-bella-marseille" for this token/);
    const res = await fetch(`${api.url}/api/provisioning/restaurants/${demo.id}/menu/import`, {
      method: 'POST', headers: { authorization: `Bearer ${foreign}`, 'content-type': 'application/json' },
      body: await readFile(JSON_FILE, 'utf8'),
    });
    t.equal(res.status, 404);
    const controller = await createServiceToken(prisma, demo.id, 'controller');
    const asController = await fetch(`${api.url}/api/provisioning/restaurants/${demo.id}/menu/import`, {
      method: 'POST', headers: { authorization: `Bearer ${controller}`, 'content-type': 'application/json' },
      body: await readFile(JSON_FILE, 'utf8'),
    });
    t.equal(asController.status, 403, 'the controller token may not change the menu');
  });
});
