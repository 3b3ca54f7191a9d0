// Small helpers for writing the demo in one transaction: ids come back from
// createManyAndReturn and are looked up by the natural key of each row.
import type { Prisma } from '../generated/prisma/client.ts';

export type Tx = Prisma.TransactionClient;

/** Ids of the rows the activity (orders, calls…) refers to, by natural key. */
export interface Ids {
  itemIds: Map<string, string>; lineIds: Map<string, string>; serviceIds: Map<string, string>;
  formulaIds: Map<string, string>; offerIds: Map<string, string>;
  roomIds: Map<string, string>; tableIds: Map<string, string>; zoneIds: Map<string, string>;
}

export function need<V>(map: Map<string, V>, key: string, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`Demo seed: unknown ${what} "${key}"`);
  return v;
}

export const idsBy = <R extends { id: string }>(rows: R[], key: (r: R) => string): Map<string, string> =>
  new Map(rows.map((r) => [key(r), r.id]));

export const json = (v: unknown): Prisma.InputJsonValue => v as Prisma.InputJsonValue;
