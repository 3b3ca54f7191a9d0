// Why a Realtime connection could not be opened, and whether trying again can help.

export type RealtimeConnectErrorKind =
  /** No upgrade within the connect timeout. */
  | 'timeout'
  /** HTTP 401/403: a bad or revoked API key; retrying cannot help. */
  | 'unauthorized'
  /** Any other non-101 answer (429 and 5xx are retryable). */
  | 'http'
  /** DNS, TCP or TLS failure, or the socket closed during the handshake. */
  | 'network'
  /** The controller closed the socket before it opened (call hung up). */
  | 'aborted';

export class RealtimeConnectError extends Error {
  override readonly name = 'RealtimeConnectError';
  constructor(
    readonly kind: RealtimeConnectErrorKind,
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }

  static fromHttp(status: number, body: string): RealtimeConnectError {
    const detail = openAiErrorMessage(body);
    const suffix = detail ? `: ${detail}` : '';
    if (status === 401 || status === 403) {
      return new RealtimeConnectError('unauthorized', `OpenAI Realtime rejected the API key (HTTP ${status})${suffix}`, false, status);
    }
    const retryable = status === 429 || status >= 500;
    return new RealtimeConnectError('http', `OpenAI Realtime refused the connection (HTTP ${status})${suffix}`, retryable, status);
  }
}

/** OpenAI answers refused upgrades with `{ error: { message } }`; show that, not the raw body. */
function openAiErrorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') return parsed.error.message;
  } catch {
    // not JSON: fall through to the trimmed text
  }
  return body.trim().slice(0, 200);
}
