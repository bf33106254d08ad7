import { Type } from '@nestjs/common';

/** Command and query handlers of the project use cases, registered by ProjectsModule. */
export const ProjectHandlers: Type[] = [];
