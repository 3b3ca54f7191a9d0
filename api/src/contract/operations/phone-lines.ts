import { z } from 'zod';
import { Id, IsoDateTime } from '../common.ts';

export const PhoneLineKind = z.enum(['ovh_trunk', 'ht841_port']);
export const EndpointName = z.string().regex(/^[a-z0-9-]{1,64}$/, 'lowercase letters, digits and hyphens');

/** The SIP secret is never returned, only whether one is stored. */
export const PhoneLineView = z.object({
  id: Id,
  did: z.string(),
  label: z.string().nullable(),
  kind: PhoneLineKind,
  endpointName: z.string(),
  port: z.number().int().nullable(),
  sipUsername: z.string().nullable(),
  hasSipSecret: z.boolean(),
  sipServer: z.string().nullable(),
  outboundProxy: z.string().nullable(),
  codec: z.enum(['ulaw', 'alaw']),
  enabled: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type PhoneLineView = z.infer<typeof PhoneLineView>;
export const PhoneLineList = z.object({ items: z.array(PhoneLineView) });
export type PhoneLineList = z.infer<typeof PhoneLineList>;

const host = z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9.:-]+$/, 'a host name or host:port');
const LineFields = z.object({
  did: z.string().trim().min(4).max(40),
  label: z.string().trim().max(100).nullable(),
  kind: PhoneLineKind,
  endpointName: EndpointName,
  port: z.number().int().min(1).max(4).nullable(),
  sipUsername: z.string().trim().max(100).nullable(),
  /** Plaintext on the way in; stored AES-256-GCM sealed. */
  sipSecret: z.string().min(1).max(200).nullable(),
  sipServer: host.nullable(),
  outboundProxy: host.nullable(),
  codec: z.enum(['ulaw', 'alaw']),
  enabled: z.boolean(),
});
export const PhoneLineCreateRequest = LineFields.partial().required({ did: true, kind: true, endpointName: true });
export type PhoneLineCreateRequest = z.infer<typeof PhoneLineCreateRequest>;
/** Omitting `sipSecret` keeps the stored one; `null` removes it. */
export const PhoneLineUpdateRequest = LineFields.partial();
export type PhoneLineUpdateRequest = z.infer<typeof PhoneLineUpdateRequest>;
