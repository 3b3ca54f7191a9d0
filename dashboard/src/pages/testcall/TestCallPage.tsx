import { Trans, useTranslation } from 'react-i18next';
import { testCallApi } from '../../api/testCall.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { itemPath } from '../../router.ts';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { useTestCall, type CallLine } from './useTestCall.ts';

/** Talk to your own agent from the browser microphone, before going live. */
export function TestCallPage() {
  const { t } = useTranslation();
  const { id: rid } = useRestaurant();
  const status = useLoad(() => testCallApi.status(rid), [rid]);
  const { view, start, hangup, pressZero } = useTestCall(rid);
  const live = view.phase === 'connecting' || view.phase === 'active';

  if (!status.data) return status.error ? <ErrorAlert error={status.error} /> : <Spinner />;
  const code = <code />;
  return (
    <>
      <PageHeader title={t('nav.testCall')}>
        {!live && <button type="button" className="btn btn-outline-secondary btn-sm" onClick={status.reload}>{t('testCall.recheck')}</button>}
      </PageHeader>
      <div className="row g-3">
        <div className="col-12 col-lg-5">
          <div className="card shadow-sm" data-testid="test-call-panel" data-phase={view.phase}
            data-frames-sent={view.framesSent} data-frames-played={view.framesPlayed}>
            <div className="card-body">
              {!status.data.ready ? (
                <div className="alert alert-warning mb-0" role="status" data-testid="test-call-unavailable">
                  <strong className="d-block mb-1">{t('testCall.unavailable')}</strong>
                  {status.data.reason === 'openai_key_missing'
                    ? <Trans i18nKey="testCall.needKey" components={{ code }} />
                    : <Trans i18nKey="testCall.needController" components={{ code }} />}
                </div>
              ) : (
                <>
                  <p className="text-body-secondary">{t('testCall.intro')}</p>
                  <div className="d-flex flex-wrap gap-2 mb-3">
                    {live ? (
                      <>
                        <button type="button" className="btn btn-danger" onClick={hangup} data-testid="test-call-hangup">{t('testCall.hangup')}</button>
                        <button type="button" className="btn btn-outline-secondary" onClick={pressZero} disabled={view.phase !== 'active'}>{t('testCall.pressZero')}</button>
                      </>
                    ) : (
                      <button type="button" className="btn btn-primary" onClick={() => void start()} data-testid="test-call-start">{t('testCall.start')}</button>
                    )}
                  </div>
                  <PhaseLine phase={view.phase} level={view.level} />
                  {view.error && (
                    <div className="alert alert-danger mt-3 mb-0" role="alert">
                      {view.error === 'microphone' ? t('testCall.micDenied') : view.error === 'unreachable' ? t('testCall.unreachable') : view.error}
                    </div>
                  )}
                  {view.phase === 'ended' && view.callId && (
                    <p className="mt-3 mb-0">
                      {view.endReason && <span className="me-2">{t('testCall.ended', { reason: t(`testCall.reasons.${view.endReason}`, { defaultValue: view.endReason }) })}</span>}
                      <a href={`#${itemPath(rid, 'calls', view.callId)}`} data-testid="test-call-record">{t('testCall.seeRecord')}</a>
                    </p>
                  )}
                </>
              )}
            </div>
          </div>
          <p className="small text-body-secondary mt-2">{t('testCall.note')}</p>
        </div>
        <div className="col-12 col-lg-7">
          <div className="card shadow-sm h-100">
            <div className="card-header">{t('testCall.conversation')}</div>
            <div className="card-body" style={{ minHeight: 240 }} data-testid="test-call-transcript" aria-live="polite">
              {view.lines.length === 0
                ? <p className="text-body-secondary mb-0">{t('testCall.noTranscript')}</p>
                : view.lines.map((l, i) => <Line key={i} line={l} />)}
            </div>
          </div>
        </div>
      </div>
    </>
  );
}

function PhaseLine({ phase, level }: { phase: string; level: number }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex align-items-center gap-2" role="status">
      <span className={`badge ${phase === 'active' ? 'text-bg-success' : phase === 'connecting' ? 'text-bg-warning' : 'text-bg-secondary'}`}>
        {t(`testCall.phase.${phase}`)}
      </span>
      {phase === 'active' && (
        <div className="progress flex-grow-1" style={{ height: 6 }} title={t('testCall.micLevel')} aria-label={t('testCall.micLevel')}>
          <div className="progress-bar bg-success" style={{ width: `${Math.round(level * 100)}%` }} />
        </div>
      )}
    </div>
  );
}

function Line({ line }: { line: CallLine }) {
  const { t } = useTranslation();
  if (line.kind === 'tool') {
    return <p className="small text-body-secondary mb-2">⚙ {t('testCall.tool', { name: line.text })} {line.ok === false && <span className="text-danger">✗</span>}</p>;
  }
  if (line.kind === 'transfer') return <div className="alert alert-info py-2 small mb-2">{t('testCall.transfer', { target: line.text || '—' })}</div>;
  const agent = line.kind === 'agent';
  return (
    <div className={`d-flex mb-2 ${agent ? '' : 'justify-content-end'}`}>
      <div className={`rounded-3 px-3 py-2 ${agent ? 'bg-body-tertiary' : 'bg-primary-subtle'}`} style={{ maxWidth: '80%' }}>
        <div className="small text-body-secondary">{agent ? t('testCall.agent') : t('testCall.you')}</div>
        {line.text}
      </div>
    </div>
  );
}
