import type { AppContext } from '../context.ts';
import type { AnyRouteSpec } from '../route.ts';
import { faqRepository } from '../../repositories/operations/faq-repository.ts';
import { messageRepository } from '../../repositories/operations/message-repository.ts';
import { customerRepository } from '../../repositories/operations/customer-repository.ts';
import { phoneLineRepository } from '../../repositories/operations/phone-line-repository.ts';
import { settingsRepository } from '../../repositories/operations/settings-repository.ts';
import { callRepository } from '../../repositories/operations/call-repository.ts';
import { statsRepository } from '../../repositories/operations/stats-repository.ts';
import { adminRepository } from '../../repositories/operations/admin-repository.ts';
import { faqService } from '../../services/operations/faq-service.ts';
import { messageService } from '../../services/operations/message-service.ts';
import { customerService } from '../../services/operations/customer-service.ts';
import { phoneLineService } from '../../services/operations/phone-line-service.ts';
import { settingsService } from '../../services/operations/settings-service.ts';
import { callService } from '../../services/operations/call-service.ts';
import { statsService } from '../../services/operations/stats-service.ts';
import { adminService } from '../../services/operations/admin-service.ts';
import { adminMenuImportService } from '../../services/operations/admin-menu-import-service.ts';
import { menuImportService } from '../../services/provisioning/menu-import-service.ts';
import { menuImportRepository } from '../../repositories/provisioning/menu-import-repository.ts';
import { openAiMenuPhotoReader } from '../../menu-file/menu-photo-reader.ts';
import { knowledgeRoutes } from './operations/knowledge-routes.ts';
import { customerRoutes } from './operations/customer-routes.ts';
import { setupRoutes } from './operations/setup-routes.ts';
import { callRoutes } from './operations/call-routes.ts';
import { adminRoutes } from './operations/admin-routes.ts';
import { adminImportRoutes } from './operations/admin-import-routes.ts';
import { voiceServerRoutes } from './operations/voice-server-routes.ts';
import { voiceServerService } from '../../services/operations/voice-server-service.ts';
import { voiceServerRepository } from '../../repositories/operations/voice-server-repository.ts';

/** FAQ, messages, customers, phone lines, settings, calls, statistics, platform admin. */
export function operationsRoutes(ctx: AppContext): AnyRouteSpec[] {
  const prisma = ctx.db.prisma;
  return [
    ...knowledgeRoutes(faqService(faqRepository(prisma)), messageService(messageRepository(prisma))),
    ...customerRoutes(customerService(customerRepository(prisma))),
    ...setupRoutes(phoneLineService(phoneLineRepository(prisma), ctx.secretBox), settingsService(settingsRepository(prisma))),
    ...callRoutes(callService(callRepository(prisma)), statsService(statsRepository(prisma))),
    ...adminRoutes(adminService(adminRepository(prisma))),
    ...adminImportRoutes(adminMenuImportService({
      restaurantExists: async (id) => (await adminRepository(prisma).find(id)) !== null,
      menuImport: menuImportService(menuImportRepository(prisma)),
      photoReader: ctx.config.openaiApiKey
        ? openAiMenuPhotoReader({ apiKey: ctx.config.openaiApiKey, baseUrl: ctx.config.openaiBaseUrl, model: ctx.config.openaiMenuModel })
        : null,
    })),
    ...voiceServerRoutes(voiceServerService(voiceServerRepository(prisma))),
  ];
}
