// A request whose body is a file (an image) rather than JSON: read whole, with a
// size cap, and only for the content types the route accepts.
import type { Request } from 'express';
import { AppError } from '../errors.ts';

export interface RawBody { bytes: Buffer; mimeType: string }

export async function readRawBody(req: Request, opts: { types: readonly string[]; maxBytes: number; field: string }): Promise<RawBody> {
  const mimeType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const refuse = (message: string) => new AppError('validation_failed', message, { fields: [{ path: opts.field, message }] });
  if (!opts.types.includes(mimeType)) throw refuse(`expected one of ${opts.types.join(', ')} as Content-Type (got "${mimeType || 'none'}")`);
  const tooLarge = `the file is larger than ${Math.round(opts.maxBytes / 1024 / 1024)} MB`;
  if (Number(req.headers['content-length'] ?? 0) > opts.maxBytes) throw refuse(tooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > opts.maxBytes) {
      req.destroy();
      throw refuse(tooLarge);
    }
    chunks.push(chunk);
  }
  if (size === 0) throw refuse('the file is empty');
  return { bytes: Buffer.concat(chunks), mimeType };
}
