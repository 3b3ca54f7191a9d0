// Per-restaurant prompt material, built once and reused: the instructions'
// stable prefix, the menu codes and the tool schemas. Rebuilding costs a
// dozen queries and blocks the event loop for up to ~10 ms at a time, so it
// happens when the restaurant's catalog changes (pushed by PostgreSQL), or by
// age where nothing is pushed (PGlite). It runs in the background while calls
// get the previous build.
import { AppError } from '../../errors.ts';
import { refreshingCache } from '../../util/refreshing-cache.ts';
import { catalogCacheOptions, type CatalogChanges } from '../../live/catalog-changes.ts';
import type { AgentRepository, RestaurantKnowledge } from '../../repositories/agent/agent-repository.ts';
import { codeBook, type CodeBook } from './codes.ts';
import { restaurantPrefix } from './instructions.ts';
import { toolDefinitions, toolSchemas, type ToolSchemas } from './tools.ts';
import { toLocal } from '../../domain/calendar.ts';
import { intervalsAround, type Interval } from '../../domain/availability/opening.ts';

export interface Knowledge {
  restaurant: RestaurantKnowledge;
  codes: CodeBook;
  prefix: string;
  schemas: ToolSchemas;
  definitions: ReturnType<typeof toolDefinitions>;
  localDate: string;
  /** Opening intervals of yesterday and today (local): "open now?" without recomputing them per call. */
  openIntervals: Interval[];
}

export function knowledgeCache(repo: AgentRepository, catalog?: CatalogChanges) {
  async function build(restaurantId: string, now: Date): Promise<Knowledge> {
    const r = await repo.knowledge(restaurantId);
    if (!r) throw new AppError('not_found', 'Restaurant introuvable');
    const codes = codeBook([
      ['i', r.menuCategories.flatMap((c) => c.items.map((i) => i.id))],
      ['o', r.optionGroups.flatMap((g) => [g.id, ...g.options.map((o) => o.id)])],
      ['f', r.formulas.map((f) => f.id)],
      ['s', r.formulas.flatMap((f) => f.steps.map((s) => s.id))],
    ]);
    const localDate = toLocal(now, r.timeZone).date;
    const schemas = toolSchemas(codes);
    const openIntervals = intervalsAround({ openingHours: r.openingHours, closures: r.closures, timeZone: r.timeZone }, localDate);
    return { restaurant: r, codes, prefix: restaurantPrefix(r, codes, localDate), schemas, definitions: toolDefinitions(schemas), localDate, openIntervals };
  }

  const cache = refreshingCache<string, Knowledge>((restaurantId, nowMs) => build(restaurantId, new Date(nowMs)), {
    ...catalogCacheOptions(catalog),
    // The date matters too: "fermé demain" must not survive midnight.
    usable: (k, nowMs) => toLocal(new Date(nowMs), k.restaurant.timeZone).date === k.localDate,
  });

  catalog?.onChange((restaurantId) => cache.invalidate(restaurantId ?? undefined));

  return {
    get: (restaurantId: string, now: Date): Promise<Knowledge> => cache.get(restaurantId, now.getTime()),
  };
}
export type KnowledgeCache = ReturnType<typeof knowledgeCache>;
