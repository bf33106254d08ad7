import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { invite, toInvitationView } from '../../../../accounts/invitation';
import { CORE_OPTIONS, CoreOptions } from '../../../../shared/core-options';
import { conflict, forbidden, validationFailed } from '../../../../shared/errors';
import { isUniqueViolation } from '../../../../shared/prisma-errors';
import { TransactionalMail } from '../../../../shared/transactional-mail';
import { CollaboratorAdded } from '../../../events';
import { ProjectPolicy } from '../../policy/project-policy';
import { toCollaboratorView } from '../../views/collaborator.view';
import { AddCollaboratorCommand, AddCollaboratorResult } from './add-collaborator.command';

const alreadyThere = () =>
  conflict('The user is already a collaborator on this project', 'already_collaborator');

/**
 * Managers give a role on the project. Consent (issue 12): only verified members of the
 * project's account are added directly (and told by e-mail); anyone else named by email gets an
 * invitation they accept, and the answer is the same whether or not the address has a login, so
 * the route cannot be used to find out who uses Dailies. A userId must name a member: ids of
 * other people are refused alike, whether they exist or not. Archived projects accept it: who
 * may see an archive is not a change to its content.
 */
@CommandHandler(AddCollaboratorCommand)
export class AddCollaboratorHandler implements ICommandHandler<
  AddCollaboratorCommand,
  AddCollaboratorResult
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly mail: TransactionalMail,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async execute({ actor, input }: AddCollaboratorCommand): Promise<AddCollaboratorResult> {
    return this.uow.run(async (tx, events) => {
      const { project } = await this.policy.requireProject(tx, actor, input.projectId, 'manager', {
        allowArchived: true,
      });
      const { userId, email } = input;
      const byId = userId !== undefined;
      const member =
        byId && !isUuid(userId)
          ? null
          : await tx.membership.findFirst({
              where: {
                accountId: project.accountId,
                user: byId ? { id: userId, emailConfirmed: true } : { email, emailConfirmed: true },
              },
              include: { user: true },
            });
      if (!member && byId) {
        throw validationFailed(
          [
            {
              field: 'userId',
              message:
                'is not a verified member of the project’s account; invite people by email instead',
            },
          ],
          'Only verified members of the account can be added by id',
        );
      }
      const actorId = actorUserId(actor);
      if (!member) {
        if (!actorId || email === undefined) throw forbidden('Only users can invite');
        const existing = await tx.projectCollaborator.findFirst({
          where: { projectId: project.id, user: { email } },
          select: { userId: true },
        });
        // A collaborator already: the caller can see them in the collaborator list anyway.
        if (existing) throw alreadyThere();
        const { invitation } = await invite(tx, events, this.mail, actor, {
          accountId: project.accountId,
          email,
          role: 'member',
          teamId: null,
          project: { id: project.id, name: project.name, role: input.role },
          inviterId: actorId,
          ttlDays: this.options.invitationTtlDays,
        });
        return { outcome: 'invited', invitation: toInvitationView(invitation) };
      }
      const user = member.user;
      const existing = await tx.projectCollaborator.findUnique({
        where: { projectId_userId: { projectId: project.id, userId: user.id } },
      });
      if (existing) throw alreadyThere();
      const collaborator = await tx.projectCollaborator
        .create({
          data: {
            projectId: project.id,
            userId: user.id,
            role: input.role,
            addedById: actorId ?? null,
          },
        })
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? alreadyThere() : error;
        });
      events.record(
        new CollaboratorAdded({
          actor,
          accountId: project.accountId,
          teamId: project.teamId,
          projectId: project.id,
          subject: { type: 'project', id: project.id },
          payload: { userId: user.id, role: collaborator.role },
        }),
      );
      if (user.id !== actorId) {
        const actorName = actorId
          ? (await tx.user.findUnique({ where: { id: actorId }, select: { name: true } }))?.name
          : undefined;
        await this.mail.addedToProject(
          tx,
          user,
          project,
          collaborator.role,
          actorName ?? 'Dailies',
        );
      }
      return { outcome: 'added', collaborator: toCollaboratorView({ ...collaborator, user }) };
    });
  }
}
