// One error type for the whole API, and one table from code to HTTP status.
// Anything that is not an AppError becomes a generic 500 (the cause is logged, never sent).

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  idempotency_conflict: 409,
  slot_unavailable: 409,
  not_deliverable: 422,
  order_invalid: 422,
  reservation_invalid: 422,
  outside_service: 422,
  in_the_past: 422,
  // The menu photo could not be turned into a menu (OpenAI refused the key or the image, or answered nonsense); the message says why.
  photo_unreadable: 422,
  // Turned off by the server's configuration; the message names what to set.
  feature_unavailable: 409,
  rate_limited: 429,
  secret_unreadable: 500,
  upstream_unavailable: 503,
  // A booking platform (Zenchef, TheFork) failed or refused us; the message says which and what to do.
  platform_unreachable: 502,
  service_unavailable: 503,
} as const satisfies Record<string, number>;

export type AppErrorCode = keyof typeof ERROR_STATUS;

// Their message describes a third party's answer, never our internals: worth showing.
const EXPOSED_5XX: ReadonlySet<AppErrorCode> = new Set(['platform_unreachable']);

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;
  constructor(code: AppErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  /** 5xx AppErrors are internal: their message is logged, not sent (unless it only names another party's failure). */
  get exposable(): boolean {
    return this.status < 500 || EXPOSED_5XX.has(this.code);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
