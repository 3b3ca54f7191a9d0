// Delivery zones, weekly opening hours and closures.
import { z } from 'zod';
import { Id } from './common.ts';
import {
  CatalogCents, CatalogDate, CatalogName, CatalogPageQuery, CatalogSearch, CatalogTime, CatalogQueryBool, CatalogTimestamps,
  catalogMinutes, catalogPage, catalogChecked, type CatalogIssue,
} from './catalog-common.ts';

// ── Delivery zones ──

export const CatalogZoneKind = z.enum(['radius', 'postcodes', 'polygon']);

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const Ring = z.array(Position).min(4, 'a ring needs at least 4 points')
  .refine((r) => r[0]?.[0] === r[r.length - 1]?.[0] && r[0]?.[1] === r[r.length - 1]?.[1], 'a ring must be closed (last point = first point)');
/** A GeoJSON Polygon, positions as [longitude, latitude]. */
export const CatalogGeoJsonPolygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1).max(20) });
export type CatalogGeoJsonPolygon = z.infer<typeof CatalogGeoJsonPolygon>;

const ZoneFields = z.object({
  name: CatalogName,
  kind: CatalogZoneKind,
  /** For kind radius: metres from the restaurant. */
  radiusM: z.number().int().min(100).max(100_000).nullable().optional(),
  /** For kind postcodes: French 5-digit postcodes. */
  postcodes: z.array(z.string().regex(/^\d{5}$/, 'must be a 5-digit French postcode')).max(300).optional(),
  polygon: CatalogGeoJsonPolygon.nullable().optional(),
  feeCents: CatalogCents.optional(),
  minOrderCents: CatalogCents.optional(),
  /** Delivery is free from this subtotal on. */
  freeAboveCents: CatalogCents.nullable().optional(),
  etaMinutes: z.number().int().min(5).max(240).optional(),
  /** Lower wins when zones overlap. */
  priority: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});

export interface ZoneGeometry {
  kind: 'radius' | 'postcodes' | 'polygon';
  radiusM?: number | null | undefined;
  postcodes?: readonly string[] | undefined;
  polygon?: CatalogGeoJsonPolygon | null | undefined;
}

export function zoneIssues(z: ZoneGeometry): CatalogIssue[] {
  if (z.kind === 'radius' && z.radiusM == null) return [{ path: ['radiusM'], message: 'a radius zone needs radiusM' }];
  if (z.kind === 'postcodes' && !z.postcodes?.length) return [{ path: ['postcodes'], message: 'a postcodes zone needs at least one postcode' }];
  if (z.kind === 'polygon' && !z.polygon) return [{ path: ['polygon'], message: 'a polygon zone needs a GeoJSON polygon' }];
  return [];
}

export const DeliveryZoneBody = catalogChecked(ZoneFields, zoneIssues);
export type DeliveryZoneBody = z.infer<typeof ZoneFields>;
export const DeliveryZonePatchBody = ZoneFields.partial();
export type DeliveryZonePatchBody = z.infer<typeof DeliveryZonePatchBody>;
export const DeliveryZoneListQuery = CatalogPageQuery.extend({ active: CatalogQueryBool.optional(), q: CatalogSearch.optional() });
export type DeliveryZoneListQuery = z.infer<typeof DeliveryZoneListQuery>;

export const DeliveryZoneDto = z.object({
  id: Id, restaurantId: Id, name: z.string(), kind: CatalogZoneKind, radiusM: z.number().int().nullable(),
  postcodes: z.array(z.string()), polygon: CatalogGeoJsonPolygon.nullable(), feeCents: z.number().int(),
  minOrderCents: z.number().int(), freeAboveCents: z.number().int().nullable(), etaMinutes: z.number().int(),
  priority: z.number().int(), active: z.boolean(),
  ...CatalogTimestamps,
});
export type DeliveryZoneDto = z.infer<typeof DeliveryZoneDto>;
export const DeliveryZonePage = catalogPage(DeliveryZoneDto);
export type DeliveryZonePage = z.infer<typeof DeliveryZonePage>;

// ── Weekly opening hours ──

const HoursEntry = z.object({
  weekday: z.number().int().min(1).max(7),
  opensAt: CatalogTime.refine((t) => t !== '24:00', 'a service cannot open at 24:00'),
  /** At or before opensAt means the next morning (19:00–02:00). */
  closesAt: CatalogTime,
});

/** Two openings of one weekday must not overlap; an overnight one runs to midnight here. */
function hoursIssues(v: { items: z.infer<typeof HoursEntry>[] }): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const spans = v.items.map((h, i) => {
    const open = catalogMinutes(h.opensAt), close = catalogMinutes(h.closesAt);
    if (open === close) issues.push({ path: ['items', i, 'closesAt'], message: 'closesAt must differ from opensAt' });
    return { i, weekday: h.weekday, open, close: close <= open ? 1440 : close };
  });
  for (const a of spans) {
    const clash = spans.find((b) => b.i < a.i && b.weekday === a.weekday && b.open < a.close && a.open < b.close);
    if (clash) issues.push({ path: ['items', a.i], message: `overlaps another opening of weekday ${a.weekday}` });
  }
  return issues;
}

/** PUT replaces the whole week; an empty list means closed every day. */
export const OpeningHoursPutBody = catalogChecked(z.object({ items: z.array(HoursEntry).max(50) }), hoursIssues);
export type OpeningHoursPutBody = z.infer<typeof OpeningHoursPutBody>;
export const OpeningHoursDto = HoursEntry.extend({ id: Id, closesAt: z.string(), opensAt: z.string() });
export const OpeningHoursList = z.object({ items: z.array(OpeningHoursDto) });
export type OpeningHoursList = z.infer<typeof OpeningHoursList>;

// ── Closures ──

const ClosureFields = z.object({
  startDate: CatalogDate,
  endDate: CatalogDate,
  reason: z.string().trim().max(500).nullable().optional(),
  /** An exceptional opening instead of a closure ("open on the 15th"). */
  isOpening: z.boolean().optional(),
  opensAt: CatalogTime.nullable().optional(),
  closesAt: CatalogTime.nullable().optional(),
});

export interface ClosureRules {
  startDate: string; endDate: string; isOpening?: boolean | undefined;
  opensAt?: string | null | undefined; closesAt?: string | null | undefined;
}

export function closureIssues(c: ClosureRules): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  if (c.startDate > c.endDate) issues.push({ path: ['endDate'], message: 'endDate must not be before startDate' });
  const timed = c.opensAt != null || c.closesAt != null;
  if (timed && !c.isOpening) issues.push({ path: ['opensAt'], message: 'opening times only apply to an exceptional opening' });
  else if ((c.opensAt == null) !== (c.closesAt == null)) issues.push({ path: ['closesAt'], message: 'give both opensAt and closesAt, or neither' });
  else if (c.opensAt && c.opensAt === c.closesAt) issues.push({ path: ['closesAt'], message: 'closesAt must differ from opensAt' });
  return issues;
}

export const ClosureBody = catalogChecked(ClosureFields, closureIssues);
export type ClosureBody = z.infer<typeof ClosureFields>;
export const ClosurePatchBody = ClosureFields.partial();
export type ClosurePatchBody = z.infer<typeof ClosurePatchBody>;
/** `from` keeps closures still running on or after that date. */
export const ClosureListQuery = CatalogPageQuery.extend({ from: CatalogDate.optional(), q: CatalogSearch.optional(), isOpening: CatalogQueryBool.optional() });
export type ClosureListQuery = z.infer<typeof ClosureListQuery>;

export const ClosureDto = z.object({
  id: Id, restaurantId: Id, startDate: z.string(), endDate: z.string(), reason: z.string().nullable(),
  isOpening: z.boolean(), opensAt: z.string().nullable(), closesAt: z.string().nullable(),
});
export type ClosureDto = z.infer<typeof ClosureDto>;
export const ClosurePage = catalogPage(ClosureDto);
export type ClosurePage = z.infer<typeof ClosurePage>;
