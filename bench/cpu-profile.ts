// Reads a V8 .cpuprofile (node --cpu-prof) and lists where the time went: self time by function,
// with the share the process spent idle (waiting on PostgreSQL or the network).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function summarizeCpuProfile(file: string, limit = 20): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const frame = byId.get(id)?.callFrame;
    const url = frame?.url ? relative(process.cwd(), frame.url.replace(/^file:\/\//, '')) : '';
    const key = frame ? `${frame.functionName || '(anonymous)'} ${url}:${frame.lineNumber + 1}` : '?';
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const lines = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(
      ([key, us]) =>
        `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`,
    );
  return [`${file}: ${(total / 1e6).toFixed(1)} s sampled`, ...lines].join('\n');
}

/** Summaries of every .cpuprofile in a folder. */
export function summarizeCpuProfiles(dir: string): string {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.cpuprofile'))
    .map((n) => summarizeCpuProfile(join(dir, n)))
    .join('\n\n');
}
