import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { describe, expect, it } from 'vitest';
import { recordedValue } from '../../src/audit/recorded-field-change.js';
import { listed, renderEffect, says, shown } from '../../src/policy/plugin/effect-text.js';
import WardenPolicyPlugin from '../../src/policy/plugin/index.js';
import type { RequestPolicy } from '../../src/policy/plugin/types.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { buildError } from './build-error.js';

const { catalog } = buildDemoSchema();

const EMAIL_CHANGE = says`change ${shown('User.name', 'Omar Haddad', 'user usr_omar')}'s email from ${shown('User.email', 'omar.haddad@acme.example')} to ${shown('User.email', 'omar@gmail.example')}`;

describe('an effect description reads like its sentence and is rendered per reader', () => {
  it('keeps plain words plain and tagged values tagged, splicing nested descriptions', () => {
    const amount = says`${shown('Invoice.amountCents', 'GBP 62.50')}, paid`;
    expect(says`refund invoice ${shown('Invoice.number', 'ACME-2026-001')} (${amount}) of ${3} lines`).toEqual([
      'refund invoice ',
      { field: 'Invoice.number', value: 'ACME-2026-001' },
      ' (',
      { field: 'Invoice.amountCents', value: 'GBP 62.50' },
      ', paid) of 3 lines',
    ]);
    expect(renderEffect(listed([says`a`, says`b`, says`c`]), () => null)).toBe('a, b and c');
  });

  it('shows each value as the reader may see its field, and "(not shown)" where they may not', () => {
    const reader = (field: string, value: string) => (field === 'User.email' ? `${value[0]}…` : null);
    expect(renderEffect(EMAIL_CHANGE, reader)).toBe("change user usr_omar's email from o… to o…");
    expect(renderEffect(says`${shown('User.birthDate', '1990-09-30')}`, reader)).toBe('(not shown)');
  });

  it('as the audit keeps values: public and internal shown, personal data masked, the rest withheld', () => {
    const text = says`${EMAIL_CHANGE}; ${shown('Invoice.number', 'ACME-2026-001')}; ${shown('Account.region', 'eu-west-1')}; ${shown('User.birthDate', '1990-09-30')}; ${shown('ApiToken.secret', 'wdn_live_abcdef12')}; ${shown('Nowhere.field', 'x')}`;
    expect(renderEffect(text, (field, value) => recordedValue(value, catalog.fields.get(field)))).toBe(
      "change user usr_omar's email from o•••@acme.example to o•••@gmail.example; ACME-2026-001; eu-west-1; (not shown); (not shown); (not shown)",
    );
  });
});

describe('the describers are declared where they apply', () => {
  function build(fields: 'effect on a query' | 'reveals on a pii field') {
    const builder = new SchemaBuilder<{ Context: { policy: RequestPolicy } }>({
      plugins: [ScopeAuthPlugin, WardenPolicyPlugin],
      scopeAuth: { authScopes: () => ({}) },
      wardenPolicy: { onUnclassified: 'error', requestPolicy: (context) => context.policy },
    });
    builder.queryType({});
    if (fields === 'effect on a query') {
      builder.queryField('ping', (t) => t.string({ classification: 'public', effect: async () => null, resolve: () => 'pong' }));
    } else {
      builder.queryField('email', (t) => t.string({ classification: 'pii', nullable: true, reveals: async () => says`all of it`, resolve: () => 'a@b.example' }));
    }
    return builder.toSchema();
  }

  it('an effect only on a root mutation field', () => {
    expect(buildError(() => build('effect on a query'))).toContain('Query.ping has an `effect`, which only root mutation fields take');
  });

  it('reveals only on a sensitive field', () => {
    expect(buildError(() => build('reveals on a pii field'))).toContain('Query.email has `reveals` but is not sensitive');
  });
});
