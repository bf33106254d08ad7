import { Injectable } from '@nestjs/common';
import { Asset, Comment, isUuid, Prisma, Project } from '@dailies/db';
import { Actor } from '@dailies/events';
import { Db } from '../../../shared/db';
import { conflict, forbidden, notFound } from '../../../shared/errors';
import { AccessFactsRow, ProjectReadCache } from '../rules/project-read-cache';
import { atLeast, describeNeed, ProjectAccess, resolveProjectAccess } from './project-rules';

export interface ProjectGrant {
  project: Project;
  access: ProjectAccess;
  /** A member of the project's account (sees private comments); outside collaborators are not. */
  insider: boolean;
}

export interface AssetGrant extends ProjectGrant {
  asset: Asset;
}

export interface CommentGrant extends AssetGrant {
  comment: Comment;
}

/** What the access check needs of an asset. */
export type LoadedAsset = Pick<Asset, 'projectId' | 'deletedAt'>;

interface Options {
  /** Archived projects are read-only; pass true for reads and for (un)archiving itself. */
  allowArchived?: boolean;
}

interface AssetOptions extends Options {
  /** Trashed assets exist only for the trash list and restore. */
  trashed?: 'exclude' | 'include' | 'only';
}

/**
 * Who may see and do what in a project. What a caller may not see is "not found" (never
 * revealing that it exists); what they may see but not do is "forbidden".
 */
@Injectable()
export class ProjectPolicy {
  constructor(private readonly readCache: ProjectReadCache) {}

  /** The caller's access to a loaded project, or null when it does not exist for them. */
  async accessTo(db: Db, actor: Actor, project: Project): Promise<ProjectGrant | null> {
    if (actor.type === 'staff') return { project, access: 'manager', insider: true };
    if (actor.type !== 'user') return null;
    const facts = await this.readCache.accessFacts(project, actor.id, () =>
      this.loadFacts(db, project, actor.id),
    );
    const access = resolveProjectAccess({
      accountRole: facts?.account_role ?? null,
      teamMember: facts?.team_member ?? false,
      projectOwner: project.ownerId === actor.id,
      collaboratorRole: facts?.collaborator_role ?? null,
      private: project.private,
    });
    return access ? { project, access, insider: facts?.account_role != null } : null;
  }

  /** One round trip for every relation that can grant access (this runs on every request). */
  private async loadFacts(db: Db, project: Project, userId: string) {
    const [facts] = await db.$queryRaw<AccessFactsRow[]>(Prisma.sql`
      SELECT m.role::text AS account_role,
             EXISTS (SELECT 1 FROM team_members tm
                     WHERE tm.team_id = ${project.teamId}::uuid AND tm.user_id = ${userId}::uuid)
               AS team_member,
             (SELECT pc.role::text FROM project_collaborators pc
              WHERE pc.project_id = ${project.id}::uuid AND pc.user_id = ${userId}::uuid)
               AS collaborator_role
      FROM (SELECT 1) AS one
      LEFT JOIN memberships m
        ON m.account_id = ${project.accountId}::uuid AND m.user_id = ${userId}::uuid`);
    return facts;
  }

  /** The project if the caller has at least `needed` access to it. */
  async requireProject(
    db: Db,
    actor: Actor,
    projectId: string,
    needed: ProjectAccess,
    options: Options = {},
  ): Promise<ProjectGrant> {
    const project = isUuid(projectId)
      ? await this.readCache.project(projectId, () =>
          db.project.findUnique({ where: { id: projectId } }),
        )
      : null;
    const grant = project ? await this.accessTo(db, actor, project) : null;
    if (!grant) throw notFound('Project');
    return this.check(grant, needed, options);
  }

  async requireAsset(
    db: Db,
    actor: Actor,
    assetId: string,
    needed: ProjectAccess,
    options: AssetOptions = {},
  ): Promise<AssetGrant> {
    const asset = isUuid(assetId) ? await db.asset.findUnique({ where: { id: assetId } }) : null;
    return this.requireLoadedAsset(db, actor, asset, needed, options);
  }

  /**
   * requireAsset for a caller that read the asset itself (null: no such asset), e.g. in one
   * statement with the other facts its command needs: the same trash rule, project access check
   * and "asset not found" for what the caller may not see.
   */
  async requireLoadedAsset<A extends LoadedAsset>(
    db: Db,
    actor: Actor,
    asset: A | null,
    needed: ProjectAccess,
    options: AssetOptions = {},
  ): Promise<ProjectGrant & { asset: A }> {
    const trashed = options.trashed ?? 'exclude';
    const visible =
      asset &&
      (trashed === 'include' ||
        (trashed === 'exclude' && asset.deletedAt === null) ||
        (trashed === 'only' && asset.deletedAt !== null));
    if (!asset || !visible) throw notFound('Asset');
    return {
      ...(await this.requireAssetProject(db, actor, asset.projectId, needed, options)),
      asset,
    };
  }

  /** The project of an asset if the caller has at least `needed` access ("asset not found" if not). */
  async requireAssetProject(
    db: Db,
    actor: Actor,
    projectId: string,
    needed: ProjectAccess,
    options: Options = {},
  ): Promise<ProjectGrant> {
    const project = await this.readCache.project(projectId, () =>
      db.project.findUnique({ where: { id: projectId } }),
    );
    const grant = project ? await this.accessTo(db, actor, project) : null;
    if (!grant) throw notFound('Asset');
    return this.check(grant, needed, options);
  }

  /** A comment the caller can see (private comments only for insiders) and its asset. */
  async requireComment(
    db: Db,
    actor: Actor,
    commentId: string,
    needed: ProjectAccess,
    options: Options = {},
  ): Promise<CommentGrant> {
    const comment = isUuid(commentId)
      ? await db.comment.findUnique({ where: { id: commentId } })
      : null;
    // Deleted comments are kept for the legacy /v1 contract only; they exist nowhere else.
    if (!comment || comment.deletedAt) throw notFound('Comment');
    let grant: AssetGrant;
    try {
      grant = await this.requireAsset(db, actor, comment.assetId, 'viewer', {
        allowArchived: true,
      });
    } catch {
      throw notFound('Comment');
    }
    if (comment.private && !grant.insider) throw notFound('Comment');
    return { ...this.check(grant, needed, options), comment };
  }

  private check<G extends ProjectGrant>(grant: G, needed: ProjectAccess, options: Options): G {
    if (!atLeast(grant.access, needed)) throw forbidden(describeNeed(needed));
    if (needed !== 'viewer' && grant.project.archived && !options.allowArchived) {
      throw conflict('The project is archived; unarchive it to make changes', 'project_archived');
    }
    return grant;
  }
}
