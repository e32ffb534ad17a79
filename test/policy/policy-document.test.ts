import { readFileSync } from 'node:fs';
import { isInterfaceType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BASELINE_POLICY_PATH } from '../../src/policy/baseline.js';
import { POLICY_COLUMNS } from '../../src/policy/data-class.js';
import { decideField } from '../../src/policy/decide.js';
import { diffPolicies, tighteningsOf } from '../../src/policy/diff-policies.js';
import { parsePolicyDocument, type PolicyDocument } from '../../src/policy/policy-document.js';
import { buildDemoSchema } from '../../src/domain/schema.js';

const { schema, catalog } = buildDemoSchema();
const { fields, baseline } = catalog;
const baselineText = readFileSync(BASELINE_POLICY_PATH, 'utf8');

function edited(change: (doc: PolicyDocument) => void): PolicyDocument {
  const doc = structuredClone(baseline);
  change(doc);
  return doc;
}

describe('the policy file is validated on load, with errors that name the line', () => {
  it('accepts the baseline', () => {
    expect(parsePolicyDocument(baselineText, fields)).toMatchObject({ ok: true });
  });

  it('names the line of a JSON syntax error', () => {
    const broken = baselineText.replace('"staff": "allow",', '"staff": "allow"');
    const parsed = parsePolicyDocument(broken, fields);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.line).toBeGreaterThan(3);
  });

  it('names the line of an unknown decision, column, class or field', () => {
    const text = baselineText
      .replace('"impersonation_read_only": "mask"', '"impersonation_read_only": "hide"')
      .replace('"User.name": {', '"User.nmae": {');
    const parsed = parsePolicyDocument(text, fields);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const lines = text.split('\n');
    const hide = parsed.problems.find((p) => p.message.includes('"hide"'));
    expect(lines[(hide?.line ?? 0) - 1]).toContain('"hide"');
    const unknownField = parsed.problems.find((p) => p.message.includes('User.nmae'));
    expect(lines[(unknownField?.line ?? 0) - 1]).toContain('User.nmae');
  });

  it('refuses a key written twice in one object, naming the line of the repeat', () => {
    // JSON.parse keeps the last one: the first User.name rule would vanish without a word.
    const text = baselineText.replace(
      '"overrides": {',
      '"overrides": {\n    "User.name": { "impersonation_read_only": "deny" },',
    );
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.includes('"User.name"')) + 1;
    const repeat = lines.findIndex((l, i) => i + 1 > first && l.includes('"User.name"')) + 1;
    const parsed = parsePolicyDocument(text, fields);
    expect(parsed).toEqual({
      ok: false,
      problems: [{ line: repeat, message: `"User.name" is written twice in the same object (first on line ${first}); only the last would count, so merge them into one.` }],
    });

    const column = baselineText.replace('"customer": "mask",', '"customer": "mask",\n      "customer": "allow",');
    const columnParsed = parsePolicyDocument(column, fields);
    expect(columnParsed.ok).toBe(false);
    if (!columnParsed.ok) expect(column.split('\n')[(columnParsed.problems[0]?.line ?? 0) - 1]).toContain('"customer": "allow"');
  });

  it('control: the same key in different objects is fine', () => {
    // "customer" appears once per class row; that is no repeat.
    expect(parsePolicyDocument(baselineText, fields)).toMatchObject({ ok: true });
    expect(baselineText.split('"customer"').length).toBeGreaterThan(3);
  });

  it('refuses rules that would hide public fields, which the gateway never wraps', () => {
    const text = JSON.stringify(edited((doc) => (doc.classes.public.staff = 'deny')), null, 2);
    const parsed = parsePolicyDocument(text, fields);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.message).toMatch(/Public fields/);
    const override = parsePolicyDocument(JSON.stringify({ ...baseline, overrides: { 'Invoice.number': { staff: 'deny' } } }), fields);
    expect(override.ok).toBe(false);
  });
});

describe('diffing two policies', () => {
  it('calls a stricter rule tightening and a more permissive one loosening', () => {
    const tighter = edited((doc) => (doc.classes.pii.customer = 'mask'));
    expect(diffPolicies(baseline, tighter, fields)).toEqual([
      { rule: 'class pii', column: 'customer', before: 'allow', after: 'mask', direction: 'tightens' },
    ]);
    const looser = edited((doc) => (doc.overrides['User.birthDate'] = { impersonation_read_only: 'allow' }));
    expect(diffPolicies(baseline, looser, fields)).toEqual([
      { rule: 'field User.birthDate', column: 'impersonation_read_only', before: 'deny', after: 'allow', direction: 'loosens' },
    ]);
  });

  it('splits a change that does both into a tightening step and a loosening step', () => {
    const before = edited((doc) => (doc.overrides['User.phone'] = { customer: 'mask' }));
    const after = edited((doc) => {
      doc.classes.pii.customer = 'mask';
      doc.classes.internal.staff = 'deny';
      doc.overrides['User.birthDate'] = { impersonation_read_only: 'allow' };
      doc.oncallMayImpersonate = true;
    });
    const middle = tighteningsOf(before, after, fields);
    const tightening = diffPolicies(before, middle, fields);
    const loosening = diffPolicies(middle, after, fields);
    expect(tightening.map((c) => c.direction)).toEqual(['tightens', 'tightens']);
    expect(loosening.map((c) => c.direction)).toEqual(['loosens', 'loosens']);
    expect([...tightening, ...loosening].map((c) => `${c.rule} ${c.column}`).sort()).toEqual(
      diffPolicies(before, after, fields).map((c) => `${c.rule} ${c.column}`).sort(),
    );
    // User.phone for customers: masked by the override before, by the class rule after; no step changes it.
    expect([...tightening, ...loosening].some((c) => c.rule === 'field User.phone')).toBe(false);
  });

  it('where a grant can apply (sensitive fields, sessions), counts deny and mask each looser than the other', () => {
    const masked = edited((doc) => (doc.overrides['User.nationalId'] = { impersonation_read_only: 'mask', customer: 'mask' }));
    // mask → deny: a session with a grant sees the whole value where it saw a masked one.
    expect(diffPolicies(masked, baseline, fields)).toEqual([
      { rule: 'field User.nationalId', column: 'customer', before: 'mask', after: 'allow', direction: 'loosens' },
      { rule: 'field User.nationalId', column: 'impersonation_read_only', before: 'mask', after: 'deny', direction: 'loosens' },
    ]);
    expect(diffPolicies(baseline, masked, fields).find((c) => c.column === 'impersonation_read_only')?.direction).toBe('loosens');
    const classMasked = edited((doc) => (doc.classes.sensitive.impersonation_read_write = 'mask'));
    expect(diffPolicies(classMasked, baseline, fields).map((c) => [c.rule, c.direction])).toEqual([['class sensitive', 'loosens']]);
    // allow → deny still tightens: a grant gives back at most what was allowed.
    const allowed = edited((doc) => (doc.overrides['User.nationalId'] = { impersonation_read_only: 'allow' }));
    expect(diffPolicies(allowed, baseline, fields).map((c) => c.direction)).toEqual(['tightens']);
  });

  it('where no grant can apply, mask → deny tightens', () => {
    const customerMasked = edited((doc) => (doc.overrides['User.nationalId'] = { customer: 'mask' }));
    const customerDenied = edited((doc) => (doc.overrides['User.nationalId'] = { customer: 'deny' }));
    expect(diffPolicies(customerMasked, customerDenied, fields).map((c) => c.direction)).toEqual(['tightens']);
    const piiDenied = edited((doc) => (doc.classes.pii.impersonation_read_only = 'deny'));
    expect(diffPolicies(baseline, piiDenied, fields).map((c) => [c.rule, c.direction])).toEqual([['class pii', 'tightens']]);
  });

  it('leaves mask → deny under a grant out of the tightening step of a split', () => {
    const before = edited((doc) => (doc.overrides['User.nationalId'] = { impersonation_read_only: 'mask' }));
    const after = edited((doc) => (doc.classes.pii.customer = 'mask'));
    const middle = tighteningsOf(before, after, fields);
    expect(diffPolicies(before, middle, fields)).toEqual([
      { rule: 'class pii', column: 'customer', before: 'allow', after: 'mask', direction: 'tightens' },
    ]);
    expect(diffPolicies(middle, after, fields).map((c) => [c.rule, c.column, c.direction])).toEqual([
      ['field User.nationalId', 'impersonation_read_only', 'loosens'],
    ]);
  });

  it('sees that removing a restrictive override loosens', () => {
    const withDeny = edited((doc) => (doc.overrides['User.phone'] = { customer: 'deny' }));
    expect(diffPolicies(withDeny, baseline, fields).map((c) => c.direction)).toEqual(['loosens']);
  });
});

describe('the baseline decides a field an interface gives several types alike on each', () => {
  // `User.name` and `BillingContact.name` are one person's name, reached by two paths.
  const shared = Object.values(schema.getTypeMap())
    .filter(isInterfaceType)
    .flatMap((contract) => Object.keys(contract.getFields()).map((field) => ({ contract, field })));

  it.each(shared.map(({ contract, field }) => [`${contract.name}.${field}`, contract, field] as const))('%s', (_name, contract, field) => {
    const decisions = schema.getPossibleTypes(contract).map((type) => {
      const plan = fields.get(`${type.name}.${field}`);
      if (!plan) throw new Error(`No plan for ${type.name}.${field}`);
      return [type.name, POLICY_COLUMNS.map((column) => decideField(plan, column, baseline)).join(' ')] as const;
    });
    expect(new Set(decisions.map(([, row]) => row)).size, JSON.stringify(decisions)).toBe(1);
  });
});
