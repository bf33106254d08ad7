import { DiscoveryService } from '@nestjs/core';

/**
 * Marks a Nest provider as an event consumer (it must implement EventConsumer and be a
 * singleton). EventRuntimeModule discovers every provider so marked, in any module.
 */
export const Consumer = DiscoveryService.createDecorator<void>();
