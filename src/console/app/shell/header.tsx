import type { SignedIn } from '../api/sign-in.js';
import { describeRoles, type Page } from './pages.js';

export function Header(props: { signedIn: SignedIn; pages: Page[]; current: Page; onSignOut: () => void }) {
  const { signedIn, pages, current } = props;
  return (
    <header className="site-header">
      <span className="brand">Warden support console</span>
      <nav aria-label="Pages">
        <ul>
          {pages.map((page) => (
            <li key={page.route}>
              <a href={`#${page.route}`} aria-current={page.route === current.route ? 'page' : undefined}>
                {page.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="who">
        <span>
          {signedIn.name} <span className="muted">({describeRoles(signedIn)})</span>
        </span>
        <button type="button" className="secondary" onClick={props.onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
