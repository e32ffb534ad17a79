import { useId, useState, type FormEvent } from 'react';
import { GatewayUnreachable, runGraphQL } from '../api/graphql-client.js';
import { graphql } from '../gql/index.js';
import type { ConsoleDirectoryQuery } from '../gql/graphql.js';

const Directory = graphql(`
  query ConsoleDirectory($search: String!) {
    directory(search: $search, first: 20) {
      userId
      name
      accountId
      accountName
      plan
    }
  }
`);

export type DirectoryEntry = ConsoleDirectoryQuery['directory'][number];

/** Find a customer by their name or their account's: the directory shows who and where, nothing more. */
export function DirectorySearch(props: { token: string; onChoose: (entry: DirectoryEntry) => void }) {
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<DirectoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await runGraphQL(Directory, { search: search.trim() }, { token: props.token });
      if (result.data) setResults(result.data.directory);
      else setError(result.errors[0]?.message ?? 'The search failed.');
    } catch (failure) {
      setError(failure instanceof GatewayUnreachable ? failure.message : 'The search failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="directory-heading">
      <h2 id="directory-heading">Find the customer</h2>
      <form className="inline-form" onSubmit={(event) => void submit(event)} role="search" noValidate>
        <label htmlFor={inputId}>Customer or account name</label>
        <input
          id={inputId}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <button type="submit" disabled={busy}>
          Search
        </button>
      </form>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {results && results.length === 0 ? <p role="status">No customer matches “{search}”.</p> : null}
      {results && results.length > 0 ? (
        <table className="results">
          <caption className="visually-hidden">Customers matching “{search}”</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Account</th>
              <th scope="col">Plan</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {results.map((entry) => (
              <tr key={entry.userId}>
                <td>{entry.name ?? <span className="muted">name not shown</span>}</td>
                <td>{entry.accountName}</td>
                <td>{entry.plan}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => props.onChoose(entry)}>
                    Start a session as {entry.name ?? entry.userId}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
