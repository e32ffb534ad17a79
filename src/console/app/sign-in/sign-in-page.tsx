import { useEffect, useId, useState, type FormEvent } from 'react';
import { devToken, listDevPrincipals, signInWithToken, type DevPrincipal, type SignedIn } from '../api/sign-in.js';
import { describeRoles } from '../shell/pages.js';

/**
 * Development: pick a demo person, and the gateway mints their token. Always: paste a token
 * your identity provider issued (production has no demo people).
 */
export function SignInPage(props: { notice: string | null; onSignedIn: (signedIn: SignedIn) => void }) {
  const [principals, setPrincipals] = useState<DevPrincipal[] | null | undefined>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  const [devError, setDevError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  const tokenId = useId();
  const tokenErrorId = useId();

  useEffect(() => {
    let current = true;
    void listDevPrincipals().then((list) => current && setPrincipals(list));
    return () => {
      current = false;
    };
  }, []);

  const signInAs = async (who: string) => {
    setBusy(who);
    setDevError(null);
    try {
      props.onSignedIn(await signInWithToken(await devToken(who)));
    } catch (error) {
      setDevError(error instanceof Error ? error.message : String(error));
      setBusy(null);
    }
  };

  const submitToken = async (event: FormEvent) => {
    event.preventDefault();
    const token = pasted.trim().replace(/^Bearer\s+/i, '');
    if (!token) return setPasteError('Paste the token first.');
    setBusy('token');
    setPasteError(null);
    try {
      props.onSignedIn(await signInWithToken(token));
    } catch (error) {
      setPasteError(error instanceof Error ? error.message : String(error));
      setBusy(null);
    }
  };

  return (
    <main id="main" className="sign-in">
      <h1>Sign in to the Warden support console</h1>
      {props.notice ? (
        <p className="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {principals ? (
        <section aria-labelledby="demo-heading">
          <h2 id="demo-heading">Demo people (development only)</h2>
          <p>The gateway signs a token for the person you pick. Production offers no such list: sign in with your identity provider's token below.</p>
          <ul className="principals">
            {principals.map((principal) => (
              <li key={principal.who}>
                <button type="button" onClick={() => void signInAs(principal.who)} disabled={busy !== null} aria-describedby={`${tokenId}-${principal.who}`}>
                  {principal.name}
                </button>
                <span id={`${tokenId}-${principal.who}`} className="muted">
                  {describeRoles(principal)}
                </span>
              </li>
            ))}
          </ul>
          {devError ? (
            <p className="field-error" role="alert">
              {devError}
            </p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="token-heading">
        <h2 id="token-heading">Sign in with a token</h2>
        <form onSubmit={(event) => void submitToken(event)} noValidate>
          <label htmlFor={tokenId}>Bearer token from your identity provider</label>
          <textarea
            id={tokenId}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            rows={3}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={pasteError ? true : undefined}
            aria-describedby={pasteError ? tokenErrorId : undefined}
          />
          {pasteError ? (
            <p id={tokenErrorId} className="field-error">
              {pasteError}
            </p>
          ) : null}
          <p className="hint">The token stays in this browser tab only (sessionStorage) and is gone when you close it.</p>
          <button type="submit" disabled={busy !== null}>
            Sign in
          </button>
        </form>
      </section>
    </main>
  );
}
