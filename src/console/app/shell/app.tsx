import { useCallback, useState } from 'react';
import { forgetAll, loadSignedIn, saveSignedIn, type SignedIn } from '../api/sign-in.js';
import { CustomersPage } from '../agent/customers-page.js';
import { SessionBanner } from '../agent/session-banner.js';
import { useAgentSession } from '../agent/use-agent-session.js';
import { AuditPage } from '../auditor/audit-page.js';
import { AccessHistoryPage } from '../customer/access-history-page.js';
import { ApprovalsPage } from '../manager/approvals-page.js';
import { PolicyPage } from '../security/policy-page.js';
import { SignInPage } from '../sign-in/sign-in-page.js';
import { Header } from './header.js';
import { ACCESS_PAGE, ACCOUNT_PAGE, APPROVALS_PAGE, AUDIT_PAGE, CUSTOMERS_PAGE, POLICY_PAGE, describeRoles, pagesFor } from './pages.js';
import { navigate, useHashRoute } from './use-hash-route.js';

export function App() {
  const [signedIn, setSignedIn] = useState<SignedIn | null>(loadSignedIn);
  const [notice, setNotice] = useState<string | null>(null);
  const route = useHashRoute();
  const isAgent = signedIn !== null && pagesFor(signedIn).includes(CUSTOMERS_PAGE);
  const controls = useAgentSession(isAgent ? signedIn : null);

  const signOut = useCallback((message: string | null) => {
    forgetAll();
    setSignedIn(null);
    setNotice(message);
    navigate('/');
  }, []);

  if (!signedIn) {
    return (
      <SignInPage
        notice={notice}
        onSignedIn={(next) => {
          saveSignedIn(next);
          setNotice(null);
          setSignedIn(next);
          navigate(pagesFor(next)[0]?.route ?? '/');
        }}
      />
    );
  }

  const pages = pagesFor(signedIn);
  const current = pages.find((page) => page.route === route) ?? pages[0] ?? CUSTOMERS_PAGE;
  return (
    <>
      <Header signedIn={signedIn} pages={pages} current={current} onSignOut={() => signOut('You signed out; this tab keeps no token.')} />
      {controls.session.kind === 'active' && controls.banner ? <SessionBanner info={controls.banner} onEnd={() => void controls.end()} onRanOut={controls.ended} /> : null}
      <main id="main">
        {current === CUSTOMERS_PAGE ? <CustomersPage signedIn={signedIn} controls={controls} /> : null}
        {current === APPROVALS_PAGE ? <ApprovalsPage signedIn={signedIn} /> : null}
        {current === POLICY_PAGE ? <PolicyPage signedIn={signedIn} /> : null}
        {current === AUDIT_PAGE ? <AuditPage signedIn={signedIn} /> : null}
        {current === ACCESS_PAGE ? <AccessHistoryPage signedIn={signedIn} /> : null}
        {current === ACCOUNT_PAGE ? (
          <>
            <h1>Signed in</h1>
            <p>
              You are signed in as {signedIn.name} ({describeRoles(signedIn)}). No page of the console is for your roles; the gateway at{' '}
              <code>/graphql</code> answers your token as usual.
            </p>
          </>
        ) : null}
      </main>
    </>
  );
}
