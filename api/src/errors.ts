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
  rate_limited: 429,
  secret_unreadable: 500,
  upstream_unavailable: 503,
  service_unavailable: 503,
} as const satisfies Record<string, number>;

export type AppErrorCode = keyof typeof ERROR_STATUS;

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
  /** 5xx AppErrors are internal: their message is logged, not sent. */
  get exposable(): boolean {
    return this.status < 500;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
