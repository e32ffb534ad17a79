import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { errorWithCode, GatewayUnreachable, runGraphQL, type GraphQLErrorShape, type ImpersonationInfo } from '../api/graphql-client.js';
import { graphql } from '../gql/index.js';
import type { ConsoleCustomerAccountQuery } from '../gql/graphql.js';
import { errorsByPath, ShownValue } from './shown-value.js';

const CustomerAccount = graphql(`
  query ConsoleCustomerAccount {
    me {
      id
      name
      email
      phone
      role
      birthDate
      nationalId
    }
    account {
      id
      name
      plan
      planStatus
      region
      supportAccess
      billingContact {
        name
        email
        phone
        address
      }
      users {
        id
        name
        email
        phone
        role
        birthDate
      }
      paymentMethods {
        id
        brand
        cardNumber
        expMonth
        expYear
        isDefault
        billingAddress
      }
      invoices(first: 10) {
        id
        number
        amountCents
        currency
        taxRate
        status
        issuedOn
      }
      apiTokens {
        id
        name
        secret
        state
      }
      privateNotes {
        id
        body
      }
    }
  }
`);

type Data = ConsoleCustomerAccountQuery;

/**
 * The customer's account as the customer sees it, through the session: masked values carry a
 * "masked" badge, denied ones say they were withheld. Each load is a request in the session (and
 * in the audit trail), and keeps it from idling.
 */
export function AccountView(props: { token: string; sessionToken: string; onBanner: (info: ImpersonationInfo | null) => void; onEnded: (message: string) => void }) {
  const { token, sessionToken, onBanner, onEnded } = props;
  const [data, setData] = useState<Data | null>(null);
  const [errors, setErrors] = useState<Map<string, GraphQLErrorShape>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setBusy(true);
    try {
      const result = await runGraphQL(CustomerAccount, {}, { token, impersonationToken: sessionToken });
      const ended = errorWithCode(result.errors, 'SESSION_EXPIRED', 'UNAUTHENTICATED');
      if (ended) return onEnded(ended.message);
      onBanner(result.impersonation);
      setData(result.data);
      setErrors(errorsByPath(result.errors));
      setProblem(result.data ? null : (result.errors[0]?.message ?? 'The account could not be loaded.'));
    } catch (failure) {
      setProblem(failure instanceof GatewayUnreachable ? failure.message : 'The account could not be loaded.');
    } finally {
      setBusy(false);
    }
  }, [token, sessionToken, onBanner, onEnded]);

  useEffect(() => {
    void load();
  }, [load]);

  const account = data?.account;
  const me = data?.me;
  const v = (value: unknown, path: string) => <ShownValue value={value} path={path} errors={errors} />;

  return (
    <section aria-labelledby="account-heading" aria-busy={busy}>
      <div className="section-head">
        <h2 id="account-heading">The customer's account, as they see it</h2>
        <button type="button" className="secondary" onClick={() => void load()} disabled={busy}>
          Refresh
        </button>
      </div>
      {problem ? <p className="field-error">{problem}</p> : null}
      {me ? (
        <Panel title="The customer">
          <Facts
            rows={[
              ['Name', v(me.name, 'me.name')],
              ['Email', v(me.email, 'me.email')],
              ['Phone', v(me.phone, 'me.phone')],
              ['Role', v(me.role, 'me.role')],
              ['Birth date', v(me.birthDate, 'me.birthDate')],
              ['National ID', v(me.nationalId, 'me.nationalId')],
            ]}
          />
        </Panel>
      ) : null}
      {account ? (
        <>
          <Panel title="Account">
            <Facts
              rows={[
                ['Name', v(account.name, 'account.name')],
                ['Plan', <>{v(account.plan, 'account.plan')} ({v(account.planStatus, 'account.planStatus')})</>],
                ['Region', v(account.region, 'account.region')],
                ['Support access', v(account.supportAccess, 'account.supportAccess')],
                ['Billing contact', account.billingContact ? <>{v(account.billingContact.name, 'account.billingContact.name')}, {v(account.billingContact.email, 'account.billingContact.email')}, {v(account.billingContact.phone, 'account.billingContact.phone')}</> : v(null, 'account.billingContact')],
              ]}
            />
          </Panel>
          <Panel title="People">
            <Table
              head={['Name', 'Email', 'Phone', 'Role', 'Birth date']}
              rows={account.users.map((user, i) => [user.id, [v(user.name, `account.users.${i}.name`), v(user.email, `account.users.${i}.email`), v(user.phone, `account.users.${i}.phone`), v(user.role, `account.users.${i}.role`), v(user.birthDate, `account.users.${i}.birthDate`)]])}
            />
          </Panel>
          <Panel title="Payment methods">
            <Table
              head={['Card', 'Number', 'Expires', 'Billing address', 'Default']}
              rows={account.paymentMethods.map((card, i) => [
                card.id,
                [v(card.brand, `account.paymentMethods.${i}.brand`), v(card.cardNumber, `account.paymentMethods.${i}.cardNumber`), <>{v(card.expMonth, `account.paymentMethods.${i}.expMonth`)}/{v(card.expYear, `account.paymentMethods.${i}.expYear`)}</>, v(card.billingAddress, `account.paymentMethods.${i}.billingAddress`), v(card.isDefault, `account.paymentMethods.${i}.isDefault`)],
              ])}
            />
          </Panel>
          <Panel title="Invoices (newest 10)">
            <Table
              head={['Number', 'Issued', 'Amount', 'Tax rate', 'Status']}
              rows={account.invoices.map((invoice, i) => [
                invoice.id,
                [v(invoice.number, `account.invoices.${i}.number`), v(invoice.issuedOn, `account.invoices.${i}.issuedOn`), `${invoice.currency} ${(invoice.amountCents / 100).toFixed(2)}`, `${invoice.taxRate}%`, v(invoice.status, `account.invoices.${i}.status`)],
              ])}
            />
          </Panel>
          <Panel title="API tokens">
            <Table head={['Name', 'Token', 'State']} rows={account.apiTokens.map((apiToken, i) => [apiToken.id, [v(apiToken.name, `account.apiTokens.${i}.name`), v(apiToken.secret, `account.apiTokens.${i}.secret`), v(apiToken.state, `account.apiTokens.${i}.state`)]])} />
          </Panel>
          <Panel title="Private notes">
            <Table head={['Note']} rows={account.privateNotes.map((note, i) => [note.id, [v(note.body, `account.privateNotes.${i}.body`)]])} />
          </Panel>
        </>
      ) : null}
    </section>
  );
}

function Panel(props: { title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.children}
    </section>
  );
}

function Facts(props: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="facts">
      {props.rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Table(props: { head: string[]; rows: Array<[string, ReactNode[]]> }) {
  if (props.rows.length === 0) return <p className="muted">None.</p>;
  return (
    <table>
      <thead>
        <tr>
          {props.head.map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map(([key, cells]) => (
          <tr key={key}>
            {cells.map((cell, i) => (
              <td key={props.head[i]}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
