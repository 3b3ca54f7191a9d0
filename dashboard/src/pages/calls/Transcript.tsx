import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../../api/src/contract/index.ts';
import { formatTime } from '../../format.ts';

/** The conversation as chat bubbles: the caller on the left, the agent or staff on the right. */
export function Transcript({ turns, timeZone }: { turns: CallDetail['turns']; timeZone: string }) {
  const { t } = useTranslation();
  if (turns.length === 0) return <p className="text-body-secondary mb-0">{t('calls.noTranscript')}</p>;
  return (
    <div className="d-flex flex-column gap-2" data-testid="transcript">
      {turns.map((turn) => (
        <div key={turn.seq} className={`turn turn-${turn.role}`} data-testid="turn" data-role={turn.role}>
          <div className="small text-body-secondary">
            {t(`callParty.${turn.role}`)} · {formatTime(turn.at, timeZone)}
          </div>
          <div>{turn.text}</div>
        </div>
      ))}
    </div>
  );
}
