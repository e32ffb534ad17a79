import { describe, expect, it } from 'vitest';
import { readClaims } from '../../src/auth/token-claims.js';
import { ASSISTANT_COLUMNS } from '../../src/policy/data-class.js';
import { decideField } from '../../src/policy/decide.js';
import { diffPolicies } from '../../src/policy/diff-policies.js';
import { formatPolicyDocument, parsePolicyDocument, type PolicyDocument } from '../../src/policy/policy-document.js';
import { createPseudonyms } from '../../src/policy/pseudonym.js';
import { buildDemoSchema } from '../../src/domain/schema.js';

const { catalog } = buildDemoSchema();
const { fields, baseline } = catalog;
const plan = (coordinate: string) => {
  const found = fields.get(coordinate);
  if (!found) throw new Error(`no field ${coordinate}`);
  return found;
};

/** The baseline as a version published before the assistant columns existed would hold it. */
function withoutAssistantColumns(document: PolicyDocument): string {
  const old = JSON.parse(formatPolicyDocument(document)) as { classes: Record<string, Record<string, string>>; [key: string]: unknown };
  for (const row of Object.values(old.classes)) for (const column of ASSISTANT_COLUMNS) delete row[column];
  delete old['assistantsMayOpenSessions'];
  delete old['maxDelegationDepth'];
  return JSON.stringify(old, null, 2);
}

describe('the assistant columns of the policy', () => {
  it('load from a stored version that predates them, with the strict baseline', () => {
    const parsed = parsePolicyDocument(withoutAssistantColumns(baseline), fields);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document.classes.pii.assistant_session).toBe('pseudonym');
    expect(parsed.document.classes.secret.assistant).toBe('deny');
    expect(parsed.document.maxDelegationDepth).toBe(1);
    expect(parsed.document.assistantsMayOpenSessions).toBe(false);
  });

  it('refuse a document that shows a sensitive or secret field to an assistant in any form', () => {
    const shown = structuredClone(baseline);
    shown.classes.sensitive.assistant_session = 'pseudonym';
    shown.overrides['User.nationalId'] = { assistant: 'allow' };
    const parsed = parsePolicyDocument(formatPolicyDocument(shown), fields);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('classes.sensitive.assistant_session must be "deny"'),
      expect.stringContaining('User.nationalId is sensitive, so assistant must be "deny"'),
    ]);
  });

  it('deny sensitive and secret fields to assistants even in a document built in code', () => {
    const shown = structuredClone(baseline);
    shown.classes.sensitive.assistant_session = 'allow';
    shown.classes.secret.assistant_session = 'mask';
    expect(decideField(plan('User.birthDate'), 'assistant_session', shown)).toBe('deny');
    expect(decideField(plan('ApiToken.secret'), 'assistant_session', shown)).toBe('deny');
    // Control: the same rule reaches a person's column.
    expect(decideField(plan('User.birthDate'), 'impersonation_read_only', { ...shown, classes: { ...shown.classes, sensitive: { ...shown.classes.sensitive, impersonation_read_only: 'allow' } } })).toBe('allow');
  });

  it('keep `pseudonym` for assistants: refused in a person\'s column', () => {
    const text = formatPolicyDocument(baseline).replace(/("pii": \{\s*"customer": "allow",\s*"staff": )"allow"/, '$1"pseudonym"');
    const parsed = parsePolicyDocument(text, fields);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.message).toContain('only the assistant columns');
  });

  it('are diffed like the others: loosening an assistant rule or the delegation depth is a loosening', () => {
    const after = structuredClone(baseline);
    after.classes.pii.assistant_session = 'mask';
    after.maxDelegationDepth = 2;
    expect(diffPolicies(baseline, after, fields)).toEqual([
      { rule: 'class pii', column: 'assistant_session', before: 'pseudonym', after: 'mask', direction: 'loosens' },
      { rule: 'maxDelegationDepth', column: null, before: '1', after: '2', direction: 'loosens' },
    ]);
  });
});

describe('pseudonyms', () => {
  const pseudonyms = (key: string) => createPseudonyms(key);

  it('are stable for equal values within a key, across fields, and unrelated under another key', () => {
    const a = pseudonyms('session-key-a');
    const b = pseudonyms('session-key-b');
    const email = a(plan('User.email'), 'jane.doe@acme.example');
    expect(email).toMatch(/^email_[0-9a-f]{8}@masked\.invalid$/);
    expect(a(plan('User.email'), 'jane.doe@acme.example')).toBe(email);
    expect(a(plan('BillingContact.email'), 'jane.doe@acme.example')).toBe(email);
    expect(a(plan('User.email'), 'john.doe@acme.example')).not.toBe(email);
    expect(b(plan('User.email'), 'jane.doe@acme.example')).not.toBe(email);
    expect(a(plan('User.name'), 'Jane Doe')).toMatch(/^person_[0-9a-f]{8}$/);
  });

  it('never contain the value they stand for, however short', () => {
    const a = pseudonyms('session-key-a');
    for (const value of ['a', '7', 'f3', 'person', 'Jane', '0', 'e', 'masked.invalid', 'email_']) {
      for (const field of ['User.name', 'User.email']) {
        const shown = String(a(plan(field), value));
        expect(shown.toLowerCase(), `${field} ${value}`).not.toContain(value.toLowerCase());
        expect(a(plan(field), value), 'stable').toBe(shown);
      }
    }
  });

  it('keep the field\'s type: a field that is not a string reads null', () => {
    const a = pseudonyms('k');
    expect(a(plan('User.birthDate'), '1990-01-01')).toBeNull();
    expect(a(plan('User.name'), null)).toBeNull();
  });
});

describe('assistant tokens', () => {
  const base = { sub: 'ast_triage', name: 'Triage-Bot', auth_time: 1, exp: 2 };

  it('name the assistant, its vendor and model', () => {
    expect(readClaims({ ...base, kind: 'ai_agent', vendor: 'Example Labs', model: 'triage-1' })).toMatchObject({ kind: 'ai_agent', vendor: 'Example Labs', model: 'triage-1', act: [] });
    expect(readClaims({ ...base, kind: 'ai_agent' })).toMatchObject({ kind: 'invalid-claims' });
    expect(readClaims({ ...base, kind: 'ai_agent', vendor: 'x', model: 'y', roles: ['support_agent'] })).toMatchObject({ kind: 'invalid-claims' });
  });

  it('read a nested RFC 8693 act chain, outermost first, and refuse a malformed one', () => {
    const person = { ...base, sub: 'stf_sarah', kind: 'staff', roles: ['support_agent'] };
    expect(readClaims({ ...person, act: { sub: 'ast_triage', act: { sub: 'orchestrator' } } })).toMatchObject({ act: ['ast_triage', 'orchestrator'] });
    expect(readClaims({ ...person, act: { act: { sub: 'x' } } })).toMatchObject({ kind: 'invalid-claims' });
    expect(readClaims({ ...person, act: 'ast_triage' })).toMatchObject({ kind: 'invalid-claims' });
    expect(readClaims({ ...base, kind: 'customer', act: { sub: 'ast_triage' } })).toMatchObject({ kind: 'invalid-claims' });
  });
});
