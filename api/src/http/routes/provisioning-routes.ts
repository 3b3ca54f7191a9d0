// Provisioning for the `voiceorder` CLI and the controller (service tokens),
// and the management of those tokens (platform administrators, owners).
import { z } from 'zod';
import { route } from '../route.ts';
import { Id } from '../../contract/common.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../../errors.ts';
import type { Principal } from '../../services/auth-service.ts';
import { asteriskRepository } from '../../repositories/provisioning/asterisk-repository.ts';
import { apiTokenAdminRepository } from '../../repositories/provisioning/api-token-repository.ts';
import { phoneLineRepository } from '../../repositories/operations/phone-line-repository.ts';
import { asteriskProvisioningService, provisioningScope } from '../../services/provisioning/asterisk-provisioning-service.ts';
import { apiTokenService } from '../../services/provisioning/api-token-service.ts';
import { phoneLineService } from '../../services/operations/phone-line-service.ts';
import { menuImportRepository } from '../../repositories/provisioning/menu-import-repository.ts';
import { menuImportService } from '../../services/provisioning/menu-import-service.ts';
import { actorOf } from '../../services/catalog/common.ts';
import { MenuImportRequest, MenuImportResult } from '../../contract/menu-import.ts';
import {
  AdminApiTokenCreateRequest, ApiTokenCreateRequest, ApiTokenCreated, ApiTokenPage, AsteriskProvisioning, ProvisioningRestaurantList,
} from '../../contract/provisioning.ts';
import { OpsPageQuery, PhoneLineCreateRequest, PhoneLineList, PhoneLineView } from '../../contract/operations.ts';

const RestaurantParams = z.object({ restaurantId: Id });
const ItemParams = z.object({ restaurantId: Id, id: Id });
const TokenParams = z.object({ id: Id });

const userIdOf = (p: Principal | undefined) => (p?.kind === 'user' ? p.userId : null);
const dateOrNull = (s: string | null | undefined) => (s ? new Date(s) : null);

/** Changing phone lines or importing a menu is the installer's job: the CLI's token, not the controller's. */
function requireCliToken(p: Principal | undefined, what = 'change phone lines'): void {
  provisioningScope(p);
  if (p?.kind === 'token' && p.tokenKind !== 'cli') throw new AppError('forbidden', `Only cli tokens may ${what}`);
}

export function provisioningRoutes(ctx: AppContext) {
  const asterisk = asteriskProvisioningService(asteriskRepository(ctx.db.prisma), ctx.secretBox);
  const tokens = apiTokenService(apiTokenAdminRepository(ctx.db.prisma));
  const lines = phoneLineService(phoneLineRepository(ctx.db.prisma), ctx.secretBox);
  const menuImport = menuImportService(menuImportRepository(ctx.db.prisma));
  const linesPath = '/provisioning/restaurants/:restaurantId/phone-lines';
  return [
    route({
      method: 'get', path: '/provisioning/asterisk', tag: 'provisioning', access: 'token',
      summary: "Enabled phone lines with decrypted SIP secrets and each restaurant's call handling (cli and controller tokens)",
      response: AsteriskProvisioning,
      handler: ({ principal, now }) => asterisk.asterisk(principal, now),
    }),
    route({
      method: 'get', path: '/provisioning/restaurants', tag: 'provisioning', access: 'token',
      summary: 'The restaurants this token may provision (id, slug, name)',
      response: ProvisioningRestaurantList,
      handler: ({ principal }) => asterisk.restaurants(principal),
    }),
    route({
      method: 'get', path: linesPath, tag: 'provisioning', access: 'token',
      summary: "A restaurant's phone lines for the CLI; the SIP secret is never returned",
      params: RestaurantParams, response: PhoneLineList,
      handler: ({ params, principal }) => { provisioningScope(principal); return lines.list(params.restaurantId); },
    }),
    route({
      method: 'post', path: linesPath, tag: 'provisioning', access: 'token',
      summary: 'Add a phone line from the CLI (cli tokens); 409 if the number or endpoint exists',
      params: RestaurantParams, body: PhoneLineCreateRequest, response: PhoneLineView,
      handler: ({ params, body, principal }) => { requireCliToken(principal); return lines.create(params.restaurantId, body); },
    }),
    route({
      method: 'delete', path: `${linesPath}/:id`, tag: 'provisioning', access: 'token', status: 204,
      summary: 'Remove a phone line from the CLI (cli tokens)', params: ItemParams,
      handler: ({ params, principal }) => { requireCliToken(principal); return lines.remove(params.restaurantId, params.id); },
    }),
    route({
      method: 'post', path: '/provisioning/restaurants/:restaurantId/menu/import', tag: 'provisioning', access: 'token', status: 200,
      summary: 'Import a menu (categories, items, option groups matched by name) in one transaction (cli tokens); '
        + 'idempotent, nothing is deleted, dryRun=true writes nothing',
      params: RestaurantParams, body: MenuImportRequest, response: MenuImportResult,
      handler: ({ params, body, principal }) => {
        requireCliToken(principal, 'import a menu');
        return menuImport.import(params.restaurantId, body, actorOf(principal));
      },
    }),

    route({
      method: 'post', path: '/admin/api-tokens', tag: 'api-tokens', access: 'platform_admin',
      summary: 'Create a service token, platform-wide or for one restaurant; the token is shown once',
      body: AdminApiTokenCreateRequest, response: ApiTokenCreated,
      handler: ({ body, principal, now }) => tokens.create({
        name: body.name, kind: body.kind, restaurantId: body.restaurantId, createdById: userIdOf(principal), expiresAt: dateOrNull(body.expiresAt),
      }, now),
    }),
    route({
      method: 'get', path: '/admin/api-tokens', tag: 'api-tokens', access: 'platform_admin',
      summary: 'Every service token (never the token itself)', query: OpsPageQuery, response: ApiTokenPage,
      handler: ({ query }) => tokens.list(undefined, query),
    }),
    route({
      method: 'delete', path: '/admin/api-tokens/:id', tag: 'api-tokens', access: 'platform_admin', status: 204,
      summary: 'Revoke a service token (cached copies expire within 30 s)', params: TokenParams,
      handler: ({ params, now }) => tokens.revoke(undefined, params.id, now),
    }),
    route({
      method: 'post', path: '/restaurants/:restaurantId/api-tokens', tag: 'api-tokens', access: 'user', minRole: 'owner',
      summary: "Create a service token for this restaurant; the token is shown once",
      params: RestaurantParams, body: ApiTokenCreateRequest, response: ApiTokenCreated,
      handler: ({ params, body, principal, now }) => tokens.create({
        name: body.name, kind: body.kind, restaurantId: params.restaurantId, createdById: userIdOf(principal), expiresAt: dateOrNull(body.expiresAt),
      }, now),
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/api-tokens', tag: 'api-tokens', access: 'user', minRole: 'owner',
      summary: "This restaurant's service tokens (never the token itself)",
      params: RestaurantParams, query: OpsPageQuery, response: ApiTokenPage,
      handler: ({ params, query }) => tokens.list(params.restaurantId, query),
    }),
    route({
      method: 'delete', path: '/restaurants/:restaurantId/api-tokens/:id', tag: 'api-tokens', access: 'user', minRole: 'owner', status: 204,
      summary: "Revoke one of this restaurant's service tokens", params: ItemParams,
      handler: ({ params, now }) => tokens.revoke(params.restaurantId, params.id, now),
    }),
  ];
}
