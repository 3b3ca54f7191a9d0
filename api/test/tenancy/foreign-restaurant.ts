// Another restaurant with one row of every kind, to prove that nobody from the
// demo restaurant can read or change any of them.
import type { PrismaClient } from '../../src/generated/prisma/client.ts';

export async function createForeignRestaurant(prisma: PrismaClient) {
  const r = await prisma.restaurant.create({ data: { slug: 'chez-autrui', name: 'Chez Autrui', addressLine1: '3 rue Neuve', postcode: '69001', city: 'Lyon' } });
  const restaurantId = r.id;
  const category = await prisma.menuCategory.create({ data: { restaurantId, name: 'Plats' } });
  const item = await prisma.menuItem.create({ data: { restaurantId, categoryId: category.id, name: 'Quenelle', priceCents: 1500 } });
  const group = await prisma.optionGroup.create({ data: { restaurantId, name: 'Sauce', options: { create: [{ name: 'Nantua' }] } } });
  const formula = await prisma.formula.create({ data: { restaurantId, name: 'Bouchon', priceCents: 2500 } });
  const service = await prisma.diningService.create({ data: { restaurantId, name: 'Soir', weekdays: [1, 2, 3, 4, 5], startTime: '19:00', endTime: '23:00', lastSeatingTime: '21:30' } });
  const offer = await prisma.offer.create({ data: { restaurantId, kind: 'promotion', name: 'Promo', discountPercent: 10 } });
  const room = await prisma.diningRoom.create({ data: { restaurantId, name: 'Salle' } });
  const table = await prisma.diningTable.create({ data: { restaurantId, roomId: room.id, name: 'T1', maxCapacity: 4 } });
  const zone = await prisma.deliveryZone.create({ data: { restaurantId, name: 'Centre', kind: 'postcodes', postcodes: ['69001'] } });
  const closure = await prisma.closure.create({ data: { restaurantId, startDate: '2030-01-01', endDate: '2030-01-02' } });
  const faq = await prisma.faq.create({ data: { restaurantId, question: 'Parking ?', normalizedKey: 'parking', source: 'ai' } });
  const customer = await prisma.customer.create({ data: { restaurantId, phone: '+33478000000', addresses: { create: [{ line1: '1 quai', postcode: '69001', city: 'Lyon' }] } }, include: { addresses: true } });
  const line = await prisma.phoneLine.create({ data: { restaurantId, did: '+33478000001', kind: 'ovh_trunk', endpointName: 'autrui-trunk' } });
  const call = await prisma.call.create({ data: { restaurantId, phoneLineId: line.id, callerNumber: customer.phone } });
  const message = await prisma.message.create({ data: { restaurantId, callId: call.id, body: 'Rappeler' } });
  const order = await prisma.order.create({ data: { restaurantId, number: 1, type: 'pickup', source: 'dashboard', subtotalCents: 1500, totalCents: 1500, idempotencyKey: 'autrui-order-1' } });
  const reservation = await prisma.reservation.create({
    data: { restaurantId, startsAt: new Date('2030-01-10T19:00:00Z'), endsAt: new Date('2030-01-10T21:00:00Z'), partySize: 2, source: 'dashboard', customerName: 'X', idempotencyKey: 'autrui-resa-1' },
  });
  return {
    restaurantId,
    idFor: {
      'menu/categories': category.id, 'menu/items': item.id, 'menu/option-groups': group.id, 'menu/formulas': formula.id,
      services: service.id, offers: offer.id, rooms: room.id, tables: table.id, 'delivery-zones': zone.id, closures: closure.id,
      faq: faq.id, messages: message.id, customers: customer.id, 'phone-lines': line.id, calls: call.id,
    } as Record<string, string>,
    addressId: customer.addresses[0]!.id,
    orderId: order.id,
    reservationId: reservation.id,
    callId: call.id,
  };
}
