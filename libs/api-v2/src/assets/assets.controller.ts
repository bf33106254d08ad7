import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

@ApiTags('assets')
@ApiBearerAuth()
@Controller('v2')
export class AssetsController {}
