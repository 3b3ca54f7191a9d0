// Orders, reservations and availability: what the dashboard and the agent send and get.
import { z } from 'zod';
import { Cents, Id, IsoDateTime } from './common.ts';

export const OrderTypeSchema = z.enum(['pickup', 'delivery', 'dine_in']);
export const OrderStatusSchema = z.enum(['pending', 'confirmed', 'preparing', 'ready', 'out_for_delivery', 'completed', 'cancelled']);
export const ReservationStatusSchema = z.enum(['pending', 'confirmed', 'seated', 'completed', 'cancelled', 'no_show']);
export const SourceSchema = z.enum(['phone_ai', 'phone_staff', 'dashboard', 'web', 'zenchef', 'thefork', 'other_platform']);
const Allergen = z.enum(['gluten', 'crustaceans', 'eggs', 'fish', 'peanuts', 'soybeans', 'milk', 'nuts', 'celery', 'mustard', 'sesame', 'sulphites', 'lupin', 'molluscs']);

/** A restaurant-local moment as a caller says it: "2026-11-21" + "20:00". */
export const LocalDateTimeSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
});

export const OrderLineRequestSchema = z.union([
  z.object({
    itemId: Id,
    quantity: z.number().int().min(1).max(50),
    optionIds: z.array(Id).max(20).default([]),
    notes: z.string().max(300).optional(),
  }),
  z.object({
    formulaId: Id,
    quantity: z.number().int().min(1).max(50),
    choices: z.array(z.object({ stepId: Id, itemIds: z.array(Id).min(1).max(10) })).max(10),
    notes: z.string().max(300).optional(),
  }),
]);

export const DeliveryAddressSchema = z.object({
  line1: z.string().trim().min(3).max(200),
  line2: z.string().trim().max(200).optional(),
  postcode: z.string().trim().regex(/^\d{5}$/, 'a 5-digit French postcode'),
  city: z.string().trim().min(1).max(100),
  instructions: z.string().trim().max(300).optional(),
  customerAddressId: Id.optional(),
});

export const CustomerRefSchema = z.object({
  phone: z.string().trim().min(6).max(30).optional(),
  firstName: z.string().trim().max(80).optional(),
  lastName: z.string().trim().max(80).optional(),
  email: z.string().trim().email().optional(),
});

export const QuoteOrderRequest = z.object({
  type: OrderTypeSchema,
  lines: z.array(OrderLineRequestSchema).min(1).max(60),
  requestedFor: LocalDateTimeSchema.nullable().optional(),
  delivery: DeliveryAddressSchema.optional(),
});
export type QuoteOrderRequest = z.infer<typeof QuoteOrderRequest>;

export const CreateOrderRequest = QuoteOrderRequest.extend({
  customer: CustomerRefSchema.default({}),
  notes: z.string().max(500).optional(),
  allergyNotes: z.string().max(500).optional(),
  tableLabel: z.string().max(40).optional(),
  idempotencyKey: z.string().min(8).max(200),
  source: z.enum(['dashboard', 'phone_staff']).default('dashboard'),
});
export type CreateOrderRequest = z.infer<typeof CreateOrderRequest>;

export const PricedLineSchema = z.object({
  menuItemId: Id.nullable(),
  formulaId: Id.nullable(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceCents: Cents,
  lineTotalCents: Cents,
  options: z.array(z.object({ group: z.string(), name: z.string(), priceDeltaCents: Cents })),
  formulaChoices: z.array(z.object({ step: z.string(), itemId: z.string(), name: z.string(), supplementCents: Cents })),
  notes: z.string().nullable().optional(),
});

export const OrderQuote = z.object({
  lines: z.array(PricedLineSchema),
  subtotalCents: Cents,
  discountCents: Cents,
  appliedOffer: z.object({ id: Id, name: z.string() }).nullable(),
  deliveryFeeCents: Cents,
  totalCents: Cents,
  readBack: z.array(z.string()),
  promisedAt: IsoDateTime,
  /** The promised time in the restaurant's zone, "HH:MM", as the caller hears it. */
  promisedLocalTime: z.string(),
  delivery: z.object({
    zoneId: Id, zoneName: z.string(), distanceM: z.number().int().nullable(), durationS: z.number().int().nullable(),
    summary: z.string(), needsConfirmation: z.boolean(),
  }).nullable(),
});
export type OrderQuote = z.infer<typeof OrderQuote>;

export const OrderDetail = z.object({
  id: Id,
  number: z.number().int(),
  type: OrderTypeSchema,
  status: OrderStatusSchema,
  nextStatuses: z.array(OrderStatusSchema),
  source: SourceSchema,
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  callId: Id.nullable(),
  requestedFor: IsoDateTime.nullable(),
  promisedAt: IsoDateTime.nullable(),
  delivery: z.object({
    line1: z.string(), line2: z.string().nullable(), postcode: z.string(), city: z.string(), instructions: z.string().nullable(),
    zoneId: Id.nullable(), distanceM: z.number().int().nullable(), durationS: z.number().int().nullable(),
  }).nullable(),
  tableLabel: z.string().nullable(),
  items: z.array(PricedLineSchema.extend({ id: Id })),
  subtotalCents: Cents,
  discountCents: Cents,
  deliveryFeeCents: Cents,
  totalCents: Cents,
  notes: z.string().nullable(),
  allergyNotes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type OrderDetail = z.infer<typeof OrderDetail>;

export const OrderStatusChange = z.object({
  status: OrderStatusSchema,
  reason: z.string().max(300).optional(),
});

export const OrderListQuery = z.object({
  status: z.union([OrderStatusSchema, z.array(OrderStatusSchema)]).optional(),
  type: OrderTypeSchema.optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const Paginated = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ReservationDetail = z.object({
  id: Id,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  localDate: z.string(),
  localTime: z.string(),
  partySize: z.number().int(),
  status: ReservationStatusSchema,
  nextStatuses: z.array(ReservationStatusSchema),
  source: SourceSchema,
  customerId: Id.nullable(),
  customerName: z.string(),
  customerPhone: z.string().nullable(),
  customerEmail: z.string().nullable(),
  serviceId: Id.nullable(),
  offerId: Id.nullable(),
  roomId: Id.nullable(),
  tableIds: z.array(Id),
  notes: z.string().nullable(),
  allergies: z.array(Allergen),
  allergyNotes: z.string().nullable(),
  prepaymentRequired: z.boolean(),
  callId: Id.nullable(),
  cancelReason: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type ReservationDetail = z.infer<typeof ReservationDetail>;

export const CreateReservationRequest = z.object({
  at: LocalDateTimeSchema,
  partySize: z.number().int().min(1).max(100),
  customer: CustomerRefSchema.extend({ name: z.string().trim().min(1).max(120) }),
  notes: z.string().max(500).optional(),
  allergies: z.array(Allergen).max(14).default([]),
  allergyNotes: z.string().max(500).optional(),
  offerId: Id.optional(),
  idempotencyKey: z.string().min(8).max(200),
  source: z.enum(['dashboard', 'phone_staff']).default('dashboard'),
});
export type CreateReservationRequest = z.infer<typeof CreateReservationRequest>;

export const UpdateReservationRequest = z.object({
  at: LocalDateTimeSchema.optional(),
  partySize: z.number().int().min(1).max(100).optional(),
  notes: z.string().max(500).nullable().optional(),
  allergyNotes: z.string().max(500).nullable().optional(),
});

export const ReservationStatusChange = z.object({
  status: ReservationStatusSchema,
  reason: z.string().max(300).optional(),
});

export const ReservationListQuery = z.object({
  status: z.union([ReservationStatusSchema, z.array(ReservationStatusSchema)]).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const SlotsQuery = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  partySize: z.coerce.number().int().min(1).max(100),
});

export const SlotsResponse = z.object({
  timeZone: z.string(),
  services: z.array(z.object({
    service: z.object({ id: Id, name: z.string() }),
    slots: z.array(z.object({ startsAt: IsoDateTime, localTime: z.string(), available: z.boolean(), reason: z.string().optional() })),
  })),
});

export const FulfilmentQuery = z.object({
  type: z.enum(['pickup', 'delivery']),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
  items: z.coerce.number().int().min(1).max(200).default(1),
  deliveryMinutes: z.coerce.number().int().min(0).max(180).optional(),
});

export const FulfilmentResponse = z.object({
  earliest: IsoDateTime.nullable(),
  earliestLocalTime: z.string().nullable(),
  next: z.array(IsoDateTime),
  requestedOk: z.boolean().optional(),
  reason: z.string().optional(),
});
