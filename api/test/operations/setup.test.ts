import t from 'tap';
import { demoApi, loginAs } from './helpers.ts';
import { PhoneLineList, PhoneLineView, RestaurantSettings, type ErrorBody } from '../../src/contract/index.ts';

type Fields = ErrorBody & { error: { details: { fields: { path: string; message: string }[] } } };
const fieldsOf = (b: unknown) => (b as Fields).error.details.fields.map((f) => f.path);

t.test('phone lines and settings', async (t) => {
  const { api, c, base, prisma } = await demoApi(t);

  await t.test('a SIP secret is sealed at rest and never returned', async (t) => {
    const res = await c.post(`${base}/phone-lines`, {
      did: '04 91 11 22 33', kind: 'ht841_port', endpointName: 'ht841-port2', port: 2, sipUsername: 'port2', sipSecret: 'S3cret-Port2',
    });
    t.equal(res.status, 201);
    const line = PhoneLineView.parse(res.body);
    t.equal(line.did, '+33491112233');
    t.equal(line.hasSipSecret, true);
    t.notMatch(JSON.stringify(res.body), /S3cret|sipSecret/);

    const row = await prisma.phoneLine.findUniqueOrThrow({ where: { id: line.id } });
    t.not(row.sipSecretEnc, 'S3cret-Port2');
    t.equal(api.secretBox.open(row.sipSecretEnc!), 'S3cret-Port2');

    const list = await c.get(`${base}/phone-lines`);
    t.notMatch(JSON.stringify(list.body), /sipSecret"|v1:/, 'the list carries no secret');
    t.ok(PhoneLineList.parse(list.body).items.length >= 2);

    const relabelled = PhoneLineView.parse((await c.patch(`${base}/phone-lines/${line.id}`, { label: 'Salle' })).body);
    t.equal(relabelled.label, 'Salle');
    t.equal(api.secretBox.open((await prisma.phoneLine.findUniqueOrThrow({ where: { id: line.id } })).sipSecretEnc!), 'S3cret-Port2', 'omitted secret is kept');
    await c.patch(`${base}/phone-lines/${line.id}`, { sipSecret: 'N3w' });
    t.equal(api.secretBox.open((await prisma.phoneLine.findUniqueOrThrow({ where: { id: line.id } })).sipSecretEnc!), 'N3w', 'a new one is re-sealed');

    const dupDid = await c.post<ErrorBody>(`${base}/phone-lines`, { did: '+33491112233', kind: 'ovh_trunk', endpointName: 'other' });
    t.equal(dupDid.status, 409);
    const dupEndpoint = await c.post<ErrorBody>(`${base}/phone-lines`, { did: '+33491999999', kind: 'ovh_trunk', endpointName: 'ht841-port2' });
    t.equal(dupEndpoint.status, 409);
    const badName = await c.post<ErrorBody>(`${base}/phone-lines`, { did: '+33491999999', kind: 'ovh_trunk', endpointName: 'Bad Name' });
    t.same(fieldsOf(badName.body), ['endpointName']);

    const manager = await loginAs(api, { email: 'manager@voiceorder.local', password: 'demo-voiceorder' });
    t.equal((await manager.c.del(`${base}/phone-lines/${line.id}`)).status, 403, 'owners only');
    t.equal((await c.del(`${base}/phone-lines/${line.id}`)).status, 204);
  });

  await t.test('settings are read and changed, and a bad value names its field', async (t) => {
    const s = RestaurantSettings.parse((await c.get(`${base}/settings`)).body);
    t.equal(s.timeZone, 'Europe/Paris');

    const badTz = await c.patch(`${base}/settings`, { timeZone: 'Europe/Marseille' });
    t.equal(badTz.status, 400);
    t.same(fieldsOf(badTz.body), ['timeZone']);
    const badVoice = await c.patch(`${base}/settings`, { aiVoice: 'nova' });
    t.equal(badVoice.status, 400);
    t.same(fieldsOf(badVoice.body), ['aiVoice']);
    const badRange = await c.patch(`${base}/settings`, { staffRingSeconds: 2, platformCommissionBp: 20_000 });
    t.same(fieldsOf(badRange.body).sort(), ['platformCommissionBp', 'staffRingSeconds']);
    const badTarget = await c.patch(`${base}/settings`, { transferTargetKind: 'endpoint', transferTarget: '+33491000000' });
    t.same(fieldsOf(badTarget.body), ['transferTarget']);

    const res = await c.patch(`${base}/settings`, {
      aiVoice: 'cedar', timeZone: 'America/Montreal', platformCommissionBp: 3000, callHandlingMode: 'staff_first',
      transferTargetKind: 'number', transferTarget: '06 12 34 56 78', phone: '04 91 00 00 01',
    });
    t.equal(res.status, 200);
    const after = RestaurantSettings.parse(res.body);
    t.equal(after.aiVoice, 'cedar');
    t.equal(after.transferTarget, '+33612345678');
    t.equal(after.phone, '+33491000001');
    t.equal((await prisma.restaurant.findUniqueOrThrow({ where: { id: s.id } })).timeZone, 'America/Montreal');

    const manager = await loginAs(api, { email: 'manager@voiceorder.local', password: 'demo-voiceorder' });
    t.equal((await manager.c.get(`${base}/settings`)).status, 200);
    t.equal((await manager.c.patch(`${base}/settings`, { aiVoice: 'ash' })).status, 403, 'owners only');
  });
});
