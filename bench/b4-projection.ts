// B4 projection: events/s of a full rebuild in a child process (peak RSS its own), against a raw
// sequential read of the log in the same child. `--cpu-prof` on the child with BENCH_PROFILE=1.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { childEnv } from './api';

export interface ProjectionFigures {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly rawEventsPerSecond: number;
  readonly peakRssMiB: number;
  /** Seconds from the start of the rebuild to the first report of each phase. */
  readonly phases: Record<string, number>;
  /** B6 on the same log, in the same child after the rebuild (null with BENCH_B6=0). */
  readonly catchUp: CatchUpFigures | null;
}

/** B6: events/s of the live projector catching up the whole log, of the merge path alone, and of the live path. */
export interface CatchUpFigures {
  readonly eventsPerSecond: number;
  /** Seconds from the projector's start until its checkpoint reached the head (the "< 5 minutes at 1,000,000" goal). */
  readonly seconds: number;
  /** The path the projector took (its notice). */
  readonly path: string;
  readonly mergeEvents: number;
  readonly mergeEventsPerSecond: number;
  readonly liveEvents: number;
  readonly liveEventsPerSecond: number;
}

export async function benchProjection(databaseUrl: string, profileDir?: string): Promise<ProjectionFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cl-bench-b4-'));
  try {
    const args = [
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-name=rebuild.cpuprofile'] : []),
      resolve('dist/bench/b4-projection-child.js'),
    ];
    const output = await new Promise<string>((resolveOutput, reject) => {
      const child = spawn(process.execPath, args, {
        cwd: process.cwd(),
        env: childEnv(databaseUrl, dataDir),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolveOutput(out) : reject(new Error(`B4 child exited with ${code}`))));
    });
    const r = JSON.parse(output.trim().split('\n').at(-1)!) as {
      events: number;
      seconds: number;
      phases?: Record<string, number>;
      rebuildPeakRss: number;
      rawEvents: number;
      rawSeconds: number;
      b6: {
        catchUpSeconds: number;
        catchUpPath: string;
        mergeEvents: number;
        mergeSeconds: number;
        liveEvents: number;
        liveSeconds: number;
      } | null;
    };
    return {
      events: r.events,
      seconds: r.seconds,
      eventsPerSecond: r.events / r.seconds,
      rawEventsPerSecond: r.rawEvents / r.rawSeconds,
      peakRssMiB: r.rebuildPeakRss,
      phases: r.phases ?? {},
      catchUp: r.b6 && {
        eventsPerSecond: r.events / r.b6.catchUpSeconds,
        seconds: r.b6.catchUpSeconds,
        path: r.b6.catchUpPath,
        mergeEvents: r.b6.mergeEvents,
        mergeEventsPerSecond: r.b6.mergeEvents / r.b6.mergeSeconds,
        liveEvents: r.b6.liveEvents,
        liveEventsPerSecond: r.b6.liveEvents / r.b6.liveSeconds,
      },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
