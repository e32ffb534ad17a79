import { Counter, Registry } from 'prom-client';
import { describe, expect, it, vi } from 'vitest';
import { FieldReadRecorder } from '../../src/audit/field-read-recorder.js';
import { countFieldDecisions } from '../../src/metrics/count-field-decisions.js';
import { DATA_CLASSES } from '../../src/policy/data-class.js';

const counter = () => new Counter({ name: 'field_decisions_total', help: 'test', labelNames: ['data_class', 'decision'], registers: [new Registry()] });
const totals = async (c: Counter<'data_class' | 'decision'>) => Object.fromEntries((await c.get()).values.map((v) => [`${v.labels.data_class}/${v.labels.decision}`, v.value]));

describe('field decisions of a request whose shown reads are not kept', () => {
  it('are counted by class and decision, each in its own cell', () => {
    for (const dataClass of [...DATA_CLASSES, null]) {
      for (const decision of ['allowed', 'masked'] as const) {
        const recorder = new FieldReadRecorder('refusals');
        recorder.read('T.f', dataClass, decision, { id: 'x' }, null);
        recorder.read('T.g', dataClass, decision, { id: 'y' }, null);
        expect(recorder.unkeptReads()).toEqual([{ dataClass, decision, count: 2 }]);
        // Nothing of them is kept for the audit.
        expect(recorder.groups()).toEqual([]);
      }
    }
  });

  it('keep denials as audit groups, and count nothing unkept when every read is kept', () => {
    const refusals = new FieldReadRecorder('refusals');
    refusals.read('User.birthDate', 'sensitive', 'denied', { id: 'usr_1' }, null);
    expect(refusals.unkeptReads()).toEqual([]);
    expect(refusals.groups()).toHaveLength(1);
    const all = new FieldReadRecorder('all');
    all.read('User.email', 'pii', 'masked', { id: 'usr_1' }, null);
    expect(all.unkeptReads()).toEqual([]);
  });
});

describe('countFieldDecisions', () => {
  it('moves the counter once per class and decision, leaves public fields out and names a missing class unclassified', async () => {
    const recorder = new FieldReadRecorder('all');
    for (let i = 0; i < 1000; i++) recorder.read('Invoice.taxId', 'pii', 'masked', { id: `inv_${i}` }, null);
    recorder.read('User.email', 'pii', 'masked', { id: 'usr_1' }, null);
    recorder.read('User.secretThing', null, 'denied', { id: 'usr_1' }, null);
    recorder.add('Invoice.number', 1000, []);
    const c = counter();
    const increments = vi.spyOn(c, 'inc');
    countFieldDecisions(c, recorder.groups(), [{ dataClass: 'internal', decision: 'allowed', count: 3 }]);
    expect(await totals(c)).toEqual({ 'pii/masked': 1001, 'unclassified/denied': 1, 'internal/allowed': 3 });
    expect(increments).toHaveBeenCalledTimes(3);
  });
});
