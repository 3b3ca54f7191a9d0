// What was said in the demo calls, with the tool calls the agent made between
// turns. Amounts and items come from the orders themselves, so a transcript
// never reads back a total that differs from the order it created.
import type { OrderDraft } from './demo-orders.ts';
import type { PricedLine } from './demo-pricing.ts';
import type { CallBooking } from './demo-reservations.ts';
import { spokenEuros } from './demo-pricing.ts';

export type Step =
  | { role: 'caller' | 'agent'; text: string }
  | { tool: string; args: Record<string, unknown>; result: Record<string, unknown>; latencyMs: number };

const GREETING = 'Bonjour, Pizzeria Bella, je suis l’assistant vocal du restaurant. Que puis-je faire pour vous ?';
const agent = (text: string): Step => ({ role: 'agent', text });
const caller = (text: string): Step => ({ role: 'caller', text });

function lineWords(l: PricedLine): string {
  const size = l.options.some((o) => o.group === 'Taille' && o.name === 'Grande') ? ' grande' : '';
  const extras = [...l.options.filter((o) => o.group !== 'Taille').map((o) => o.name.toLowerCase()), ...l.formulaChoices.map((c) => c.item)];
  return `${l.quantity} ${l.name}${size}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}

const readBack = (o: OrderDraft): string => o.lines.map(lineWords).join(', ');

function cartArgs(o: OrderDraft): Record<string, unknown>[] {
  return o.lines.map((l) => (l.formulaName
    ? { formula: l.formulaName, quantity: l.quantity, choices: l.formulaChoices.map((c) => ({ step: c.step, item: c.item })) }
    : { item: l.name, quantity: l.quantity, options: l.options.map((o) => ({ group: o.group, name: o.name })) }));
}

function priceAndCreate(o: OrderDraft, latency: [number, number]): Step[] {
  return [
    { tool: 'price_order', args: { type: o.type, items: cartArgs(o) }, latencyMs: latency[0], result: o.breakdown },
    agent(`Je récapitule : ${readBack(o)}. ${o.deliveryFeeCents ? `Avec ${spokenEuros(o.deliveryFeeCents)} de livraison, ` : ''}`
      + `${o.discountCents ? `après la remise de ${spokenEuros(o.discountCents)}, ` : ''}le total est de ${spokenEuros(o.totalCents)}. Je valide ?`),
    caller('Oui, c’est parfait.'),
    { tool: 'create_order', args: { type: o.type, items: cartArgs(o), idempotencyKey: o.idempotencyKey }, latencyMs: latency[1],
      result: { ok: true, orderNumber: o.number, totalCents: o.totalCents, promisedAt: o.promisedAt.toISOString() } },
  ];
}

const hhmm = (d: Date): string =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(d).replace(':', ' h ');

export function sophieOrder(o: OrderDraft): Step[] {
  const a = o.delivery?.address;
  return [
    agent(GREETING),
    caller('Bonjour, je voudrais commander en livraison s’il vous plaît.'),
    { tool: 'find_customer', args: { phone: o.customerPhone }, latencyMs: 38,
      result: { found: true, firstName: 'Sophie', allergies: ['nuts'], addresses: a ? [{ line1: a.line1, postcode: a.postcode }] : [] } },
    agent(`Bonjour Madame Martin. Je livre au ${a?.line1 ?? ''}, comme d’habitude ? Et je note bien votre allergie aux fruits à coque.`),
    caller('Oui, même adresse. Une Margherita avec de la burrata, une végétarienne, deux panna cotta et une San Pellegrino.'),
    ...priceAndCreate(o, [112, 240]),
    agent(`C’est noté, commande numéro ${o.number}. Livraison prévue vers ${hhmm(o.promisedAt)}. Le livreur vous appellera à l’arrivée.`),
    caller('Merci, bonne soirée.'),
  ];
}

export function karimOrder(o: OrderDraft): Step[] {
  return [
    agent(GREETING),
    caller(`Salut, c’est Karim. Je passe prendre deux pizzas vers ${o.requestedFor ? hhmm(o.requestedFor) : 'tout à l’heure'}.`),
    agent('Bonjour Karim ! Qu’est-ce qui vous ferait plaisir ?'),
    caller('Une Regina en grande avec du piment, une Diavola normale, et deux Coca.'),
    agent('Très bien. Je demande une cuisson bien cuite, comme d’habitude ?'),
    caller('Oui, bien cuite, merci.'),
    ...priceAndCreate(o, [98, 205]),
    agent(`Parfait, commande ${o.number}, prête pour ${o.requestedFor ? hhmm(o.requestedFor) : 'dans vingt minutes'}. À tout à l’heure !`),
  ];
}

export function leaOrder(o: OrderDraft): Step[] {
  const a = o.delivery?.address;
  return [
    agent(GREETING),
    caller('Bonjour, je voudrais me faire livrer, cours Julien.'),
    { tool: 'check_delivery', args: { line1: a?.line1, postcode: a?.postcode, city: 'Marseille' }, latencyMs: 310,
      result: { deliverable: true, zone: o.delivery?.zone.name, feeCents: o.delivery?.zone.feeCents,
        minOrderCents: o.delivery?.zone.minOrderCents, distanceM: o.delivery?.distanceM, etaMinutes: o.delivery?.zone.etaMinutes } },
    agent(`Nous livrons bien le ${a?.line1 ?? 'cours Julien'}, comptez environ ${o.delivery?.zone.etaMinutes ?? 40} minutes. Que souhaitez-vous ?`),
    caller('Des pâtes au pesto, des penne, une bruschetta, et un menu enfant avec une Margherita.'),
    agent('Pour le menu enfant, quel dessert et quelle boisson ? Panna cotta ou pizza Nutella, limonade ou eau ?'),
    caller('Pizza Nutella et limonade.'),
    ...priceAndCreate(o, [120, 260]),
    agent('C’est enregistré. Le restaurant confirme la commande dans un instant, vous recevrez un SMS. Bonne soirée !'),
  ];
}

export const longDate = (date: string): string =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${date}T12:00:00Z`));

export function leaReservation(r: CallBooking): Step[] {
  const when = `${longDate(r.date)} à ${r.time.replace(':', ' h ')}`;
  return [
    agent(GREETING),
    caller(`Bonjour, je voudrais réserver pour ${r.partySize} personnes, ${longDate(r.date)} vers 20 heures, en terrasse.`),
    { tool: 'check_availability', args: { date: r.date, time: '20:00', partySize: r.partySize, area: 'Terrasse' }, latencyMs: 145,
      result: { available: false, alternatives: ['19:30', '21:15'] } },
    agent('À 20 heures la terrasse est complète. Je peux vous proposer 19 h 30 ou 21 h 15 en terrasse.'),
    caller('19 h 30, ça ira. Nous aurons une poussette.'),
    { tool: 'create_reservation',
      args: { date: r.date, time: r.time, partySize: r.partySize, area: 'Terrasse', name: 'Léa Nguyen', notes: r.notes, idempotencyKey: r.idempotencyKey },
      latencyMs: 230, result: { ok: true, status: 'confirmed', date: r.date, time: r.time, partySize: r.partySize } },
    agent(`C’est réservé : ${r.partySize} personnes, ${when}, en terrasse, au nom de Léa Nguyen. Je note la poussette.`),
    caller('Merci beaucoup, au revoir.'),
  ];
}

export function lactoseQuestion(): Step[] {
  return [
    agent(GREETING),
    caller('Bonjour, vous êtes ouverts le lundi ?'),
    { tool: 'get_opening_hours', args: {}, latencyMs: 22,
      result: { closedWeekdays: [1], hours: [{ weekdays: [2, 3, 4, 5, 6, 7], ranges: ['11:30-14:30', '18:30-22:30'] }] } },
    agent('Nous sommes fermés le lundi. Du mardi au dimanche, c’est de 11 h 30 à 14 h 30 et de 18 h 30 à 22 h 30.'),
    caller('D’accord. Et vous faites des pizzas sans lactose ? Ma fille ne digère pas le lait.'),
    { tool: 'search_faq', args: { question: 'pizza sans lactose' }, latencyMs: 64, result: { found: false } },
    agent('Je n’ai pas cette information sûre. La Marinara et la Bianca n’ont pas de fromage. Je transmets votre question à l’équipe.'),
    { tool: 'record_question', args: { question: 'Faites-vous des pizzas sans lactose ?' }, latencyMs: 41, result: { ok: true, timesAsked: 3 } },
    caller('Très bien, merci.'),
  ];
}

export function privatisationTransfer(): Step[] {
  return [
    agent(GREETING),
    caller('Bonjour, c’est Marc Giraud. Je voudrais privatiser la salle pour une trentaine de personnes, un vendredi soir.'),
    agent('Pour une privatisation, c’est l’équipe qui s’en occupe. Je vous passe un responsable, ne quittez pas.'),
    caller('Très bien, je patiente.'),
    { tool: 'transfer_call', args: { reason: 'Privatisation, environ 30 personnes, un vendredi soir' }, latencyMs: 18,
      result: { ok: true, target: 'ht841-fxs-1' } },
  ];
}

export function cateringMessage(): Step[] {
  return [
    agent(GREETING),
    caller('Oui bonjour, c’est monsieur Fabre. Je voudrais quinze pizzas pour samedi prochain midi, pour un anniversaire. Vous faites un prix ?'),
    agent('Pour une commande de cette taille, le responsable préfère vous rappeler pour le prix. Je prends un message ?'),
    caller('Oui, rappelez-moi cet après-midi.'),
    { tool: 'take_message',
      args: { callerName: 'Jean-Pierre Fabre', body: '15 pizzas pour samedi prochain midi (anniversaire), demande un prix de groupe. Rappeler l’après-midi.' },
      latencyMs: 35, result: { ok: true } },
    agent('C’est noté, monsieur Fabre. On vous rappelle cet après-midi. Bonne journée !'),
  ];
}
