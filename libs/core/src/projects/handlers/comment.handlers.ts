import { Type } from '@nestjs/common';

/** Command and query handlers of the comment use cases, registered by ProjectsModule. */
export const CommentHandlers: Type[] = [];
