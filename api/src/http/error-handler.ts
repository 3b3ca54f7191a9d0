import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.ts';
import { isAppError } from '../errors.ts';
import type { ErrorBody } from '../contract/common.ts';

export const notFoundHandler: RequestHandler = (req, res) => {
  const body: ErrorBody = { error: { code: 'not_found', message: `No route for ${req.method} ${req.path}` } };
  res.status(404).json(body);
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (isAppError(err) && err.exposable) {
      const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
      res.status(err.status).json(body);
      return;
    }
    // body-parser errors carry a status and a safe type (malformed JSON, too large).
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : undefined;
    if (status !== undefined) {
      const body: ErrorBody = { error: { code: 'bad_request', message: err.type === 'entity.parse.failed' ? 'Malformed JSON body' : String(err.message) } };
      res.status(status).json(body);
      return;
    }
    log.error({ err, method: req.method, path: req.path }, 'unhandled error');
    const code = isAppError(err) ? err.status : 500;
    const body: ErrorBody = { error: { code: 'internal', message: 'Internal error. It has been logged.' } };
    res.status(code).json(body);
  };
}
