import type { FastifyReply } from 'fastify';

export function sendPage(reply: FastifyReply, status: number, html: string): void {
  void reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}

/** POST → redirect → GET, so a reload never repeats an action. */
export function seeOther(reply: FastifyReply, location: string): void {
  void reply.status(303).header('location', location).send('');
}
