import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printSchema } from 'graphql';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const EveryUserField = graphql(`
  query EveryUserField {
    account {
      users {
        id
        accountId
        name
        email
        phone
        role
        birthDate
        nationalId
        hasPassword
        mfaRecoveryCodesRemaining
        createdAt
        notificationSettings {
          invoiceEmails
          securityAlerts
          productUpdates
          smsAlerts
          updatedAt
        }
      }
    }
  }
`);

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

describe('password hashes and MFA recovery codes never leave the gateway', () => {
  it('has no field in the schema that could return them', () => {
    const sdl = printSchema(buildDemoSchema().schema).toLowerCase();
    expect(sdl).not.toMatch(/passwordhash|password_hash|recoverycodes\b|recovery_codes/);
  });

  it('returns neither, even to the account owner asking for every user field', async () => {
    const users = await t.demo.selectFrom('users').select(['password_hash', 'mfa_recovery_codes']).where('account_id', '=', 'acc_acme').execute();
    const secrets = users.flatMap((u) => [u.password_hash, ...u.mfa_recovery_codes]);
    expect(secrets.length).toBeGreaterThan(4);

    const { body, text } = await t.execute(EveryUserField, { as: 'customer' });
    expect(body.errors).toBeUndefined();
    expect(body.data?.account?.users?.find((u) => u.id === 'usr_jane')).toMatchObject({ hasPassword: true, mfaRecoveryCodesRemaining: 3 });
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
