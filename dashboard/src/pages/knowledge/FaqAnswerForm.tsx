import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaqEntry } from '../../../../api/src/contract/index.ts';
import { ApiError, type FieldError } from '../../api/client.ts';
import { knowledgeApi } from '../../api/resources.ts';
import { FieldMessage, invalid } from '../shared/FieldError.tsx';

export function FaqAnswerForm({ restaurantId, entry, onSaved }: { restaurantId: string; entry: FaqEntry; onSaved: () => void }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState(entry.answer ?? '');
  const [fields, setFields] = useState<FieldError[]>([]);
  const save = (body: Parameters<typeof knowledgeApi.updateFaq>[2]) =>
    knowledgeApi.updateFaq(restaurantId, entry.id, body).then(onSaved, (e: unknown) => setFields(e instanceof ApiError ? e.fields : []));
  return (
    <div className="mt-2">
      <textarea rows={2} className={`form-control${invalid(fields, 'answer')}`} aria-label={t('faq.answer')} placeholder={t('faq.answerPlaceholder')} value={answer} onChange={(e) => setAnswer(e.target.value)} />
      <FieldMessage fields={fields} path="answer" />
      <div className="d-flex gap-2 mt-1">
        <button type="button" className="btn btn-sm btn-primary" onClick={() => void save({ answer })}>{t('faq.saveAnswer')}</button>
        {entry.status !== 'dismissed' && <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => void save({ status: 'dismissed' })}>{t('faq.dismiss')}</button>}
      </div>
    </div>
  );
}
