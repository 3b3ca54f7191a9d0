// Renders every file Asterisk needs from the API's provisioning payload: a
// pure function, so the same data always gives byte-identical files and
// `apply` can tell what really changed.
import type { AsteriskProvisioning } from '../../../api/src/contract/provisioning.ts';
import { GENERATED_HEADER, safe } from './conf.ts';
import { renderExtensions } from './extensions.ts';
import { renderPjsip, renderPjsipWizard } from './pjsip.ts';
import { fill } from './templates.ts';
import { ARI_HTTP_PORT, RTP_PORT_END, RTP_PORT_START, RenderError, type RenderOptions } from './options.ts';

export { RenderError, type RenderOptions } from './options.ts';

export interface RenderedFile { name: string; content: string }

const withHeader = (text: string): string => `${GENERATED_HEADER.join('\n')}\n\n${text}`;

export function renderAsteriskConfig(p: AsteriskProvisioning, opts: RenderOptions): RenderedFile[] {
  const rtpStart = opts.rtpStart ?? RTP_PORT_START;
  const rtpEnd = opts.rtpEnd ?? RTP_PORT_END;
  // RTP and RTCP take a pair each, starting on an even port.
  if (rtpStart % 2 !== 0 || rtpEnd <= rtpStart) throw new RenderError(`RTP range ${rtpStart}-${rtpEnd}: the start must be even and below the end`);
  if (!/^[A-Za-z0-9_-]+$/.test(opts.ariUser)) throw new RenderError('the ARI user name may hold letters, digits, - and _ only');
  const files: RenderedFile[] = [
    { name: 'ari.conf', content: withHeader(fill('ari.conf', { ariUser: opts.ariUser, ariPassword: safe('ARI password', opts.ariPassword) })) },
    { name: 'extensions.conf', content: renderExtensions(p, opts) },
    { name: 'http.conf', content: withHeader(fill('http.conf', { httpBindAddress: safe('HTTP bind address', opts.httpBindAddress ?? '127.0.0.1'), httpPort: opts.httpPort ?? ARI_HTTP_PORT })) },
    { name: 'indications.conf', content: withHeader(fill('indications.conf', {})) },
    { name: 'logger.conf', content: withHeader(fill('logger.conf', {})) },
    { name: 'modules.conf', content: withHeader(fill('modules.conf', {})) },
    { name: 'pjsip.conf', content: renderPjsip(opts) },
    { name: 'pjsip_wizard.conf', content: renderPjsipWizard(p, opts) },
    { name: 'rtp.conf', content: withHeader(fill('rtp.conf', { rtpStart, rtpEnd })) },
  ];
  return files;
}
