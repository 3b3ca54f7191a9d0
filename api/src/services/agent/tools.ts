// The agent's tools: one zod schema each, built from the restaurant's live
// codes (items, options, formulas, steps as enums). The same schema gives the
// JSON Schema sent to the model and validates what the model sends back.
import { z } from 'zod';
import type { CodeBook } from './codes.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Date locale AAAA-MM-JJ (calcule-la : "ce soir", "samedi"…)');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).describe('Heure locale HH:MM');
const address = z.object({
  line1: z.string().min(3).describe('Numéro et rue'),
  postcode: z.string().regex(/^\d{5}$/).describe('Code postal à 5 chiffres'),
  city: z.string().min(1),
  instructions: z.string().optional().describe('Code, étage, interphone'),
});
const allergen = z.enum(['gluten', 'crustaceans', 'eggs', 'fish', 'peanuts', 'soybeans', 'milk', 'nuts', 'celery', 'mustard', 'sesame', 'sulphites', 'lupin', 'molluscs']);

// z.enum needs at least one value; a restaurant without formulas gets a code nobody can say.
const codeEnum = (codes: string[], what: string) => z.enum((codes.length ? codes : ['none']) as [string, ...string[]]).describe(what);

export function toolSchemas(codes: CodeBook) {
  const item = codeEnum([...codes.codes('i'), ...codes.codes('f')], 'Code du plat [i…] ou de la formule [f…]');
  const option = codeEnum(codes.codes('o'), "Code d'option [o…]");
  const step = codeEnum(codes.codes('s'), "Code d'étape de formule [s…]");
  const orderLines = z.array(z.object({
    code: item,
    quantity: z.number().int().min(1).max(50),
    options: z.array(option).optional().describe('Options choisies (taille, suppléments…)'),
    choices: z.array(z.object({ step, items: z.array(codeEnum(codes.codes('i'), 'Code du plat choisi')).min(1) })).optional()
      .describe('Pour une formule : les plats choisis à chaque étape'),
    notes: z.string().optional(),
  })).min(1);
  const orderBase = z.object({
    type: z.enum(['pickup', 'delivery', 'dine_in']).describe('à emporter, livraison ou sur place'),
    lines: orderLines,
    date: date.optional().describe("Date souhaitée ; absente = dès que possible"),
    time: time.optional().describe('Heure souhaitée ; absente = dès que possible'),
    delivery_address: address.optional(),
  });
  return {
    check_availability: z.object({
      kind: z.enum(['pickup', 'delivery', 'reservation']),
      date: date.optional(), time: time.optional(),
      party_size: z.number().int().min(1).max(100).optional().describe('Nombre de personnes (réservation)'),
    }).describe("Vérifie un horaire de retrait, de livraison ou de réservation ; sans heure, donne les prochains créneaux libres."),
    check_delivery_address: address.describe("Vérifie qu'une adresse est livrable : zone, frais, minimum, délai."),
    quote_order: orderBase.describe('Calcule le total détaillé (options, formules, offres, livraison) et l’heure prévue, sans enregistrer.'),
    confirm_order: orderBase.extend({
      customer_name: z.string().min(1).describe("Nom de l'appelant"),
      notes: z.string().optional(), allergy_notes: z.string().optional(),
    }).describe("Enregistre la commande après l'accord explicite de l'appelant sur le récapitulatif."),
    modify_order: z.object({
      lines: orderLines.describe('La liste complète des articles après le changement, pas seulement la différence'),
      notes: z.string().optional(), allergy_notes: z.string().optional(),
    }).describe("Modifie la commande enregistrée pendant cet appel, tant que la cuisine ne l'a pas commencée : même mode, adresse et heure."),
    confirm_reservation: z.object({
      date, time, party_size: z.number().int().min(1).max(100), customer_name: z.string().min(1),
      notes: z.string().optional(), allergies: z.array(allergen).optional(),
    }).describe('Enregistre une réservation de table après accord de l’appelant.'),
    cancel_or_modify_reservation: z.object({
      action: z.enum(['list', 'cancel', 'modify']),
      reservation_id: z.string().optional().describe('Identifiant donné par action list, si plusieurs réservations'),
      date: date.optional(), time: time.optional(), party_size: z.number().int().min(1).max(100).optional(),
    }).describe("Retrouve les réservations à venir du numéro de l'appelant, puis les annule ou les modifie."),
    save_customer_info: z.object({
      first_name: z.string().optional(), last_name: z.string().optional(), email: z.string().email().optional(),
      address: address.optional(), allergies: z.array(allergen).optional(), notes: z.string().optional(),
    }).describe("Mémorise des informations sur l'appelant (nom, adresse, allergies) pour ses prochains appels."),
    log_unknown_question: z.object({ question: z.string().min(3) })
      .describe('Transmet au restaurateur une question à laquelle tu ne sais pas répondre.'),
    take_message: z.object({
      message: z.string().min(3), callback_wanted: z.boolean().default(true), name: z.string().optional(),
    }).describe("Laisse un message au restaurant (demande de rappel…)."),
    transfer_to_human: z.object({ reason: z.string().min(2) })
      .describe("Transfère l'appel à l'équipe. Dis d'abord une courte phrase d'attente."),
    end_call: z.object({ reason: z.string().min(2) })
      .describe("Raccroche après ta formule d'au revoir."),
  };
}

export type ToolSchemas = ReturnType<typeof toolSchemas>;
export type ToolName = keyof ToolSchemas;
export const TOOL_NAMES = Object.keys(toolSchemas({ code: (x) => x, id: () => undefined, codes: () => [] })) as ToolName[];

/** Realtime function tool definitions ({type:'function', name, description, parameters}). */
export function toolDefinitions(schemas: ToolSchemas) {
  return (Object.entries(schemas) as Array<[ToolName, z.ZodType]>).map(([name, schema]) => {
    const { description, $schema: _, ...parameters } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown> & { description?: string };
    return { type: 'function' as const, name, description: description ?? name, parameters };
  });
}
