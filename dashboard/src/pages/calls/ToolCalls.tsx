import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../../api/src/contract/index.ts';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 1));

export function ToolCalls({ tools }: { tools: CallDetail['tools'] }) {
  const { t } = useTranslation();
  if (tools.length === 0) return <p className="text-body-secondary mb-0">{t('calls.noTools')}</p>;
  return (
    <ul className="list-group list-group-flush" data-testid="tool-calls">
      {tools.map((x) => (
        <li key={x.id} className="list-group-item px-0">
          <div className="d-flex justify-content-between">
            <code>{x.name}</code>
            <span className={`badge text-bg-${x.ok ? 'success' : 'danger'}`}>
              {x.ok ? 'OK' : t('calls.toolFailed')}{x.latencyMs !== null && ` · ${x.latencyMs} ms`}
            </span>
          </div>
          <details className="small">
            <summary>{t('calls.toolDetails')}</summary>
            <pre className="mb-1 small text-wrap">{show(x.arguments)}</pre>
            <pre className="mb-0 small text-wrap">{show(x.result)}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
