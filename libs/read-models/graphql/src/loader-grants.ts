import { Injectable } from '@nestjs/common';
import { Actor } from '@dailies/events';
import { Db } from '@dailies/core/read-support';
import { DomainError, ProjectGrant, ProjectPolicy } from '@dailies/core';

/**
 * The caller's grants on a set of projects, through the same ProjectPolicy as every /v2 read
 * (its project rows and access facts are cached, so a batch of one project costs at most two
 * statements and repeated batches none). A project the caller may not see is simply absent.
 */
@Injectable()
export class LoaderGrants {
  constructor(private readonly policy: ProjectPolicy) {}

  async of(db: Db, actor: Actor, projectIds: Iterable<string>): Promise<Map<string, ProjectGrant>> {
    const grants = new Map<string, ProjectGrant>();
    for (const projectId of new Set(projectIds)) {
      try {
        grants.set(
          projectId,
          await this.policy.requireProject(db, actor, projectId, 'viewer', { allowArchived: true }),
        );
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found') continue;
        throw error;
      }
    }
    return grants;
  }
}
