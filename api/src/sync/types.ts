// The shapes every platform connector speaks, whatever the platform's own API
// looks like. Adding SevenRooms or OpenTable means one new folder under
// connectors/ and one line in the registry.
import type { SyncPlatform } from '../generated/prisma/client.ts';
import type { ReservationStatus } from '../domain/status-machines.ts';

/** A local reservation as a platform must see it; `tag` lets us find it again without an idempotency key. */
export interface LocalBooking {
  reservationId: string;
  tag: string;
  day: string;
  time: string;
  partySize: number;
  status: ReservationStatus;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  notes: string | null;
}

/** A platform reservation, normalised: local day and time, our status vocabulary. */
export interface ExternalReservation {
  externalId: string;
  /** The platform's updated-at exactly as sent: the dedupe key. */
  updatedAt: string;
  day: string;
  time: string;
  partySize: number;
  status: ReservationStatus;
  platformStatus: string;
  name: string;
  phone: string | null;
  /** Notes that may carry our tag when we created it. */
  note: string | null;
  serviceExternalId: string | null;
}

export interface SlotAvailability {
  day: string;
  time: string;
  available: boolean;
  /** Party sizes still bookable, when the platform says. */
  possibleGuests: number[];
  /** The largest party the platform still takes there (0 = full); null when it does not say. */
  maxGuests: number | null;
}

export interface CatalogEntry { externalId: string; name: string }
export interface PlatformCatalog { services: CatalogEntry[]; rooms: CatalogEntry[]; offers: CatalogEntry[] }

export interface PushResult { externalId: string; updatedAt: string | null; raw?: unknown }

export interface ChangedPage { items: ExternalReservation[]; cursor: string }

export interface PlatformConnector {
  readonly platform: SyncPlatform;
  authenticate(): Promise<void>;
  create(b: LocalBooking): Promise<PushResult>;
  update(externalId: string, b: LocalBooking): Promise<PushResult>;
  cancel(externalId: string): Promise<PushResult>;
  get(externalId: string): Promise<ExternalReservation | null>;
  /** Our own booking, found by its tag, after a create whose answer was lost. */
  findByReference(b: LocalBooking): Promise<ExternalReservation | null>;
  changedSince(cursor: string | null, now: Date): Promise<ChangedPage>;
  availability(day: string, partySize: number): Promise<SlotAvailability[]>;
  catalog(): Promise<PlatformCatalog>;
}

export interface WebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
  rawBody: Buffer | undefined;
  body: unknown;
}

/** One thing a webhook says happened; the reservation itself is always re-fetched. */
export interface WebhookEvent {
  externalId: string;
  eventType: string;
  /** When the platform sends it: lets duplicates stop at the door. */
  updatedAt: string | null;
}

export interface WebhookVerifier {
  verify(req: WebhookRequest, secret: string): boolean;
  parse(body: unknown): WebhookEvent[];
}

/** Decrypted connection settings handed to a connector. */
export interface ConnectorSettings {
  externalRestaurantId: string;
  credentials: Record<string, string>;
  timeZone: string;
  baseUrls: { zenchef: string; thefork: string; theforkAuth: string };
  timeoutMs: number;
  tokens: TokenStore;
}

export interface TokenStore {
  get(): Promise<{ token: string; expiresAt: Date } | null>;
  set(token: string, expiresAt: Date): Promise<void>;
}

export type PlatformErrorKind = 'retryable' | 'rate_limited' | 'conflict' | 'not_found' | 'auth' | 'rejected';

/** What went wrong talking to a platform, sorted by what the worker does next. */
export class PlatformError extends Error {
  readonly kind: PlatformErrorKind;
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  /** The request may have been applied (timeout): look it up before repeating a create. */
  readonly maybeApplied: boolean;
  constructor(kind: PlatformErrorKind, message: string, opts: { status?: number | null; retryAfterMs?: number | null; maybeApplied?: boolean } = {}) {
    super(message);
    this.name = 'PlatformError';
    this.kind = kind;
    this.status = opts.status ?? null;
    this.retryAfterMs = opts.retryAfterMs ?? null;
    this.maybeApplied = opts.maybeApplied ?? false;
  }
}
