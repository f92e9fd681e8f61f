import { rmSync } from 'node:fs';
import type { EmbeddedPostgresHandle } from '../libs/platform/src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as
    { server: EmbeddedPostgresHandle; folder: string } | undefined;
  if (!state) return;
  await state.server.stop();
  rmSync(state.folder, { recursive: true, force: true });
}
