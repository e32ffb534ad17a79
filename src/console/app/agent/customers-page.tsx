import { useState } from 'react';
import type { SignedIn } from '../api/sign-in.js';
import { AccountView } from './account-view.js';
import { DirectorySearch, type DirectoryEntry } from './directory-search.js';
import { StartSessionForm } from './start-session-form.js';
import type { AgentSessionControls } from './use-agent-session.js';

/** The agent's page: find a customer, start a session, wait for a manager, see the account, end. */
export function CustomersPage(props: { signedIn: SignedIn; controls: AgentSessionControls }) {
  const { signedIn, controls } = props;
  const { session } = controls;
  const [chosen, setChosen] = useState<DirectoryEntry | null>(null);

  return (
    <>
      <h1>Customers</h1>
      {session.kind === 'loading' ? <p role="status">Loading…</p> : null}
      {session.kind === 'none' && !chosen ? <DirectorySearch token={signedIn.token} onChoose={setChosen} /> : null}
      {session.kind === 'none' && chosen ? (
        <StartSessionForm
          token={signedIn.token}
          customer={chosen}
          onCancel={() => setChosen(null)}
          onStarted={(started) => controls.started(started, { userId: chosen.userId, name: chosen.name ?? null, accountName: chosen.accountName })}
        />
      ) : null}
      {session.kind === 'waiting' ? (
        <section aria-labelledby="waiting-heading" className="state-panel">
          <h2 id="waiting-heading">Waiting for a manager's approval</h2>
          <p role="status">
            {session.customer ? `Your session as ${session.customer.name ?? session.customer.userId} (${session.customer.accountName})` : 'Your session'} needs a manager's approval before it opens. This page checks every few seconds and opens the account as soon as it is approved.
          </p>
          {session.problem ? <p className="field-error">{session.problem}</p> : null}
          <button type="button" className="secondary" onClick={() => void controls.end()}>
            Withdraw the request
          </button>
        </section>
      ) : null}
      {session.kind === 'active' ? <AccountView token={signedIn.token} sessionToken={session.token} onBanner={controls.observe} onEnded={controls.ended} /> : null}
      {session.kind === 'orphaned' ? (
        <section aria-labelledby="orphaned-heading" className="state-panel">
          <h2 id="orphaned-heading">A session of yours is open elsewhere</h2>
          <p>Session {session.sessionId} runs, but its token was collected in another tab or browser, and a token is issued once. End it here to start another.</p>
          <button type="button" onClick={() => void controls.end()}>
            End that session
          </button>
        </section>
      ) : null}
      {session.kind === 'ended' ? (
        <section aria-labelledby="ended-heading" className="state-panel ended">
          <h2 id="ended-heading">Session ended</h2>
          <p role="status">{session.message}</p>
          <button
            type="button"
            onClick={() => {
              setChosen(null);
              controls.dismiss();
            }}
          >
            Find a customer
          </button>
        </section>
      ) : null}
    </>
  );
}
