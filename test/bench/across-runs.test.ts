import { describe, expect, it } from 'vitest';
import { gatewayCpuBounds, goalsAcrossRuns, renderAcrossRuns, type RecordedRun } from '../../bench/across-runs.js';
import type { ModeSummary, WorkloadResult } from '../../bench/http/side-by-side.js';
import type { Goal } from '../../bench/report.js';

function goal(name: string, value: number | null, met: boolean | null): Goal {
  return { goal: name, target: '≥ 0.8×', measured: value === null ? 'not run' : `${value}×`, met, value, margin: '', rounds: '' };
}

describe('the goals across recorded runs', () => {
  const runs: RecordedRun[] = [
    { label: 'aaa', goals: [goal('nested', 0.7, false), goal('writer', null, null)] },
    { label: 'bbb', goals: [goal('nested', 0.85, true), goal('auditor', 1.2, null)] },
    { label: 'ccc', goals: [goal('nested', 0.81, true), goal('writer', 40_000, false)] },
  ];

  it('counts the runs that met each goal, with the median and range of what they measured', () => {
    const [nested, writer] = goalsAcrossRuns(runs);
    expect(nested).toMatchObject({ goal: 'nested', measured: 3, met: 2, median: 0.81, min: 0.7, max: 0.85 });
    expect(nested?.runs.map((r) => r.label)).toEqual(['aaa', 'bbb', 'ccc']);
    // A run where the goal did not run is not counted as measured.
    expect(writer).toMatchObject({ goal: 'writer', measured: 1, met: 0, median: 40_000 });
  });

  it('leaves out a goal no run judged (measured below the size it names)', () => {
    expect(goalsAcrossRuns(runs).map((g) => g.goal)).toEqual(['nested', 'writer']);
  });

  it('marks each run that missed', () => {
    const table = renderAcrossRuns(goalsAcrossRuns(runs));
    expect(table).toContain('| nested | ≥ 0.8× | 2 of 3 | 0.810 | 0.700–0.850 | aaa 0.700 ✗, bbb 0.850, ccc 0.810 |');
    expect(table).toContain('| writer | ≥ 0.8× | 0 of 1 | 40,000 | 40,000–40,000 | ccc 40,000 ✗ |');
  });
});

describe('the goals as they would read with the gateway on cores of its own', () => {
  /** A workload whose modes took this gateway CPU a request (the median of their blocks). */
  function workload(name: string, cpu: Record<string, number>): WorkloadResult {
    const modes = Object.entries(cpu).map(([mode, median]) => ({ mode, serverCpuUsPerRequest: { median, min: median, max: median, stdev: 0, n: 4 } }) as ModeSummary);
    return { name, title: name, connections: 4, blocks: [], modes };
  }

  it("divides the baseline's gateway CPU a request by the mode's, against the throughput goal's target", () => {
    const bounds = gatewayCpuBounds({
      http: [workload('list', { baseline: 15_000, policy: 15_500, 'policy+audit': 17_500 }), workload('nested', { baseline: 3_000, policy: 3_100, 'policy+audit': 4_300 })],
    });
    expect(bounds.map((b) => [b.goal, b.value?.toFixed(3), b.met])).toEqual([
      ['policy: gateway CPU on the 1,000-row list', (15_000 / 15_500).toFixed(3), true],
      ['policy + audit: gateway CPU on the 1,000-row list', (15_000 / 17_500).toFixed(3), false],
      ['policy + audit: gateway CPU on the nested query', (3_000 / 4_300).toFixed(3), false],
    ]);
    expect(bounds[2]?.target).toBe('≥ 0.8×');
  });

  it('leaves out a workload that did not run, and a run without HTTP', () => {
    expect(gatewayCpuBounds({ http: [workload('session', { baseline: 3_000, 'policy+audit': 3_400 })] }).map((b) => b.goal)).toEqual([
      'policy + audit: gateway CPU on session start/end',
    ]);
    expect(gatewayCpuBounds({ http: null })).toEqual([]);
  });
});
