import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import { GetHlsPlaylistQuery } from '@dailies/core';
import { problemFromStatus, sendProblem } from '@dailies/http';
import { SignedLinks } from '@dailies/storage';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /media/hls/:fileId.m3u8?expires=…&signature=…`: a file's HLS playlist, its segment URIs
 * replaced by presigned storage URLs. Players (a `<video>` element, hls.js) fetch it without a
 * bearer token, so the signed link handed out with the media view is the permission; an altered
 * or expired link is a 403 problem, a file without HLS a 404. Never cached: each fetch signs the
 * segments afresh.
 */
@Injectable()
export class HlsPlaylistRoutes implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly host: HttpAdapterHost,
    @Inject(SignedLinks) private readonly links: SignedLinks,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.get('/media/hls/:playlist', (request, reply) => this.playlist(request, reply));
  }

  private async playlist(request: FastifyRequest, reply: FastifyReply) {
    const { playlist } = request.params as { playlist: string };
    const fileId = playlist.endsWith('.m3u8') ? playlist.slice(0, -'.m3u8'.length) : '';
    if (!UUID.test(fileId)) return refuse(request, reply, 404, 'No such playlist');
    const verdict = this.links.verify(
      request.url.split('?')[0],
      request.query as { expires?: string; signature?: string },
    );
    if (!verdict.ok) {
      return refuse(
        request,
        reply,
        403,
        verdict.reason === 'expired'
          ? 'This playlist link has expired: ask the API for the media again'
          : 'This link is not signed for this playlist (missing, altered or for another file)',
      );
    }
    const text = await this.queries.execute(new GetHlsPlaylistQuery(fileId.toLowerCase()));
    if (text === null) return refuse(request, reply, 404, 'This file has no HLS playlist');
    return reply
      .header('content-type', 'application/vnd.apple.mpegurl')
      .header('cache-control', 'no-store')
      .send(text);
  }
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: number, detail: string) {
  sendProblem(reply, request, problemFromStatus(status, detail));
  return reply;
}
