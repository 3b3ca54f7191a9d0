// When a pickup or delivery order can be promised. The kitchen is planned in
// 15-minute slots on the local quarter hour; an order occupies the slot in
// which it is ready (pickup) or leaves (delivery).
import { toLocal } from '../calendar.ts';
import { addMinutes, MINUTE_MS } from '../calendar.ts';
import { intervalsAround, isWithin, type ClosureRow, type Interval, type OpeningHoursRow, type OpeningSchedule } from './opening.ts';

export const KITCHEN_SLOT_MINUTES = 15;
// Far enough to reach past a long closure, bounded so a restaurant with no
// hours at all cannot loop for ever.
const SEARCH_HORIZON_DAYS = 14;

export interface KitchenLoad {
  slotStart: Date;
  orders: number;
  items: number;
}

export interface FulfilmentInput {
  now: Date;
  type: 'pickup' | 'delivery';
  requestedAt?: Date | null;
  prepLeadMinutes: number;
  /** The delivery zone's eta; ignored for pickup. */
  deliveryDurationMinutes?: number;
  openingHours: OpeningHoursRow[];
  closures: ClosureRow[];
  timeZone: string;
  kitchen: { slotMaxOrders?: number | null; slotMaxItems?: number | null };
  existingLoad: KitchenLoad[];
  itemsInOrder: number;
  /** How many upcoming feasible times to list in `next`. */
  count: number;
}

export type FulfilmentRefusal = 'closed' | 'kitchen_full' | 'too_soon' | 'in_the_past';

export interface FulfilmentResult {
  /** First time that can be promised to the customer (pickup or doorstep). */
  earliest: Date | null;
  next: Date[];
  requestedOk?: boolean;
  reason?: FulfilmentRefusal;
}

/** Start of the local quarter hour containing `instant`. */
export function kitchenSlotStart(instant: Date, timeZone: string): Date {
  const wholeMinute = Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS;
  const local = toLocal(new Date(wholeMinute), timeZone);
  return new Date(wholeMinute - (local.minutes % KITCHEN_SLOT_MINUTES) * MINUTE_MS);
}

function ceilToSlot(instant: Date, timeZone: string): Date {
  const start = kitchenSlotStart(instant, timeZone);
  return start.getTime() === instant.getTime() ? start : addMinutes(start, KITCHEN_SLOT_MINUTES);
}

export function fulfilmentTimes(input: FulfilmentInput): FulfilmentResult {
  const travel = input.type === 'delivery' ? (input.deliveryDurationMinutes ?? 0) : 0;
  const schedule: OpeningSchedule = { openingHours: input.openingHours, closures: input.closures, timeZone: input.timeZone };
  const load = new Map(input.existingLoad.map((l) => [l.slotStart.getTime(), l]));
  const notBefore = addMinutes(input.now, input.prepLeadMinutes + travel);
  // A search walks quarter hours, often through a closed night: each local
  // date's opening intervals are worked out once, not once per quarter hour.
  const intervalsByDate = new Map<string, Interval[]>();
  const isOpenAt = (instant: Date): boolean => {
    const date = toLocal(instant, input.timeZone).date;
    let intervals = intervalsByDate.get(date);
    if (!intervals) intervalsByDate.set(date, (intervals = intervalsAround(schedule, date)));
    return isWithin(intervals, instant);
  };

  const refusal = (promised: Date): 'closed' | 'kitchen_full' | null => {
    const ready = addMinutes(promised, -travel);
    if (!isOpenAt(ready)) return 'closed';
    const slot = load.get(kitchenSlotStart(ready, input.timeZone).getTime());
    const { slotMaxOrders, slotMaxItems } = input.kitchen;
    if (slotMaxOrders != null && (slot?.orders ?? 0) >= slotMaxOrders) return 'kitchen_full';
    if (slotMaxItems != null && (slot?.items ?? 0) + input.itemsInOrder > slotMaxItems) return 'kitchen_full';
    return null;
  };

  const scan = (from: Date, wanted: number): { found: Date[]; sawOpen: boolean } => {
    const found: Date[] = [];
    let sawOpen = false;
    const end = addMinutes(from, SEARCH_HORIZON_DAYS * 1440).getTime();
    for (let t = ceilToSlot(from, input.timeZone); t.getTime() < end && found.length < wanted; t = addMinutes(t, KITCHEN_SLOT_MINUTES)) {
      const why = refusal(t);
      if (why !== 'closed') sawOpen = true;
      if (why === null) found.push(t);
    }
    return { found, sawOpen };
  };

  const first = scan(notBefore, Math.max(1, input.count));
  const earliest = first.found[0] ?? null;
  const result: FulfilmentResult = { earliest, next: first.found.slice(0, input.count) };
  if (!earliest) result.reason = first.sawOpen ? 'kitchen_full' : 'closed';

  const requested = input.requestedAt;
  if (!requested) return result;
  // The requested time is judged as asked (19:10 is fine); only the search
  // for alternatives snaps to quarter hours.
  const why: FulfilmentRefusal | null =
    requested < input.now ? 'in_the_past' : requested < notBefore ? 'too_soon' : refusal(requested);
  result.requestedOk = why === null;
  if (why) result.reason = why;
  else delete result.reason;
  // Alternatives around a later request are more useful than the earliest ones.
  if (requested > notBefore) result.next = scan(requested, input.count).found;
  return result;
}
