import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { bearerCheck } from './bearer';
import type { Metrics } from './metrics';

/**
 * /metrics (and /health/live) on a port of its own, for processes that serve no HTTP otherwise (the
 * projection worker); the same bearer token as the API's /metrics.
 */
export async function serveMetrics(
  metrics: Metrics,
  options: { port: number; token: string | undefined; logger: Logger },
): Promise<Server> {
  const authorized = bearerCheck(options.token);
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/health/live') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (req.method === 'GET' && path === '/metrics') {
      if (!authorized(req.headers.authorization)) {
        res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="metrics"' });
        res.end('{"error":"metrics need the bearer token"}');
        return;
      }
      void metrics
        .render((error) => options.logger.warn({ err: error }, 'a metrics sampler failed'))
        .then((text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '0.0.0.0', () => resolve());
  });
  return server;
}
