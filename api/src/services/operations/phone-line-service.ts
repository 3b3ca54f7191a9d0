import { AppError } from '../../errors.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { PhoneLine } from '../../generated/prisma/client.ts';
import type { PhoneLineRepository } from '../../repositories/operations/phone-line-repository.ts';
import { isUniqueViolation } from '../../repositories/operations/unique.ts';
import type { PhoneLineCreateRequest, PhoneLineList, PhoneLineUpdateRequest, PhoneLineView } from '../../contract/operations.ts';
import { requireE164 } from './phone.ts';

const DID_TAKEN = 'Ce numéro est déjà utilisé par une autre ligne';
const ENDPOINT_TAKEN = 'Ce nom de point de terminaison est déjà utilisé';
const NOT_FOUND = "Cette ligne n'existe pas";

/** Never the secret itself, not even sealed: only whether one is stored. */
export function toPhoneLineView(l: PhoneLine): PhoneLineView {
  return {
    id: l.id, did: l.did, label: l.label, kind: l.kind, endpointName: l.endpointName, port: l.port,
    sipUsername: l.sipUsername, hasSipSecret: l.sipSecretEnc !== null, sipServer: l.sipServer,
    outboundProxy: l.outboundProxy, codec: l.codec, enabled: l.enabled,
    createdAt: l.createdAt.toISOString(), updatedAt: l.updatedAt.toISOString(),
  };
}

export function phoneLineService(repo: PhoneLineRepository, secretBox: SecretBox) {
  async function checkUnique(did: string | undefined, endpointName: string | undefined, exceptId: string | null) {
    if (did !== undefined && (await repo.didTaken(did, exceptId))) throw new AppError('conflict', DID_TAKEN);
    if (endpointName !== undefined && (await repo.endpointTaken(endpointName, exceptId))) throw new AppError('conflict', ENDPOINT_TAKEN);
  }
  async function guarded(work: () => Promise<PhoneLine>): Promise<PhoneLineView> {
    try {
      return toPhoneLineView(await work());
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('conflict', `${DID_TAKEN}, ou ce point de terminaison existe déjà`);
      throw e;
    }
  }
  const seal = (secret: string | null | undefined) =>
    secret === undefined ? {} : { sipSecretEnc: secret === null ? null : secretBox.seal(secret) };

  return {
    async list(restaurantId: string): Promise<PhoneLineList> {
      return { items: (await repo.list(restaurantId)).map(toPhoneLineView) };
    },

    async create(restaurantId: string, body: PhoneLineCreateRequest): Promise<PhoneLineView> {
      const did = requireE164(body.did, 'did');
      await checkUnique(did, body.endpointName, null);
      const { sipSecret, ...rest } = body;
      return guarded(() => repo.create(restaurantId, { ...rest, did, ...seal(sipSecret) }));
    },

    async update(restaurantId: string, id: string, body: PhoneLineUpdateRequest): Promise<PhoneLineView> {
      if (!(await repo.find(restaurantId, id))) throw new AppError('not_found', NOT_FOUND);
      const did = body.did === undefined ? undefined : requireE164(body.did, 'did');
      await checkUnique(did, body.endpointName, id);
      const { sipSecret, ...rest } = body;
      return guarded(() => repo.update(restaurantId, id, { ...rest, ...(did ? { did } : {}), ...seal(sipSecret) }));
    },

    async remove(restaurantId: string, id: string): Promise<void> {
      if (!(await repo.remove(restaurantId, id))) throw new AppError('not_found', NOT_FOUND);
    },
  };
}
export type PhoneLineService = ReturnType<typeof phoneLineService>;
