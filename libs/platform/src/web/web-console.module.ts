import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Controller, type DynamicModule, Get, Module, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';

/**
 * The console's client routes (apps/web/src/router.ts): a refresh or a link to one of them answers
 * index.html. Every other path is the API's (/graphql, /health, /metrics) or its JSON 404.
 */
export const CONSOLE_ROUTES = [
  '/',
  'signin',
  'signin/callback',
  'dashboard',
  'enterprises',
  'enterprises/:creditCode',
  'work',
  'expiring',
  'import',
  'reports',
  // the analysts' GraphQL explorer: the same page, which loads GraphiQL instead of the console there
  'graphiql',
];

/** The media types of what a vite build emits. */
const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file directly inside `dir` (no path, no dot file), or undefined. */
async function fileIn(dir: string, name: string): Promise<string | undefined> {
  if (basename(name) !== name || name.startsWith('.')) return undefined;
  const path = join(dir, name);
  const found = await stat(path).catch(() => undefined);
  return found?.isFile() ? path : undefined;
}

function consoleController(webDir: string) {
  const assets = join(webDir, 'assets');
  @Controller()
  class WebConsoleController {
    /** The page: revalidated every time, so a new build is picked up at once. */
    @Get(CONSOLE_ROUTES)
    page(@Res() res: FastifyReply): FastifyReply {
      return res
        .header('cache-control', 'no-cache')
        .type(TYPES['.html']!)
        .send(createReadStream(join(webDir, 'index.html')));
    }

    /** Hashed bundles: they never change under their name. Only a file directly in the folder is served. */
    @Get('assets/:file')
    async asset(@Param('file') file: string, @Res() res: FastifyReply): Promise<FastifyReply> {
      const path = await fileIn(assets, file);
      if (!path) return res.code(404).send(new NotFoundException(`Cannot GET /assets/${file}`).getResponse());
      return res
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type(TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')
        .send(createReadStream(path));
    }
  }
  return WebConsoleController;
}

/**
 * The built console (apps/web, built into WEB_DIR, default dist/web) at `/`, same origin as /graphql.
 * Without a build the API serves GraphQL only and says so once.
 */
@Module({})
export class WebConsoleModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    if (!existsSync(join(config.webDir, 'index.html'))) {
      logger.warn({ webDir: config.webDir }, 'the web console is not built (npm run build): serving the API only');
      return { module: WebConsoleModule };
    }
    return { module: WebConsoleModule, controllers: [consoleController(config.webDir)] };
  }
}
