import t from 'tap';
import { catalogFixture, fieldPaths, type FieldError } from './setup.ts';
import type {
  ClosureDto, ClosurePage, DeliveryZoneDto, DiningRoomDto, DiningServiceDto, DiningTableDto, OfferDto, OpeningHoursList,
} from '../../src/contract/index.ts';

const f = await catalogFixture(t);
const { owner, staff, base, prisma } = f;

t.test('opening hours: PUT replaces the whole week', async (t) => {
  const before = await staff.get<OpeningHoursList>(`${base}/opening-hours`);
  t.equal(before.status, 200);
  t.ok(before.body.items.length > 0, 'the demo week');
  const week = [
    { weekday: 1, opensAt: '19:00', closesAt: '02:00' },
    { weekday: 3, opensAt: '11:30', closesAt: '14:30' },
    { weekday: 3, opensAt: '18:30', closesAt: '24:00' },
  ];
  t.equal((await staff.put(`${base}/opening-hours`, { items: week })).status, 403, 'staff cannot change the hours');
  const put = await owner.put<OpeningHoursList>(`${base}/opening-hours`, { items: week });
  t.equal(put.status, 200);
  t.same(put.body.items.map(({ id: _id, ...h }) => h), week);
  t.same((await owner.get<OpeningHoursList>(`${base}/opening-hours`)).body, put.body);
  t.equal(await prisma.openingHours.count({ where: { restaurantId: f.restaurantId } }), 3, 'the old week is gone');
  t.equal(await prisma.openingHours.count({ where: { restaurantId: f.foreign.id } }), 0);

  const overlap = await owner.put<FieldError>(`${base}/opening-hours`, { items: [
    { weekday: 2, opensAt: '11:00', closesAt: '15:00' }, { weekday: 2, opensAt: '14:00', closesAt: '22:00' },
  ] });
  t.equal(overlap.status, 400);
  t.same(fieldPaths(overlap.body), ['items.1']);
  const badTime = await owner.put(`${base}/opening-hours`, { items: [{ weekday: 8, opensAt: '25:00', closesAt: '12:00' }] });
  t.same(fieldPaths(badTime.body).sort(), ['items.0.opensAt', 'items.0.weekday']);
  t.equal(await prisma.openingHours.count({ where: { restaurantId: f.restaurantId } }), 3, 'refused weeks change nothing');
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { restaurantId: f.restaurantId, entityType: 'opening_hours' } });
  t.match(audit, { action: 'update', before: { items: before.body.items }, after: { items: put.body.items } });
});

t.test('closures', async (t) => {
  const bad = await owner.post(`${base}/closures`, { startDate: '2031-08-10', endDate: '2031-08-01' });
  t.same(fieldPaths(bad.body), ['endDate']);
  t.same(fieldPaths((await owner.post(`${base}/closures`, { startDate: '2031-02-30', endDate: '2031-03-01' })).body), ['startDate']);
  t.same(fieldPaths((await owner.post(`${base}/closures`, { startDate: '2031-08-15', endDate: '2031-08-15', opensAt: '12:00', closesAt: '14:00' })).body), ['opensAt']);
  const created = await owner.post<ClosureDto>(`${base}/closures`, { startDate: '2031-08-01', endDate: '2031-08-20', reason: 'Congés' });
  t.equal(created.status, 201);
  const opening = await owner.post<ClosureDto>(`${base}/closures`, {
    startDate: '2031-08-15', endDate: '2031-08-15', isOpening: true, opensAt: '19:00', closesAt: '23:00', reason: 'Feu d’artifice',
  });
  t.equal(opening.status, 201);
  const list = await owner.get<ClosurePage>(`${base}/closures?from=2031-01-01`);
  t.same(list.body.items.map((c) => c.id), [created.body.id, opening.body.id]);
  const patched = await owner.patch<ClosureDto>(`${base}/closures/${created.body.id}`, { endDate: '2031-08-25' });
  t.equal(patched.body.endDate, '2031-08-25');
  const merged = await owner.patch(`${base}/closures/${created.body.id}`, { startDate: '2031-09-01' });
  t.same(fieldPaths(merged.body), ['endDate'], 'checked against the stored endDate');
  t.equal((await owner.del(`${base}/closures/${created.body.id}`)).status, 204);
  t.equal((await owner.get(`${base}/closures/${created.body.id}`)).status, 404);
});

t.test('dining services', async (t) => {
  const valid = { name: 'Brunch', weekdays: [6, 7], startTime: '10:30', endTime: '14:00', lastSeatingTime: '13:00' };
  const post = (body: object) => owner.post<FieldError>(`${base}/services`, { ...valid, ...body });
  t.same(fieldPaths((await post({ endTime: '10:00' })).body), ['endTime', 'lastSeatingTime']);
  t.same(fieldPaths((await post({ lastSeatingTime: '14:30' })).body), ['lastSeatingTime']);
  t.same(fieldPaths((await post({ startTime: '9:30' })).body), ['startTime']);
  t.same(fieldPaths((await post({ weekdays: [6, 6] })).body), ['weekdays']);
  t.same(fieldPaths((await post({ minParty: 4, maxParty: 2 })).body), ['maxParty']);
  const created = await owner.post<DiningServiceDto>(`${base}/services`, { ...valid, turnTimes: [{ maxParty: 4, minutes: 75 }], maxParty: 8 });
  t.equal(created.status, 201);
  t.match(created.body, { slotIntervalMinutes: 15, minParty: 1, maxParty: 8, turnTimes: [{ maxParty: 4, minutes: 75 }], active: true });
  const merged = await owner.patch(`${base}/services/${created.body.id}`, { endTime: '12:30' });
  t.same(fieldPaths(merged.body), ['lastSeatingTime'], 'the stored last seating no longer fits');
  t.equal((await owner.patch<DiningServiceDto>(`${base}/services/${created.body.id}`, { endTime: '15:00', active: false })).body.endTime, '15:00');
  t.equal((await post({})).status, 409);

  const dejeuner = await prisma.diningService.findFirstOrThrow({ where: { restaurantId: f.restaurantId, name: 'Déjeuner' } });
  const used = await owner.del<FieldError>(`${base}/services/${dejeuner.id}`);
  t.equal(used.status, 409, 'the lunch formula is limited to it');
  t.equal((await owner.del(`${base}/services/${created.body.id}`)).status, 204);
});

t.test('offers', async (t) => {
  const valid = { kind: 'promotion', name: 'Happy hour', discountPercent: 15, startTime: '17:00', endTime: '19:00' };
  const post = (body: object) => owner.post<FieldError>(`${base}/offers`, { ...valid, ...body });
  t.same(fieldPaths((await post({ discountAmountCents: 300 })).body), ['discountAmountCents'], 'one discount only');
  t.same(fieldPaths((await post({ discountPercent: null })).body), ['discountPercent'], 'a promotion needs a discount');
  t.same(fieldPaths((await post({ discountPercent: 120 })).body), ['discountPercent']);
  t.same(fieldPaths((await post({ kind: 'special_menu' })).body), ['formulaId']);
  t.same(fieldPaths((await post({ startDate: '2031-05-02', endDate: '2031-05-01' })).body), ['endDate']);
  t.same(fieldPaths((await post({ endTime: null })).body), ['endTime']);
  t.same(fieldPaths((await post({ minOrderCents: -1 })).body), ['minOrderCents']);
  t.same(fieldPaths((await post({ orderTypes: ['pickup', 'teleport'] })).body), ['orderTypes.1']);

  const foreignFormula = await prisma.formula.create({ data: { restaurantId: f.foreign.id, name: 'Menu', priceCents: 1000 } });
  const stolen = await post({ kind: 'special_menu', discountPercent: null, formulaId: foreignFormula.id });
  t.equal(stolen.status, 404, "another restaurant's formula");

  const created = await owner.post<OfferDto>(`${base}/offers`, { ...valid, orderTypes: ['pickup'], channels: ['phone'], weekdays: [1, 2] });
  t.equal(created.status, 201);
  t.match(created.body, { discountPercent: 15, discountAmountCents: null, appliesTo: 'order', active: true, orderTypes: ['pickup'] });
  const switched = await owner.patch<OfferDto>(`${base}/offers/${created.body.id}`, { discountPercent: null, discountAmountCents: 300 });
  t.equal(switched.status, 200, 'switching from percent to amount in one PATCH');
  t.match(switched.body, { discountPercent: null, discountAmountCents: 300 });
  const both = await owner.patch(`${base}/offers/${created.body.id}`, { discountPercent: 10 });
  t.same(fieldPaths(both.body), ['discountAmountCents'], 'merged with the stored amount, that makes two discounts');
  t.equal((await owner.del(`${base}/offers/${created.body.id}`)).status, 204);
});

t.test('rooms and tables', async (t) => {
  const room = await owner.post<DiningRoomDto>(`${base}/rooms`, { name: 'Mezzanine' });
  t.equal(room.status, 201);
  t.equal((await owner.post<FieldError>(`${base}/rooms`, { name: 'Terrasse' })).body.error.message, 'Une salle « Terrasse » existe déjà');
  t.same(fieldPaths((await owner.post(`${base}/tables`, { roomId: room.body.id, name: 'M1', minCapacity: 6, maxCapacity: 4 })).body), ['maxCapacity']);
  const foreignRoom = await prisma.diningRoom.create({ data: { restaurantId: f.foreign.id, name: 'Salle' } });
  t.equal((await owner.post(`${base}/tables`, { roomId: foreignRoom.id, name: 'M1', maxCapacity: 4 })).status, 404);

  const table = await owner.post<DiningTableDto>(`${base}/tables`, { roomId: room.body.id, name: 'M1', maxCapacity: 4, combinable: true });
  t.equal(table.status, 201);
  t.match(table.body, { minCapacity: 1, maxCapacity: 4, combinable: true, active: true });
  const dup = await owner.post<FieldError>(`${base}/tables`, { roomId: room.body.id, name: 'M1', maxCapacity: 2 });
  t.equal(dup.status, 409);
  t.equal(dup.body.error.message, 'Une table « M1 » existe déjà dans cette salle');
  t.same(fieldPaths((await owner.patch(`${base}/tables/${table.body.id}`, { minCapacity: 5 })).body), ['maxCapacity']);

  const withTables = await owner.get<DiningRoomDto>(`${base}/rooms/${room.body.id}`);
  t.same(withTables.body.tables.map((x) => x.name), ['M1'], 'a room comes with its tables');
  t.equal((await owner.del(`${base}/rooms/${room.body.id}`)).status, 409, 'a room with tables is not deleted');

  const booked = await prisma.reservationTable.findFirstOrThrow({ where: { reservation: { restaurantId: f.restaurantId } } });
  t.equal((await owner.del(`${base}/tables/${booked.tableId}`)).status, 204);
  t.equal((await owner.get<DiningTableDto>(`${base}/tables/${booked.tableId}`)).body.active, false, 'a booked table is deactivated, its bookings kept');
  t.equal((await owner.del(`${base}/tables/${table.body.id}`)).status, 204);
  t.equal((await owner.get(`${base}/tables/${table.body.id}`)).status, 404);
  t.equal((await owner.del(`${base}/rooms/${room.body.id}`)).status, 204);
});

t.test('delivery zones', async (t) => {
  const post = (body: object) => owner.post<FieldError>(`${base}/delivery-zones`, { name: 'Zone', feeCents: 300, ...body });
  t.same(fieldPaths((await post({ kind: 'radius' })).body), ['radiusM']);
  t.same(fieldPaths((await post({ kind: 'postcodes', postcodes: [] })).body), ['postcodes']);
  t.same(fieldPaths((await post({ kind: 'postcodes', postcodes: ['13001', '1300A'] })).body), ['postcodes.1']);
  t.same(fieldPaths((await post({ kind: 'radius', radiusM: 3000, feeCents: -5 })).body), ['feeCents']);
  const open = { type: 'Polygon', coordinates: [[[5.36, 43.29], [5.39, 43.29], [5.39, 43.31], [5.36, 43.31]]] };
  t.same(fieldPaths((await post({ kind: 'polygon', polygon: open })).body), ['polygon.coordinates.0']);
  const latLon = { type: 'Polygon', coordinates: [[[43.29, 5.36], [43.29, 95.39], [43.31, 5.39], [43.29, 5.36]]] };
  t.same(fieldPaths((await post({ kind: 'polygon', polygon: latLon })).body), ['polygon.coordinates.0.1.1']);

  const closed = { type: 'Polygon', coordinates: [[[5.36, 43.29], [5.39, 43.29], [5.39, 43.31], [5.36, 43.31], [5.36, 43.29]]] };
  const zone = await owner.post<DeliveryZoneDto>(`${base}/delivery-zones`, { name: 'Vieux-Port', kind: 'polygon', polygon: closed, postcodes: ['13001'], feeCents: 300 });
  t.equal(zone.status, 201);
  t.match(zone.body, { kind: 'polygon', polygon: closed, postcodes: [], radiusM: null, etaMinutes: 30 }, 'only the geometry of its kind is kept');
  const toRadius = await owner.patch(`${base}/delivery-zones/${zone.body.id}`, { kind: 'radius' });
  t.same(fieldPaths(toRadius.body), ['radiusM']);
  const radius = await owner.patch<DeliveryZoneDto>(`${base}/delivery-zones/${zone.body.id}`, { kind: 'radius', radiusM: 2500 });
  t.match(radius.body, { kind: 'radius', radiusM: 2500, polygon: null });
  t.equal((await owner.post(`${base}/delivery-zones`, { name: 'Rayon 5 km', kind: 'radius', radiusM: 1000 })).status, 409);
  t.equal((await owner.del(`${base}/delivery-zones/${zone.body.id}`)).status, 204);
});
