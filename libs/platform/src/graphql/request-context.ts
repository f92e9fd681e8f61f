import type { Request, Response } from 'express';

/** What every resolver can see of its request (a subscription has no HTTP response: `res` is absent). */
export interface RequestContext {
  req: Request & { id?: string };
  res: Response;
  requestId: string;
}
