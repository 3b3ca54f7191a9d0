// Choosing tables for a party. One table is always preferred over pushing
// tables together (staff effort, room layout); among combinations, fewer
// tables then fewer empty seats.

export interface TableInput {
  id: string;
  roomId: string;
  minCapacity: number;
  maxCapacity: number;
  combinable: boolean;
  active: boolean;
}

export function fitTables(tables: TableInput[], partySize: number, busy: ReadonlySet<string>): string[] | null {
  const free = tables.filter((t) => t.active && !busy.has(t.id));
  const single = free
    .filter((t) => t.minCapacity <= partySize && partySize <= t.maxCapacity)
    .sort((a, b) => a.maxCapacity - b.maxCapacity)[0];
  if (single) return [single.id];

  let best: { ids: string[]; excess: number } | null = null;
  const rooms = new Map<string, TableInput[]>();
  for (const t of free.filter((t) => t.combinable)) rooms.set(t.roomId, [...(rooms.get(t.roomId) ?? []), t]);
  for (const roomTables of rooms.values()) {
    const found = smallestCombination(roomTables, partySize, best?.ids.length ?? Infinity);
    if (!found) continue;
    if (!best || found.ids.length < best.ids.length || (found.ids.length === best.ids.length && found.excess < best.excess)) {
      best = found;
    }
  }
  return best?.ids ?? null;
}

/**
 * Fewest tables of one room whose seats reach the party, then least excess.
 * The minimum count is known up front (largest tables first), so only
 * combinations of exactly that size are enumerated.
 */
function smallestCombination(tables: TableInput[], party: number, maxCount: number): { ids: string[]; excess: number } | null {
  const sorted = [...tables].sort((a, b) => b.maxCapacity - a.maxCapacity);
  let k = 0;
  let seats = 0;
  while (k < sorted.length && seats < party) seats += sorted[k++]!.maxCapacity;
  if (seats < party || k > maxCount) return null;

  let best: { ids: string[]; excess: number } | null = null;
  const pick: TableInput[] = [];
  const walk = (from: number, sum: number): void => {
    if (pick.length === k) {
      if (sum >= party && (!best || sum - party < best.excess)) best = { ids: pick.map((t) => t.id), excess: sum - party };
      return;
    }
    const need = k - pick.length;
    for (let i = from; i <= sorted.length - need; i++) {
      let reachable = sum;
      for (let j = i; j < i + need; j++) reachable += sorted[j]!.maxCapacity;
      if (reachable < party) return; // sorted descending: later starts only give less
      pick.push(sorted[i]!);
      walk(i + 1, sum + sorted[i]!.maxCapacity);
      pick.pop();
      if (best?.excess === 0) return;
    }
  };
  walk(0, 0);
  return best;
}
