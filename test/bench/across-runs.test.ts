import { describe, expect, it } from 'vitest';
import { goalsAcrossRuns, renderAcrossRuns, type RecordedRun } from '../../bench/across-runs.js';
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
