import { readFileSync } from 'node:fs';
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { describe, expect, it } from 'vitest';
import { loadBaselinePolicy } from '../../src/policy/baseline.js';
import { fieldInventory } from '../../src/policy/field-inventory.js';
import { FIELD_INVENTORY_PATH } from '../../src/domain/files.js';
import { checkPolicy } from '../../src/policy/policy-check.js';
import WardenPolicyPlugin from '../../src/policy/plugin/index.js';
import type { RequestPolicy } from '../../src/policy/plugin/types.js';
import { buildDemoSchema } from '../../src/domain/schema.js';

/** A schema with one field nobody classified and one argument that declares nothing. */
function buildUnreviewed(onUnclassified: 'error' | 'secret') {
  const builder = new SchemaBuilder<{ Context: { policy: RequestPolicy } }>({
    plugins: [ScopeAuthPlugin, WardenPolicyPlugin],
    scopeAuth: { authScopes: () => ({}) },
    wardenPolicy: { onUnclassified, requestPolicy: (context) => context.policy },
  });
  builder.queryType({
    fields: (t) => ({
      reviewed: t.string({ classification: 'pii', mask: 'email', nullable: true, resolve: () => null }),
      unreviewed: t.string({ nullable: true, resolve: () => null }),
      search: t.string({ classification: 'public', args: { text: t.arg.string() }, resolve: () => '' }),
    }),
  });
  const schema = builder.toSchema();
  return { schema, catalog: { fields: fieldInventory(schema), baseline: loadBaselinePolicy() } };
}

describe('the committed field inventory (schema/field-inventory.md)', () => {
  it('matches the schema and the baseline, so a class change shows up in review', () => {
    const { report, problems } = checkPolicy((onUnclassified) => buildDemoSchema({ onUnclassified }));
    expect(problems).toEqual([]);
    expect(report).toBe(readFileSync(FIELD_INVENTORY_PATH, 'utf8'));
  });

  it('lists each field with its class, mask and decision per caller, and each argument with what it reads', () => {
    const committed = readFileSync(FIELD_INVENTORY_PATH, 'utf8');
    expect(committed).toMatch(/\| `User\.email` +\| pii +\| email +\| allow +\| allow +\| mask +\| mask +\|/);
    expect(committed).toMatch(/\| `User\.birthDate` +\| sensitive +\| null +\| allow +\| deny +\| deny +\| deny +\|/);
    expect(committed).toMatch(/\| `UserFilter\.email` +\| `User\.email` +\|/);
    expect(committed).toMatch(/\| `Account\.users\(orderBy:\)` +\| NAME: `User\.name`, EMAIL: `User\.email`/);
    expect(committed).toMatch(/\| `Query\.directory\(first:\)` +\| nothing stored +\|/);
  });
});

describe('policy:check on a schema that needs review', () => {
  it('shows the unclassified field and the undeclared argument in the inventory, and the errors naming them', () => {
    const { report, problems } = checkPolicy(buildUnreviewed);
    expect(report).toMatch(/\| `Query\.unreviewed` +\| UNCLASSIFIED \(handled as secret\) +\| redact +\| mask +\| deny +\| mask +\| mask +\|/);
    expect(report).toMatch(/\| `Query\.search\(text:\)` +\| UNDECLARED \(refused under impersonation\) +\|/);
    expect(report).toContain('1 argument or input field, 1 undeclared.');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('These fields have no data class');
    expect(problems[0]).toContain('Query.unreviewed');
    expect(problems[0]).toContain('Query.search(text:)');
  });

  it('reports a schema that does not build at all, with no inventory', () => {
    const { report, problems } = checkPolicy(() => {
      throw new Error('The baseline policy is not valid: schema/policy.json:3: bad');
    });
    expect(report).toBeNull();
    expect(problems).toEqual(['The baseline policy is not valid: schema/policy.json:3: bad']);
  });
});
