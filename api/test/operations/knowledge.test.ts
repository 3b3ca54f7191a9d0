import t from 'tap';
import { demoApi, loginAs } from './helpers.ts';
import { CallbackMessage, CallbackMessagePage, FaqEntry, FaqPage, type ErrorBody } from '../../src/contract/index.ts';
import { normalizeQuestion } from '../../src/services/operations/faq-key.ts';

t.test('FAQ and callback messages', async (t) => {
  const { c, base, prisma, api, rid } = await demoApi(t);

  await t.test('the questions the agent could not answer come first, most asked first', async (t) => {
    const res = await c.get(`${base}/faq`);
    t.equal(res.status, 200);
    const page = FaqPage.parse(res.body);
    t.equal(page.total, 7);
    t.same(page.items.map((f) => f.status), ['open', 'open', 'answered', 'answered', 'answered', 'answered', 'answered']);
    t.equal(page.items[0]?.question, 'Faites-vous des pizzas sans lactose ?', 'asked 3 times, before the one asked twice');
    const answered = page.items.slice(2).map((f) => f.timesAsked);
    t.same(answered, [...answered].sort((a, b) => b - a));

    const open = FaqPage.parse((await c.get(`${base}/faq?status=open&pageSize=1&page=2`)).body);
    t.equal(open.total, 2);
    t.same(open.items.map((f) => f.question), ['Peut-on privatiser la terrasse pour un anniversaire ?']);
  });

  await t.test('answering an open question', async (t) => {
    const open = FaqPage.parse((await c.get(`${base}/faq?status=open`)).body).items[0]!;
    const res = await c.patch(`${base}/faq/${open.id}`, { answer: 'Oui, avec une pâte sans lactose sur demande.' });
    t.equal(res.status, 200);
    const faq = FaqEntry.parse(res.body);
    t.equal(faq.status, 'answered');
    t.ok(faq.answeredAt);
    const after = FaqPage.parse((await c.get(`${base}/faq?status=open`)).body);
    t.equal(after.total, 1, 'no longer open');
    const events = await prisma.liveEvent.findMany({ where: { restaurantId: rid, type: 'faq.updated' } });
    t.ok(events.some((e) => (e.payload as { id?: string }).id === open.id), 'the dashboard hears about it');

    const dismissed = FaqEntry.parse((await c.patch(`${base}/faq/${after.items[0]!.id}`, { status: 'dismissed' })).body);
    t.equal(dismissed.status, 'dismissed');
    const bad = await c.patch<ErrorBody>(`${base}/faq/${after.items[0]!.id}`, { status: 'answered' });
    t.equal(bad.status, 400, 'answered without an answer');
  });

  await t.test('a manual entry, and the same question twice is a conflict', async (t) => {
    const created = await c.post(`${base}/faq`, { question: 'Faites-vous des glaces maison ?', answer: 'Oui, en été.' });
    t.equal(created.status, 201);
    const faq = FaqEntry.parse(created.body);
    t.equal(faq.source, 'manual');
    t.equal(faq.status, 'answered');
    t.equal(faq.normalizedKey, normalizeQuestion('Faites-vous des glaces maison ?'));
    t.ok(await prisma.liveEvent.findFirst({ where: { restaurantId: rid, type: 'faq.created' } }));

    const dup = await c.post<ErrorBody>(`${base}/faq`, { question: 'faites vous des GLACES maison' });
    t.equal(dup.status, 409);
    t.equal(dup.body.error.message, 'Cette question existe déjà dans la FAQ');
    const seeded = await c.post<ErrorBody>(`${base}/faq`, { question: 'Avez-vous un parking?' });
    t.equal(seeded.status, 409, 'the seeded questions share the same key');

    t.equal((await c.del(`${base}/faq/${faq.id}`)).status, 204);
    t.equal((await c.del(`${base}/faq/${faq.id}`)).status, 404);
  });

  await t.test('staff may read but not edit the FAQ', async (t) => {
    const staff = await loginAs(api, { email: 'staff@voiceorder.local', password: 'demo-voiceorder' });
    t.equal((await staff.c.get(`${base}/faq`)).status, 200);
    t.equal((await staff.c.post(`${base}/faq`, { question: 'Une question du personnel ?' })).status, 403);
  });

  await t.test('messages newest first, and staff move them along', async (t) => {
    const page = CallbackMessagePage.parse((await c.get(`${base}/messages`)).body);
    t.equal(page.total, 2);
    const times = page.items.map((m) => m.createdAt);
    t.same(times, [...times].sort().reverse());
    const fresh = page.items.find((m) => m.status === 'new')!;

    const staff = await loginAs(api, { email: 'staff@voiceorder.local', password: 'demo-voiceorder' });
    const res = await staff.c.patch(`${base}/messages/${fresh.id}`, { status: 'done' });
    t.equal(res.status, 200);
    const done = CallbackMessage.parse(res.body);
    t.equal(done.status, 'done');
    t.ok(done.handledAt);
    t.ok(await prisma.liveEvent.findFirst({ where: { restaurantId: rid, type: 'message.updated' } }));
    const onlyNew = CallbackMessagePage.parse((await c.get(`${base}/messages?status=new`)).body);
    t.equal(onlyNew.total, 0);

    const back = CallbackMessage.parse((await c.patch(`${base}/messages/${fresh.id}`, { status: 'in_progress' })).body);
    t.equal(back.handledAt, null);
    t.equal((await c.patch(`${base}/messages/${fresh.id}`, { status: 'archived' })).status, 400);
  });
});
