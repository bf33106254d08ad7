import { Body, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  GetNotificationPreferencesQuery,
  ListNotificationsQuery,
  MarkNotificationsReadCommand,
  markNotificationsReadInput,
  notificationPreferencesInput,
  UpdateNotificationPreferencesCommand,
} from '@dailies/core';
import { UserActor } from '@dailies/events';
import {
  ApiJson,
  ApiJsonBody,
  ApiPagination,
  ApiProblems,
  bodyWith,
  CurrentUser,
} from '@dailies/http';
import {
  notificationPageSchema,
  notificationPreferencesSchema,
  unreadCountViewSchema,
} from './notification.schemas';
import { V2Controller } from '../v2-controller';

@ApiTags('notifications')
@ApiBearerAuth()
@V2Controller('me')
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @ApiPagination()
  @ApiQuery({ name: 'unread', required: false, schema: { enum: ['true', 'false'] } })
  @ApiJson(200, 'A page of notifications', notificationPageSchema)
  @ApiProblems(400, 401)
  list(@CurrentUser() actor: UserActor, @Query() query: Record<string, string>) {
    return this.queries.execute(new ListNotificationsQuery(actor, query));
  }

  @Post('notifications/read')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark notifications read: {ids: [...]} or {all: true}',
    description: 'Only your own; ids that are unknown or already read are ignored.',
  })
  @ApiJsonBody(markNotificationsReadInput)
  @ApiJson(200, 'The unread count afterwards', unreadCountViewSchema)
  @ApiProblems(400, 401)
  markRead(@CurrentUser() actor: UserActor, @Body() body: unknown) {
    return this.commands.execute(new MarkNotificationsReadCommand(actor, bodyWith(body)));
  }

  @Get('notification-preferences')
  @ApiOperation({ summary: 'My notification preferences, merged over the defaults' })
  @ApiJson(200, 'Every kind, in general and per project', notificationPreferencesSchema)
  @ApiProblems(401)
  preferences(@CurrentUser() actor: UserActor) {
    return this.queries.execute(new GetNotificationPreferencesQuery(actor));
  }

  @Put('notification-preferences')
  @ApiOperation({
    summary: 'Replace my notification preferences',
    description:
      'Per kind: inApp (boolean) and email (immediately, hourly, daily, never); kinds left out ' +
      'follow the defaults, project entries override the defaults in that project.',
  })
  @ApiJsonBody(notificationPreferencesInput)
  @ApiJson(200, 'The preferences, merged over the defaults', notificationPreferencesSchema)
  @ApiProblems(400, 401)
  updatePreferences(@CurrentUser() actor: UserActor, @Body() body: unknown) {
    return this.commands.execute(new UpdateNotificationPreferencesCommand(actor, bodyWith(body)));
  }
}
