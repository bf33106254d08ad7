import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('v2')
export class ProjectsController {}
