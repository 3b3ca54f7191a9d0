// The model's order lines ({code, quantity, options, choices}) mapped back to
// menu ids. An unknown code is the model's mistake, answered so it can fix it.
import type { OrderLineRequest } from '../../domain/pricing-types.ts';
import type { CodeBook } from './codes.ts';

export interface ToolLine {
  code: string;
  quantity: number;
  options?: string[] | undefined;
  choices?: Array<{ step: string; items: string[] }> | undefined;
  notes?: string | undefined;
}

export type LinesResult = { ok: true; lines: OrderLineRequest[] } | { ok: false; message: string };

export function linesFromCodes(lines: ToolLine[], codes: CodeBook): LinesResult {
  const out: OrderLineRequest[] = [];
  for (const l of lines) {
    const id = codes.id(l.code);
    if (!id) return { ok: false, message: `Le code ${l.code} n'existe pas sur la carte. Utilise les codes entre crochets de la carte.` };
    const notes = l.notes ? { notes: l.notes } : {};
    if (l.code.startsWith('f')) {
      const choices: Array<{ stepId: string; itemIds: string[] }> = [];
      for (const c of l.choices ?? []) {
        const stepId = codes.id(c.step);
        const itemIds = c.items.map((i) => codes.id(i));
        if (!stepId || itemIds.some((i) => !i)) return { ok: false, message: `Un choix de la formule ${l.code} n'existe pas. Vérifie les codes d'étape [s…] et de plats.` };
        choices.push({ stepId, itemIds: itemIds as string[] });
      }
      out.push({ formulaId: id, quantity: l.quantity, choices, ...notes });
    } else {
      const optionIds = (l.options ?? []).map((o) => codes.id(o));
      if (optionIds.some((o) => !o)) return { ok: false, message: `Une option de ${l.code} n'existe pas. Utilise les codes d'option [o…].` };
      out.push({ itemId: id, quantity: l.quantity, optionIds: optionIds as string[], ...notes });
    }
  }
  return { ok: true, lines: out };
}
