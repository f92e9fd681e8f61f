import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, type DynamicModule, Get, Module, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
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

function consoleController(webDir: string) {
  const assets = join(webDir, 'assets');
  @Controller()
  class WebConsoleController {
    /** The page: revalidated every time, so a new build is picked up at once. */
    @Get(CONSOLE_ROUTES)
    page(@Res() res: Response): void {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile('index.html', { root: webDir });
    }

    /** Hashed bundles: they never change under their name. `root` keeps the path inside the folder. */
    @Get('assets/:file')
    asset(@Param('file') file: string, @Res() res: Response): void {
      res.sendFile(file, { root: assets, dotfiles: 'deny', maxAge: '365d', immutable: true }, (error?: Error) => {
        if (!error || res.headersSent) return;
        const notFound = new NotFoundException(`Cannot GET /assets/${file}`);
        res.status(404).json(notFound.getResponse());
      });
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
