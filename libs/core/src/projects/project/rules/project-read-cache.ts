import { Inject, Injectable, Optional } from '@nestjs/common';
import { Cache, CACHE, cacheKeys, cacheTags } from '@dailies/cache';
import { MembershipRole, Project, ProjectRole } from '@dailies/db';

/** The relations that can grant a user access to a project (see project-rules.ts). */
export interface AccessFactsRow {
  account_role: MembershipRole | null;
  team_member: boolean;
  collaborator_role: ProjectRole | null;
}

type CachedProject = Omit<Project, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
};

/**
 * Read-through caching of what every request's policy check reads: the project row and the
 * caller's access facts. Entries carry the tags the cache consumer invalidates on the events
 * that change them (project, collaborator, team and membership changes); the committing
 * instance drops them synchronously at commit (LocalInvalidation), so a revoked permission is
 * never answered from this cache. Without a cache (a process without CacheModule) it just loads.
 */
@Injectable()
export class ProjectReadCache {
  constructor(@Optional() @Inject(CACHE) private readonly cache?: Cache) {}

  async project(id: string, load: () => Promise<Project | null>): Promise<Project | null> {
    if (!this.cache) return load();
    const cached = await this.cache.getOrLoad<CachedProject | Project | null>(
      cacheKeys.project(id),
      load,
      { tags: [cacheTags.project(id), cacheTags.access(id)] },
    );
    if (!cached) return null;
    // Values come back as JSON: dates as strings.
    return {
      ...cached,
      createdAt: new Date(cached.createdAt),
      updatedAt: new Date(cached.updatedAt),
    };
  }

  async accessFacts(
    project: Pick<Project, 'id' | 'accountId'>,
    userId: string,
    load: () => Promise<AccessFactsRow | undefined>,
  ): Promise<AccessFactsRow | undefined> {
    if (!this.cache) return load();
    const facts = await this.cache.getOrLoad(
      cacheKeys.access(project.id, userId),
      async () => (await load()) ?? null,
      {
        tags: [
          cacheTags.access(project.id),
          cacheTags.accessOfUser(userId),
          cacheTags.accessOfAccount(project.accountId),
        ],
      },
    );
    return facts ?? undefined;
  }
}
