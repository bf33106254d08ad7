import { Type } from '@nestjs/common';

/** Command and query handlers of the asset use cases, registered by ProjectsModule. */
export const AssetHandlers: Type[] = [];
