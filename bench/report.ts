// The results table: one row per figure beside its baseline of the same run, the goals of issue 15,
// and the table of a run over several scales (each figure at each scale, and largest ÷ smallest).
import { cpus, totalmem } from 'node:os';
import { fmt } from './common';

export interface Row {
  /** The same figure at every scale (the figure's text may carry scale-dependent details). */
  key: string;
  id: string;
  figure: string;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number | null;
  /** value / baseline */
  ratio: number | null;
  goal: string;
  met: boolean | null;
}

export function row(r: Omit<Row, 'ratio' | 'key'> & { ratio?: number | null; key?: string }): Row {
  const ratio = r.ratio ?? (r.baselineValue ? r.value / r.baselineValue : null);
  return { ...r, key: r.key ?? `${r.id} ${r.figure}`, ratio };
}

/** A figure without a baseline or a goal (a time, a size, a count). */
export function infoRow(r: Pick<Row, 'id' | 'figure' | 'value' | 'unit' | 'baseline'> & { key?: string }): Row {
  return row({ ...r, baselineValue: null, goal: '–', met: null });
}

/** The scale from which the goals "at 1,000,000" apply. */
export const NATIONAL = 1_000_000;

/**
 * The goals of issue 15 ("Read side at national scale"), each a test of a figure of one scale; the
 * cross-scale goal is in SCALE_GOALS.
 */
export const GOALS = {
  append: { text: '≥ 0.60 of raw', met: (ratio: number) => ratio >= 0.6 },
  grants: { text: '≥ 1,000 cmd/s', met: (perSecond: number) => perSecond >= 1000 },
  grantsP99: { text: '≤ 50 ms', met: (ms: number) => ms <= 50 },
  importRatio: { text: '≥ 0.80 of raw', met: (ratio: number) => ratio >= 0.8 },
  rebuildRatio: { text: '≥ 0.30 of raw', met: (ratio: number) => ratio >= 0.3 },
  catchUpRatio: { text: '≥ 0.8 of the rebuild', met: (ratio: number) => ratio >= 0.8 },
  catchUpTime: {
    text: '< 5 min at 1,000,000',
    met: (seconds: number, scale: number) => (scale >= NATIONAL ? seconds < 300 : null),
  },
  rebuildTime: {
    text: '< 3 min at 1,000,000',
    met: (seconds: number, scale: number) => (scale >= NATIONAL ? seconds < 180 : null),
  },
  progressP99: { text: '≤ 1.5× floor', met: (ratio: number) => ratio <= 1.5 },
  progressP99Single: { text: '≤ 2× floor', met: (ratio: number) => ratio <= 2 },
  trendP99: { text: '≤ 2× floor', met: (ratio: number) => ratio <= 2 },
  /** Issue 25: cohortProgress(knownAt) with 1,000 late events beside plain cohortProgress. */
  knownAtP99: { text: '≤ 2× plain', met: (ratio: number) => ratio <= 2 },
  apiRss: { text: '≤ 300 MiB', met: (mib: number) => mib <= 300 },
} as const;

/** Goals on a figure's ratio-to-baseline at the largest scale ÷ the same at the smallest (1,000,000 ÷ 30,000), by row key. */
export const SCALE_GOALS: Record<string, { text: string; met: (ratioOfRatios: number) => boolean }> = {
  'B5 cohortProgress p99': { text: 'ratio at largest ÷ at smallest ≤ 1.2', met: (r) => r <= 1.2 },
};

const decimals = (unit: string) => (unit === 'ms' || unit === 'MiB' || unit === 's' ? 1 : 0);
const metText = (met: boolean | null) => (met === null ? '–' : met ? 'yes' : 'NO');

/** A markdown table, columns padded. */
export function render(head: string[], body: string[][]): string {
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => [...b[c]!].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function table(rows: Row[]): string {
  return render(
    ['id', 'figure', 'value', 'baseline', 'ratio', 'goal', 'met?'],
    rows.map((r) => [
      r.id,
      r.figure,
      `${fmt(r.value, decimals(r.unit))} ${r.unit}`,
      r.baseline,
      r.ratio === null ? '–' : fmt(r.ratio, 2),
      r.goal,
      metText(r.met),
    ]),
  );
}

export interface ScaleRows {
  readonly scale: number;
  readonly rows: Row[];
}

export interface CombinedRow {
  key: string;
  id: string;
  unit: string;
  goal: string;
  /** Per scale, in the order of the run; null where the figure was not measured at that scale. */
  cells: ({ value: number; ratio: number | null; met: boolean | null } | null)[];
  /** The largest scale's value ÷ the smallest's. */
  valueGrowth: number | null;
  /** The largest scale's ratio-to-baseline ÷ the smallest's. */
  ratioGrowth: number | null;
  scaleGoal: string | null;
  scaleMet: boolean | null;
}

/** Every figure at every scale, with the growth from the smallest to the largest scale. */
export function combine(scales: readonly ScaleRows[]): CombinedRow[] {
  const keys: Row[] = [];
  for (const s of scales) for (const r of s.rows) if (!keys.some((k) => k.key === r.key)) keys.push(r);
  const bySize = [...scales].sort((a, b) => a.scale - b.scale);
  const smallest = bySize[0];
  const largest = bySize.at(-1);
  return keys.map((k) => {
    const at = (s: ScaleRows | undefined) => s?.rows.find((r) => r.key === k.key) ?? null;
    const small = scales.length > 1 ? at(smallest) : null;
    const large = scales.length > 1 ? at(largest) : null;
    const valueGrowth = small && large && small.value ? large.value / small.value : null;
    const ratioGrowth = small?.ratio && large && large.ratio !== null ? large.ratio / small.ratio : null;
    const scaleGoal = SCALE_GOALS[k.key];
    return {
      key: k.key,
      id: k.id,
      unit: k.unit,
      goal: k.goal,
      cells: scales.map((s) => {
        const r = at(s);
        return r ? { value: r.value, ratio: r.ratio, met: r.met } : null;
      }),
      valueGrowth,
      ratioGrowth,
      scaleGoal: scaleGoal?.text ?? null,
      scaleMet: scaleGoal && ratioGrowth !== null ? scaleGoal.met(ratioGrowth) : null,
    };
  });
}

/** The combined table: per figure its value · ratio · met at each scale, then largest ÷ smallest. */
export function combinedTable(scales: readonly ScaleRows[], rows: CombinedRow[]): string {
  const bySize = [...scales].sort((a, b) => a.scale - b.scale);
  const growth = `${fmt(bySize.at(-1)!.scale)} ÷ ${fmt(bySize[0]!.scale)}: value · ratio`;
  return render(
    [
      'figure',
      ...scales.map((s) => `${fmt(s.scale)}: value · ratio · met`),
      'goal',
      growth,
      'goal across scales',
      'met?',
    ],
    rows.map((r) => [
      r.key,
      ...r.cells.map((c) =>
        c === null
          ? '–'
          : [
              `${fmt(c.value, decimals(r.unit))} ${r.unit}`,
              c.ratio === null ? '–' : fmt(c.ratio, 2),
              ...(c.met === null ? [] : [metText(c.met)]),
            ].join(' · '),
      ),
      r.goal,
      `${fmt(r.valueGrowth, 2)} · ${fmt(r.ratioGrowth, 2)}`,
      r.scaleGoal ?? '–',
      metText(r.scaleMet),
    ]),
  );
}

export function machineOf(postgres: string, rssResetSupported: boolean) {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres,
    rssResetSupported,
  };
}

export type Machine = ReturnType<typeof machineOf>;

export interface CodeMeasured {
  readonly commit: string;
  readonly dirty: boolean;
}

export function header(title: string, started: Date, code: CodeMeasured, m: Machine): string {
  return (
    `\nCultivation Ledger benchmarks${title} — ${started.toISOString()}\n` +
    `code ${code.commit}${code.dirty ? ' (with uncommitted changes in apps/ or libs/)' : ''}\n` +
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgres}\n\n`
  );
}

/** bench/results/<start, minutes>Z-<suffix>.json */
export function resultName(started: Date, suffix: string): string {
  return `${started.toISOString().slice(0, 16).replace(':', '')}Z-${suffix}.json`;
}
