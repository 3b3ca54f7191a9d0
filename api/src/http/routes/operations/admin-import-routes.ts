import { z } from 'zod';
import { route } from '../../route.ts';
import { readRawBody } from '../../raw-body.ts';
import { Id } from '../../../contract/common.ts';
import {
  AdminImportOptions, AdminMenuImportRequest, AdminMenuImportResponse, AdminMenuPhotoResponse, MENU_PHOTO_MAX_BYTES, MENU_PHOTO_TYPES,
} from '../../../contract/operations/admin-import.ts';
import { actorOf } from '../../../services/catalog/common.ts';
import type { AdminMenuImportService } from '../../../services/operations/admin-menu-import-service.ts';

const tag = 'admin';
const Params = z.object({ id: Id });

/** The platform admin's import wizard: what it can do, a menu file checked then applied, a menu photo read. */
export function adminImportRoutes(imports: AdminMenuImportService) {
  return [
    route({
      method: 'get', path: '/admin/menu-import/options', tag, access: 'platform_admin',
      summary: 'What the import wizard offers on this server (the photo import needs OPENAI_API_KEY)',
      response: AdminImportOptions,
      handler: () => Promise.resolve(imports.options()),
    }),
    route({
      method: 'post', path: '/admin/restaurants/:id/menu/import', tag, access: 'platform_admin', status: 200,
      summary: "Check (dryRun, the default) or import a menu file in the CLI's CSV or JSON format; "
        + 'problems come back with their CSV line, and nothing is written while there are any',
      params: Params, body: AdminMenuImportRequest, response: AdminMenuImportResponse,
      handler: ({ params, body, principal }) => imports.importFile(params.id, body, actorOf(principal)),
    }),
    route({
      method: 'post', path: '/admin/restaurants/:id/menu/photo', tag, access: 'platform_admin', status: 200,
      summary: `Read a photo of a printed menu (the body is the image: ${MENU_PHOTO_TYPES.join(', ')}) into the import's JSON format; `
        + 'nothing is written. 409 feature_unavailable without OPENAI_API_KEY',
      params: Params, response: AdminMenuPhotoResponse,
      handler: async ({ params, req }) => {
        imports.assertPhotoImport(); // before reading megabytes that could not be used
        const photo = await readRawBody(req, { types: MENU_PHOTO_TYPES, maxBytes: MENU_PHOTO_MAX_BYTES, field: 'photo' });
        return imports.readPhoto(params.id, photo);
      },
    }),
  ];
}
