import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ClassificationError, loadClassification, parseClassification } from '../../src/proxy/classification.js';
import { loadUpstreamSchema, UpstreamSchemaUnavailable } from '../../src/proxy/upstream-schema.js';
import { LETTINGS_CLASSES } from '../support/proxy-world.js';

describe('the classification document', () => {
  it('reads the example, every section', () => {
    const classes = loadClassification(LETTINGS_CLASSES);
    expect(classes.fields.get('Tenant.email')).toEqual({ classification: 'pii', mask: 'email' });
    expect(classes.arguments.get('Query.tenants(emailContains:)')).toBe('Tenant.email');
    expect(classes.mutations.get('Mutation.refundPayment')).toBe('risky');
    expect(classes.hidden.has('Query.supportIdentity')).toBe(true);
    expect(classes.names).toEqual({ customer: 'User.name', account: 'Organisation.name' });
  });

  it('lists every problem at once, each naming the entry and what to write', () => {
    const problems = (() => {
      try {
        parseClassification({
          fields: { 'Tenant.email': 'personal', 'Tenant.phone': { class: 'pii', mask: 'last5' }, nonsense: 'pii' },
          arguments: { 'Query.tenants(search:)': 42 },
          mutations: { 'Mutation.refundPayment': 'dangerous' },
          hidden: 'Query.supportIdentity',
          extra: {},
        });
      } catch (error) {
        return error instanceof ClassificationError ? error.problems : [];
      }
      return [];
    })();
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/"Tenant.email" needs a class, one of public, internal, pii, sensitive, secret/);
    expect(problems.join('\n')).toMatch(/"Tenant.phone" has mask "last5"/);
    expect(problems.join('\n')).toMatch(/"nonsense" is not a field: name it "Type.field"/);
    expect(problems.join('\n')).toMatch(/risk "dangerous": use one of routine, risky/);
    expect(problems.join('\n')).toMatch(/"extra" is not a section Warden reads/);
  });

  it('names the file and the variable when the file is missing', () => {
    expect(() => loadClassification('/nonexistent/warden.upstream.json')).toThrow(/there is no such file: point WARDEN_UPSTREAM_CLASSES at/);
  });
});

describe('the upstream schema', () => {
  it('is a clear error when introspection fails, naming the URL and what to set', async () => {
    const failing = loadUpstreamSchema({ url: 'http://127.0.0.1:9/graphql', introspect: () => Promise.reject(new Error('connect ECONNREFUSED')) });
    await expect(failing).rejects.toThrow(UpstreamSchemaUnavailable);
    await expect(failing).rejects.toThrow(/could not read the schema of the upstream http:\/\/127.0.0.1:9\/graphql by introspection .*set WARDEN_UPSTREAM_SDL/);
  });

  it('is a clear error when the SDL file is missing or is no schema', async () => {
    await expect(loadUpstreamSchema({ url: 'u', sdlPath: '/nonexistent.graphql' })).rejects.toThrow(/WARDEN_UPSTREAM_SDL is \/nonexistent.graphql, but there is no such file/);
    await expect(loadUpstreamSchema({ url: 'u', sdlPath: LETTINGS_CLASSES })).rejects.toThrow(/is not a schema Warden can serve/);
  });
});

describe('proxy settings', () => {
  const base = { NODE_ENV: 'test', WARDEN_JWT_SECRET: 'x'.repeat(32) };
  it('are off without WARDEN_UPSTREAM_URL, and its companions alone are refused', () => {
    expect(loadConfig(base).upstream).toBeNull();
    expect(() => loadConfig({ ...base, WARDEN_UPSTREAM_SDL: 'schema.graphql' })).toThrow(/WARDEN_UPSTREAM_SDL is set but WARDEN_UPSTREAM_URL is not/);
  });

  it('refuse headers that are no JSON object, or that set Authorization, without echoing them', () => {
    const url = { ...base, WARDEN_UPSTREAM_URL: 'http://127.0.0.1:4100/graphql' };
    expect(() => loadConfig({ ...url, WARDEN_UPSTREAM_HEADERS: 'x-api-key: s3cr3t' })).toThrow(/must be a JSON object/);
    expect(() => loadConfig({ ...url, WARDEN_UPSTREAM_HEADERS: 'x-api-key: s3cr3t' })).not.toThrow(/s3cr3t/);
    expect(() => loadConfig({ ...url, WARDEN_UPSTREAM_HEADERS: '{"Authorization":"Bearer s3cr3t"}' })).toThrow(/cannot set Authorization/);
    expect(loadConfig({ ...url, WARDEN_UPSTREAM_HEADERS: '{"x-api-key":"k"}' }).upstream).toMatchObject({ headers: { 'x-api-key': 'k' }, issuer: 'warden', audience: url.WARDEN_UPSTREAM_URL });
  });

  it('need a signing key in production', () => {
    const production = { NODE_ENV: 'production', WARDEN_JWT_SECRET: 'y'.repeat(32), WARDEN_AUDIT_CHECKPOINT_KEY: 'z'.repeat(32), WARDEN_UPSTREAM_URL: 'https://api.example.com/graphql' };
    expect(() => loadConfig(production)).toThrow(/Set WARDEN_UPSTREAM_SIGNING_KEY/);
  });
});
