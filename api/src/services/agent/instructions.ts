// The model's instructions, in French. Restaurant knowledge first and the
// caller last: every response re-reads the whole prompt, and OpenAI caches a
// stable prefix, so nothing that changes per call may come before the tail.
import type { RestaurantKnowledge } from '../../repositories/agent/agent-repository.ts';
import type { CodeBook } from './codes.ts';
import { formatEuros } from '../../domain/money.ts';
import { addDays, toLocal } from '../../domain/calendar.ts';

const DAYS = ['', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
export const ALLERGEN_FR: Record<string, string> = {
  gluten: 'gluten', crustaceans: 'crustacés', eggs: 'œufs', fish: 'poisson', peanuts: 'arachides', soybeans: 'soja',
  milk: 'lait', nuts: 'fruits à coque', celery: 'céleri', mustard: 'moutarde', sesame: 'sésame', sulphites: 'sulfites',
  lupin: 'lupin', molluscs: 'mollusques',
};
const TAG_FR: Record<string, string> = {
  vegetarian: 'végétarien', vegan: 'végan', gluten_free: 'sans gluten', halal: 'halal', kosher: 'casher', spicy: 'épicé',
  organic: 'bio', homemade: 'fait maison',
};
const euros = (cents: number) => formatEuros(cents).replace(/\u202f|\u00a0/g, ' ');
const days = (list: number[]) => (list.length === 0 || list.length === 7 ? 'tous les jours' : list.map((d) => DAYS[d]).join(', '));

function rules(r: RestaurantKnowledge): string {
  const modes = [r.acceptsPickup && 'à emporter', r.acceptsDelivery && 'en livraison', r.acceptsDineIn && 'sur place'].filter(Boolean).join(', ');
  return `Tu es l'assistant vocal du restaurant « ${r.name} » (${r.addressLine1}, ${r.postcode} ${r.city}). Tu réponds au téléphone.
Règles :
- Parle ${r.aiLanguage === 'en' ? 'anglais' : 'français'} par défaut ; si l'appelant parle une autre langue, réponds dans sa langue. Vouvoie. Phrases courtes, une question à la fois.
- Tu prends les commandes (${modes}) ${r.acceptsReservations ? 'et les réservations de table' : ''}, et tu réponds aux questions sur la carte, les prix, les allergènes, les horaires et les offres.
- N'invente jamais un plat, un prix, un horaire ou une disponibilité : utilise la carte ci-dessous et les outils. Les codes entre crochets (ex. [i1ab]) sont pour les outils, ne les prononce jamais.
- Avant de confirmer une commande : appelle quote_order, relis le récapitulatif et le total, demande le nom, puis confirm_order. Ne dis « c'est confirmé » qu'après la réponse de confirm_order.
- Changement après confirm_order (ajout, retrait, option) : modify_order avec la liste complète à jour, puis relis le nouveau total.
- Livraison : vérifie l'adresse avec check_delivery_address ; si elle demande une confirmation, fais répéter le numéro et la rue.
- Réservation : vérifie avec check_availability (kind reservation) puis confirm_reservation. Si c'est complet, propose les horaires alternatifs donnés par l'outil.
- Allergies : cite les allergènes de la carte ; en cas de doute, dis-le et propose de transmettre la question.
- Question inconnue : dis que tu vas transmettre, appelle log_unknown_question. Rappel demandé : take_message.
- Si l'appelant demande un humain, s'énerve ou si tu bloques deux fois : transfer_to_human. En fin d'appel : remercie, puis end_call.
- Un outil qui répond ok:false donne un message : suis-le, ne le lis pas mot pour mot.${r.aiPersonaNotes ? `\nNotes du restaurateur : ${r.aiPersonaNotes}` : ''}`;
}

function hours(r: RestaurantKnowledge, today: string): string {
  const byDay = new Map<number, string[]>();
  for (const h of r.openingHours) byDay.set(h.weekday, [...(byDay.get(h.weekday) ?? []), `${h.opensAt}-${h.closesAt}`]);
  const week = [1, 2, 3, 4, 5, 6, 7].map((d) => `${DAYS[d]} ${byDay.get(d)?.join(' et ') ?? 'fermé'}`).join(' ; ');
  const horizon = addDays(today, 60);
  const closures = r.closures.filter((c) => !c.isOpening && c.endDate >= today && c.startDate <= horizon)
    .map((c) => `${c.startDate === c.endDate ? `le ${c.startDate}` : `du ${c.startDate} au ${c.endDate}`}${c.reason ? ` (${c.reason})` : ''}`);
  const services = r.diningServices.map((s) => `${s.name} : ${days(s.weekdays)}, ${s.startTime}-${s.endTime}, dernière arrivée ${s.lastSeatingTime}, ${s.minParty} à ${s.maxParty} personnes${s.prepaymentAboveGuests ? `, acompte au-delà de ${s.prepaymentAboveGuests}` : ''}`);
  return `Horaires (commandes) : ${week}.${closures.length ? `\nFermetures exceptionnelles : ${closures.join(' ; ')}.` : ''}${services.length ? `\nServices (réservations) :\n- ${services.join('\n- ')}` : ''}
Délai de préparation : ${r.prepLeadMinutes} minutes environ.`;
}

function menu(r: RestaurantKnowledge, codes: CodeBook): string {
  const groups = new Map(r.optionGroups.map((g) => [g.id, g]));
  const usedGroups = new Set<string>();
  const lines: string[] = [];
  for (const cat of r.menuCategories) {
    lines.push(`## ${cat.name}`);
    for (const i of cat.items) {
      const allergens = i.allergens.map((a) => ALLERGEN_FR[a] ?? a).join(', ');
      const tags = i.dietaryTags.map((t) => TAG_FR[t] ?? t).join(', ');
      const gs = i.optionGroups.map((g) => codes.code(g.groupId));
      i.optionGroups.forEach((g) => usedGroups.add(g.groupId));
      lines.push(`- [${codes.code(i.id)}] ${i.name} ${euros(i.priceCents)}${i.available ? '' : ' (ÉPUISÉ aujourd\'hui)'}${i.description ? ` : ${i.description}` : ''}${allergens ? ` | allergènes : ${allergens}` : ''}${tags ? ` | ${tags}` : ''}${gs.length ? ` | options ${gs.join(' ')}` : ''}`);
    }
  }
  const optionLines = [...usedGroups].map((id) => groups.get(id)).filter((g) => g !== undefined).map((g) => {
    const rule = g.required ? `obligatoire, ${g.minSelect === g.maxSelect ? g.minSelect : `${g.minSelect} à ${g.maxSelect}`}` : `facultatif, jusqu'à ${g.maxSelect}`;
    const opts = g.options.map((o) => `[${codes.code(o.id)}] ${o.name}${o.priceDeltaCents ? ` +${euros(o.priceDeltaCents)}` : ''}${o.available ? '' : ' (épuisé)'}${o.allergens.length ? ` (${o.allergens.map((a) => ALLERGEN_FR[a] ?? a).join(', ')})` : ''}`);
    return `- ${codes.code(g.id)} ${g.name} (${rule}) : ${opts.join(', ')}`;
  });
  const formulas = r.formulas.map((f) => {
    const steps = f.steps.map((s) => `${s.name} [${codes.code(s.id)}] ${s.minChoices === s.maxChoices ? s.minChoices : `${s.minChoices}-${s.maxChoices}`} au choix parmi ${s.choices.map((c) => `${codes.code(c.itemId)}${c.supplementCents ? ` (+${euros(c.supplementCents)})` : ''}`).join(', ')}`);
    return `- [${codes.code(f.id)}] ${f.name} ${euros(f.priceCents)} (${days(f.weekdays)}) : ${steps.join(' ; ')}`;
  });
  return `# Carte\n${lines.join('\n')}\n# Options\n${optionLines.join('\n')}${formulas.length ? `\n# Formules\n${formulas.join('\n')}` : ''}`;
}

function offersAndDelivery(r: RestaurantKnowledge, today: string): string {
  const offers = r.offers.filter((o) => (!o.endDate || o.endDate >= today)).map((o) => {
    const what = o.discountPercent ? `-${o.discountPercent} %` : o.discountAmountCents ? `-${euros(o.discountAmountCents)}` : 'menu spécial';
    const when = [o.startDate && `du ${o.startDate}`, o.endDate && `au ${o.endDate}`, o.weekdays.length ? days(o.weekdays) : '', o.startTime && `${o.startTime}-${o.endTime}`].filter(Boolean).join(' ');
    return `- ${o.name} : ${what}${when ? `, ${when}` : ''}${o.minOrderCents ? `, dès ${euros(o.minOrderCents)}` : ''}${o.description ? ` (${o.description})` : ''}. Appliquée automatiquement par quote_order.`;
  });
  const zones = r.deliveryZones.map((z) => `- ${z.name} : frais ${euros(z.feeCents)}, minimum ${euros(z.minOrderCents)}${z.freeAboveCents ? `, offerte dès ${euros(z.freeAboveCents)}` : ''}, environ ${z.etaMinutes} min`);
  const faq = r.faqs.filter((f) => f.answer).map((f) => `- Q : ${f.question}\n  R : ${f.answer}`);
  return [
    offers.length ? `# Offres en cours\n${offers.join('\n')}` : '',
    r.acceptsDelivery && zones.length ? `# Livraison\n${zones.join('\n')}` : '',
    faq.length ? `# Questions fréquentes\n${faq.join('\n')}` : '',
  ].filter(Boolean).join('\n');
}

/** The part shared by every call to this restaurant (until its data changes). */
export function restaurantPrefix(r: RestaurantKnowledge, codes: CodeBook, today: string): string {
  return [rules(r), hours(r, today), menu(r, codes), offersAndDelivery(r, today)].filter(Boolean).join('\n\n');
}

export interface CallerContext {
  number: string | null;
  customer: {
    firstName: string | null; lastName: string | null; notes: string | null; allergies: string[];
    address: { line1: string; postcode: string; city: string } | null;
    lastOrder: string | null; upcomingReservation: string | null;
  } | null;
}

/** The per-call tail: now, and who is calling. */
export function callerTail(now: Date, timeZone: string, caller: CallerContext): string {
  const local = toLocal(now, timeZone);
  const lines = [`# Cet appel\nNous sommes ${DAYS[local.weekday]} ${local.date}, il est ${local.time} (heure du restaurant).`];
  if (!caller.number) lines.push('Numéro masqué : demande un numéro de rappel pour toute commande ou réservation.');
  else lines.push(`Numéro de l'appelant : ${caller.number} (à utiliser sans le redemander).`);
  const c = caller.customer;
  if (c) {
    const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
    lines.push(`Client connu${name ? ` : ${name}` : ''}. Salue-le par son prénom${c.address ? ` et propose la même adresse que la dernière fois (${c.address.line1}, ${c.address.postcode} ${c.address.city})` : ''}.`);
    if (c.lastOrder) lines.push(`Dernière commande : ${c.lastOrder}.`);
    if (c.upcomingReservation) lines.push(`Réservation à venir : ${c.upcomingReservation}.`);
    if (c.allergies.length) lines.push(`Allergies connues : ${c.allergies.map((a) => ALLERGEN_FR[a] ?? a).join(', ')}. Rappelle-les si un plat en contient.`);
    if (c.notes) lines.push(`Notes : ${c.notes}`);
  }
  return lines.join('\n');
}
