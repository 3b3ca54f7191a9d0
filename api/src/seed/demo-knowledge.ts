// What the agent knows beyond the menu (FAQ) and what it passed on to the team
// (callback messages). Open FAQ entries are questions the agent could not answer.
import { plusMinutes } from './demo-clock.ts';
import { normalizeQuestion } from '../services/operations/faq-key.ts';

export interface FaqDraft {
  question: string; normalizedKey: string; answer: string | null;
  status: 'open' | 'answered'; source: 'ai' | 'manual'; timesAsked: number;
  lastAskedAt: Date; answeredAt: Date | null; createdAt: Date;
}

const ANSWERED: [question: string, answer: string, timesAsked: number][] = [
  ['Avez-vous un parking ?',
    'Pas de parking privé. Le parking public Indigo République est à 200 mètres, et on se gare facilement rue de la République après 19 h.', 6],
  ['Les chiens sont-ils acceptés en terrasse ?',
    'Oui, les chiens tenus en laisse sont les bienvenus en terrasse. En salle, seulement les petits chiens.', 3],
  ['Proposez-vous des pizzas sans gluten ?',
    'Non, nous n’avons pas de pâte sans gluten, et la farine de blé circule dans toute la cuisine : nous ne pouvons pas garantir l’absence de traces. '
      + 'Les panisses et la panna cotta ne contiennent pas de gluten.', 5],
  ['Acceptez-vous les titres-restaurant ?',
    'Oui, les titres-restaurant papier et les cartes (Swile, Edenred, Up, Pluxee), sur place et à emporter, dans la limite légale de 25 € par jour. '
      + 'Pas en livraison.', 8],
  ['Jusqu’à quelle heure livrez-vous ?',
    'Nous livrons du mardi au dimanche, de 11 h 30 à 14 h et de 18 h 30 à 22 h. La dernière commande en livraison est prise à 22 h.', 4],
];

const OPEN: [question: string, timesAsked: number, hoursAgo: number][] = [
  ['Faites-vous des pizzas sans lactose ?', 3, 20],
  ['Peut-on privatiser la terrasse pour un anniversaire ?', 2, 50],
];

export function buildDemoFaqs(now: Date): FaqDraft[] {
  const daysAgo = (d: number): Date => plusMinutes(now, -d * 24 * 60);
  return [
    ...ANSWERED.map(([question, answer, timesAsked], i): FaqDraft => ({
      question, normalizedKey: normalizeQuestion(question), answer, status: 'answered', source: 'manual', timesAsked,
      createdAt: daysAgo(90 - i), answeredAt: daysAgo(90 - i), lastAskedAt: daysAgo(1 + i),
    })),
    ...OPEN.map(([question, timesAsked, hoursAgo], i): FaqDraft => ({
      question, normalizedKey: normalizeQuestion(question), answer: null, status: 'open', source: 'ai', timesAsked,
      createdAt: daysAgo(12 + i * 5), answeredAt: null, lastAskedAt: plusMinutes(now, -hoursAgo * 60),
    })),
  ];
}

export interface MessageDraft {
  callKey: string | null; customerKey: string; callerName: string; callerPhone: string; body: string;
  status: 'new' | 'done'; createdAt: Date; handledAt: Date | null;
}

export function buildDemoMessages(now: Date, callEndedAt: (key: string) => Date, lastDeliveryAt: (customerKey: string) => Date): MessageDraft[] {
  // Sophie phoned the evening her last delivery arrived; handled the next morning.
  const complaintAt = plusMinutes(lastDeliveryAt('sophie'), 20);
  return [
    {
      callKey: 'message_jp', customerKey: 'jeanpierre', callerName: 'Jean-Pierre Fabre', callerPhone: '+33745123456',
      body: 'Souhaite 15 pizzas pour samedi prochain midi (anniversaire) et demande un prix de groupe. Rappeler dans l’après-midi.',
      status: 'new', createdAt: callEndedAt('message_jp'), handledAt: null,
    },
    {
      // Taken by the staff on the shop phone, hence no call record.
      callKey: null, customerKey: 'sophie', callerName: 'Sophie Martin', callerPhone: '+33623456789',
      body: 'Le tiramisu manquait dans sa dernière livraison. Lui proposer un dessert offert à la prochaine commande.',
      status: 'done', createdAt: complaintAt,
      handledAt: new Date(Math.min(now.getTime(), plusMinutes(complaintAt, 14 * 60).getTime())),
    },
  ];
}
