import { useEffect, useState } from 'react';

/**
 * The page, from the URL's fragment (`/console/#/approvals`): the gateway serves one file at
 * /console and nothing under it but the built assets, so routes live after the `#`.
 */
export function useHashRoute(): string {
  const [route, setRoute] = useState(routeOf);
  useEffect(() => {
    const onChange = () => setRoute(routeOf());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(route: string): void {
  window.location.hash = `#${route}`;
}

function routeOf(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}
