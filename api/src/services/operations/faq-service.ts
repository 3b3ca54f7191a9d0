import { AppError } from '../../errors.ts';
import type { Faq } from '../../generated/prisma/client.ts';
import type { FaqRepository } from '../../repositories/operations/faq-repository.ts';
import { isUniqueViolation } from '../../repositories/operations/unique.ts';
import type { FaqCreateRequest, FaqEntry, FaqListQuery, FaqPage, FaqUpdateRequest } from '../../contract/operations.ts';
import { normalizeQuestion } from './faq-key.ts';

const DUPLICATE = 'Cette question existe déjà dans la FAQ';

export function toFaqEntry(f: Faq): FaqEntry {
  return {
    id: f.id, question: f.question, normalizedKey: f.normalizedKey, answer: f.answer, status: f.status, source: f.source,
    timesAsked: f.timesAsked, lastAskedAt: f.lastAskedAt.toISOString(), answeredAt: f.answeredAt?.toISOString() ?? null,
    createdAt: f.createdAt.toISOString(),
  };
}

function keyOf(question: string): string {
  const key = normalizeQuestion(question);
  if (!key) throw new AppError('validation_failed', 'La question doit contenir des lettres ou des chiffres', { fields: [{ path: 'question', message: 'empty question' }] });
  return key;
}

async function conflictOnDuplicate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', DUPLICATE);
    throw e;
  }
}

export function faqService(repo: FaqRepository) {
  async function get(restaurantId: string, id: string): Promise<Faq> {
    const f = await repo.find(restaurantId, id);
    if (!f) throw new AppError('not_found', "Cette question n'existe pas");
    return f;
  }

  return {
    async list(restaurantId: string, q: FaqListQuery): Promise<FaqPage> {
      const { items, total } = await repo.list(restaurantId, q.status, q.page, q.pageSize);
      return { items: items.map(toFaqEntry), total, page: q.page, pageSize: q.pageSize };
    },

    async create(restaurantId: string, body: FaqCreateRequest, now: Date): Promise<FaqEntry> {
      const normalizedKey = keyOf(body.question);
      if (await repo.findByKey(restaurantId, normalizedKey)) throw new AppError('conflict', DUPLICATE);
      const answered = body.answer !== undefined;
      const faq = await conflictOnDuplicate(() => repo.create(restaurantId, {
        question: body.question, normalizedKey, answer: body.answer ?? null, source: 'manual',
        status: answered ? 'answered' : 'open', answeredAt: answered ? now : null,
        // Nobody asked it on the phone yet.
        timesAsked: 0, lastAskedAt: now,
      }));
      return toFaqEntry(faq);
    },

    async update(restaurantId: string, id: string, body: FaqUpdateRequest, now: Date): Promise<FaqEntry> {
      const current = await get(restaurantId, id);
      const answer = body.answer === undefined ? current.answer : body.answer;
      // Writing an answer is answering, unless the same request says otherwise.
      const status = body.status ?? (body.answer ? 'answered' : body.answer === null ? 'open' : current.status);
      if (status === 'answered' && !answer) {
        throw new AppError('validation_failed', 'Une réponse est nécessaire pour marquer la question comme répondue', {
          fields: [{ path: 'answer', message: 'required when status is answered' }],
        });
      }
      let normalizedKey = current.normalizedKey;
      if (body.question !== undefined) {
        normalizedKey = keyOf(body.question);
        const other = normalizedKey === current.normalizedKey ? null : await repo.findByKey(restaurantId, normalizedKey);
        if (other) throw new AppError('conflict', DUPLICATE);
      }
      const answeredAt = status === 'answered'
        ? (current.status === 'answered' && answer === current.answer ? current.answeredAt : now)
        : null;
      const faq = await conflictOnDuplicate(() => repo.update(restaurantId, id, {
        question: body.question ?? current.question, normalizedKey, answer, status, answeredAt,
      }));
      return toFaqEntry(faq);
    },

    async remove(restaurantId: string, id: string): Promise<void> {
      if (!(await repo.remove(restaurantId, id))) throw new AppError('not_found', "Cette question n'existe pas");
    },
  };
}
export type FaqService = ReturnType<typeof faqService>;
