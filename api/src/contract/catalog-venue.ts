// Where and when guests sit: seating services, offers, rooms and tables.
import { z } from 'zod';
import { Id } from './common.ts';
import {
  CatalogCents, CatalogDate, CatalogIdList, CatalogName, CatalogOptName, CatalogOptText, CatalogPageQuery,
  CatalogSearch, CatalogSortOrder, CatalogTime, CatalogWeekdays, CatalogQueryBool, CatalogTimestamps, catalogMinutes, catalogPage,
  catalogChecked, catalogUniqueList, type CatalogIssue,
} from './catalog-common.ts';

const Party = z.number().int().min(1).max(500);

// ── Dining services ──

export const DINING_SERVICE_DEFAULTS = { minParty: 1, maxParty: 12 } as const;

const TurnTime = z.object({ maxParty: Party, minutes: z.number().int().min(5).max(600) });

const DiningServiceFields = z.object({
  name: CatalogName,
  nameEn: CatalogOptName,
  weekdays: CatalogWeekdays.min(1),
  startTime: CatalogTime,
  endTime: CatalogTime,
  lastSeatingTime: CatalogTime,
  slotIntervalMinutes: z.number().int().min(5).max(240).optional(),
  maxCoversPerService: z.number().int().min(1).max(10000).nullable().optional(),
  maxCoversPerSlot: z.number().int().min(1).max(10000).nullable().optional(),
  /** Minutes a table is kept, by party size; the smallest maxParty ≥ the party wins. */
  turnTimes: z.array(TurnTime).max(20)
    .refine((ts) => new Set(ts.map((t) => t.maxParty)).size === ts.length, 'turnTimes maxParty values must be unique')
    .optional(),
  defaultTurnMinutes: z.number().int().min(5).max(600).optional(),
  minParty: Party.optional(),
  maxParty: Party.optional(),
  prepaymentAboveGuests: Party.nullable().optional(),
  active: z.boolean().optional(),
  sortOrder: CatalogSortOrder.optional(),
});

export interface DiningServiceRules {
  startTime: string; endTime: string; lastSeatingTime: string;
  minParty?: number | undefined; maxParty?: number | undefined;
}

export function diningServiceIssues(s: DiningServiceRules): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const start = catalogMinutes(s.startTime), end = catalogMinutes(s.endTime), last = catalogMinutes(s.lastSeatingTime);
  if (end <= start) issues.push({ path: ['endTime'], message: 'endTime must be after startTime' });
  if (last < start || last > end) issues.push({ path: ['lastSeatingTime'], message: 'lastSeatingTime must be between startTime and endTime' });
  const min = s.minParty ?? DINING_SERVICE_DEFAULTS.minParty, max = s.maxParty ?? DINING_SERVICE_DEFAULTS.maxParty;
  if (min > max) issues.push({ path: ['maxParty'], message: 'maxParty must be at least minParty' });
  return issues;
}

export const DiningServiceBody = catalogChecked(DiningServiceFields, diningServiceIssues);
export type DiningServiceBody = z.infer<typeof DiningServiceFields>;
export const DiningServicePatchBody = DiningServiceFields.partial();
export type DiningServicePatchBody = z.infer<typeof DiningServicePatchBody>;
export const DiningServiceListQuery = CatalogPageQuery.extend({ active: CatalogQueryBool.optional(), q: CatalogSearch.optional() });
export type DiningServiceListQuery = z.infer<typeof DiningServiceListQuery>;

export const DiningServiceDto = z.object({
  id: Id, restaurantId: Id, name: z.string(), nameEn: z.string().nullable(), weekdays: z.array(z.number().int()),
  startTime: z.string(), endTime: z.string(), lastSeatingTime: z.string(), slotIntervalMinutes: z.number().int(),
  maxCoversPerService: z.number().int().nullable(), maxCoversPerSlot: z.number().int().nullable(),
  turnTimes: z.array(z.object({ maxParty: z.number().int(), minutes: z.number().int() })),
  defaultTurnMinutes: z.number().int(), minParty: z.number().int(), maxParty: z.number().int(),
  prepaymentAboveGuests: z.number().int().nullable(), active: z.boolean(), sortOrder: z.number().int(),
  ...CatalogTimestamps,
});
export type DiningServiceDto = z.infer<typeof DiningServiceDto>;
export const DiningServicePage = catalogPage(DiningServiceDto);
export type DiningServicePage = z.infer<typeof DiningServicePage>;

// ── Offers ──

export const CatalogOfferKind = z.enum(['promotion', 'special_menu', 'event']);
const OrderTypeEnum = z.enum(['pickup', 'delivery', 'dine_in']);
const ChannelEnum = z.enum(['phone', 'dashboard', 'web', 'platform']);

const OfferFields = z.object({
  kind: CatalogOfferKind,
  name: CatalogName,
  nameEn: CatalogOptName,
  description: CatalogOptText,
  startDate: CatalogDate.nullable().optional(),
  endDate: CatalogDate.nullable().optional(),
  weekdays: CatalogWeekdays.optional(),
  /** A daily window; an end before the start runs past midnight (22:00–02:00). */
  startTime: CatalogTime.nullable().optional(),
  endTime: CatalogTime.nullable().optional(),
  serviceIds: CatalogIdList.optional(),
  minParty: Party.nullable().optional(),
  maxParty: Party.nullable().optional(),
  formulaId: Id.nullable().optional(),
  discountPercent: z.number().int().min(1).max(100).nullable().optional(),
  discountAmountCents: CatalogCents.min(1).nullable().optional(),
  minOrderCents: CatalogCents.nullable().optional(),
  orderTypes: catalogUniqueList(OrderTypeEnum, 'orderTypes', 3).optional(),
  channels: catalogUniqueList(ChannelEnum, 'channels', 4).optional(),
  appliesTo: z.enum(['order', 'reservation', 'both']).optional(),
  active: z.boolean().optional(),
});

export interface OfferRules {
  kind: string;
  startDate?: string | null | undefined; endDate?: string | null | undefined;
  startTime?: string | null | undefined; endTime?: string | null | undefined;
  minParty?: number | null | undefined; maxParty?: number | null | undefined;
  formulaId?: string | null | undefined;
  discountPercent?: number | null | undefined; discountAmountCents?: number | null | undefined;
}

export function offerIssues(o: OfferRules): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const percent = o.discountPercent != null, amount = o.discountAmountCents != null;
  if (percent && amount) {
    issues.push({ path: ['discountAmountCents'], message: 'give either discountPercent or discountAmountCents, not both' });
  } else if (!percent && !amount && !o.formulaId) {
    issues.push({ path: ['discountPercent'], message: 'an offer needs discountPercent, discountAmountCents or a formulaId' });
  }
  if (o.kind === 'special_menu' && !o.formulaId) issues.push({ path: ['formulaId'], message: 'a special menu needs a formulaId' });
  if (o.startDate && o.endDate && o.startDate > o.endDate) issues.push({ path: ['endDate'], message: 'endDate must not be before startDate' });
  if ((o.startTime == null) !== (o.endTime == null)) issues.push({ path: ['endTime'], message: 'give both startTime and endTime, or neither' });
  else if (o.startTime && o.startTime === o.endTime) issues.push({ path: ['endTime'], message: 'endTime must differ from startTime' });
  if (o.minParty != null && o.maxParty != null && o.minParty > o.maxParty) {
    issues.push({ path: ['maxParty'], message: 'maxParty must be at least minParty' });
  }
  return issues;
}

export const OfferBody = catalogChecked(OfferFields, offerIssues);
export type OfferBody = z.infer<typeof OfferFields>;
export const OfferPatchBody = OfferFields.partial();
export type OfferPatchBody = z.infer<typeof OfferPatchBody>;
export const OfferListQuery = CatalogPageQuery.extend({
  active: CatalogQueryBool.optional(), kind: CatalogOfferKind.optional(), q: CatalogSearch.optional(),
});
export type OfferListQuery = z.infer<typeof OfferListQuery>;

export const OfferDto = z.object({
  id: Id, restaurantId: Id, kind: CatalogOfferKind, name: z.string(), nameEn: z.string().nullable(),
  description: z.string().nullable(), startDate: z.string().nullable(), endDate: z.string().nullable(),
  weekdays: z.array(z.number().int()), startTime: z.string().nullable(), endTime: z.string().nullable(),
  serviceIds: z.array(Id), minParty: z.number().int().nullable(), maxParty: z.number().int().nullable(),
  formulaId: Id.nullable(), discountPercent: z.number().int().nullable(), discountAmountCents: z.number().int().nullable(),
  minOrderCents: z.number().int().nullable(), orderTypes: z.array(OrderTypeEnum), channels: z.array(ChannelEnum),
  appliesTo: z.enum(['order', 'reservation', 'both']), active: z.boolean(),
  ...CatalogTimestamps,
});
export type OfferDto = z.infer<typeof OfferDto>;
export const OfferPage = catalogPage(OfferDto);
export type OfferPage = z.infer<typeof OfferPage>;

// ── Rooms and tables ──

const RoomFields = z.object({ name: CatalogName, sortOrder: CatalogSortOrder.optional(), active: z.boolean().optional() });
export const DiningRoomBody = RoomFields;
export type DiningRoomBody = z.infer<typeof DiningRoomBody>;
export const DiningRoomPatchBody = RoomFields.partial();
export type DiningRoomPatchBody = z.infer<typeof DiningRoomPatchBody>;
export const DiningRoomListQuery = CatalogPageQuery.extend({ active: CatalogQueryBool.optional() });
export type DiningRoomListQuery = z.infer<typeof DiningRoomListQuery>;

const Capacity = z.number().int().min(1).max(100);
const TableFields = z.object({
  roomId: Id,
  name: z.string().trim().min(1).max(40),
  minCapacity: Capacity.optional(),
  maxCapacity: Capacity,
  /** Can be pushed together with another combinable table for a group. */
  combinable: z.boolean().optional(),
  active: z.boolean().optional(),
  sortOrder: CatalogSortOrder.optional(),
});
export const tableIssues = (t: { minCapacity?: number | undefined; maxCapacity: number }): CatalogIssue[] =>
  (t.minCapacity ?? 1) > t.maxCapacity ? [{ path: ['maxCapacity'], message: 'maxCapacity must be at least minCapacity' }] : [];
export const DiningTableBody = catalogChecked(TableFields, tableIssues);
export type DiningTableBody = z.infer<typeof TableFields>;
export const DiningTablePatchBody = TableFields.partial();
export type DiningTablePatchBody = z.infer<typeof DiningTablePatchBody>;
export const DiningTableListQuery = CatalogPageQuery.extend({ roomId: Id.optional(), active: CatalogQueryBool.optional() });
export type DiningTableListQuery = z.infer<typeof DiningTableListQuery>;

export const DiningTableDto = z.object({
  id: Id, restaurantId: Id, roomId: Id, name: z.string(), minCapacity: z.number().int(), maxCapacity: z.number().int(),
  combinable: z.boolean(), active: z.boolean(), sortOrder: z.number().int(),
});
export type DiningTableDto = z.infer<typeof DiningTableDto>;
export const DiningTablePage = catalogPage(DiningTableDto);
export type DiningTablePage = z.infer<typeof DiningTablePage>;

export const DiningRoomDto = z.object({
  id: Id, restaurantId: Id, name: z.string(), sortOrder: z.number().int(), active: z.boolean(),
  tables: z.array(DiningTableDto),
});
export type DiningRoomDto = z.infer<typeof DiningRoomDto>;
export const DiningRoomPage = catalogPage(DiningRoomDto);
export type DiningRoomPage = z.infer<typeof DiningRoomPage>;
