import type { FastifyReply, FastifyRequest } from 'fastify';

/** What every resolver can see of its request (a subscription has no HTTP response: `res` is absent). */
export interface RequestContext {
  req: FastifyRequest;
  res?: FastifyReply;
  requestId: string;
}
