import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

@ApiTags('review-links')
@ApiBearerAuth()
@Controller('v2')
export class ReviewLinksController {}
