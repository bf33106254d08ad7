import {
  BadRequestException,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Post,
  Query,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InvalidUnsubscribeToken, UnsubscribeHandler } from './unsubscribe-handler';

/** `/email/unsubscribe?token=…`: the URL in List-Unsubscribe and in every digest's footer. */
// Not part of the /v2 API document: a page for mailbox providers and people following a link.
@ApiExcludeController()
@Controller('email/unsubscribe')
export class UnsubscribeController {
  constructor(@Inject(UnsubscribeHandler) private readonly handler: UnsubscribeHandler) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  show(@Query('token') token?: string): string {
    return badTokenAs400(() => this.handler.page(token));
  }

  /** RFC 8058: the body is `List-Unsubscribe=One-Click`; the token in the URL is what counts. */
  @Post()
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async unsubscribe(@Query('token') token?: string): Promise<string> {
    try {
      return await this.handler.unsubscribe(token);
    } catch (error) {
      throw asBadRequest(error);
    }
  }
}

function badTokenAs400<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asBadRequest(error);
  }
}

function asBadRequest(error: unknown): unknown {
  return error instanceof InvalidUnsubscribeToken ? new BadRequestException(error.message) : error;
}
