import { Type } from '@nestjs/common';
import { AddCollaboratorHandler } from './commands/add-collaborator/add-collaborator.handler';
import { ChangeCollaboratorRoleHandler } from './commands/change-collaborator-role/change-collaborator-role.handler';
import { CreateProjectHandler } from './commands/create-project/create-project.handler';
import { DeleteProjectHandler } from './commands/delete-project/delete-project.handler';
import { RemoveCollaboratorHandler } from './commands/remove-collaborator/remove-collaborator.handler';
import { UpdateProjectHandler } from './commands/update-project/update-project.handler';
import { GetProjectHandler } from './queries/get-project/get-project.handler';
import { ListCollaboratorsHandler } from './queries/list-collaborators/list-collaborators.handler';
import { ListProjectsHandler } from './queries/list-projects/list-projects.handler';

/** Command and query handlers of the project use cases, registered by ProjectsModule. */
export const ProjectHandlers: Type[] = [
  CreateProjectHandler,
  UpdateProjectHandler,
  DeleteProjectHandler,
  AddCollaboratorHandler,
  ChangeCollaboratorRoleHandler,
  RemoveCollaboratorHandler,
  GetProjectHandler,
  ListProjectsHandler,
  ListCollaboratorsHandler,
];
