import { useEffect, useState } from 'react';
import type { ImpersonationInfo } from '../api/graphql-client.js';

/** `mm:ss`, or `h:mm:ss` past an hour; never below zero. */
export function formatRemaining(milliseconds: number): string {
  const total = Math.max(0, Math.ceil(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * Who is acting as whom, in which mode, and how long is left, from the gateway's own
 * `extensions.impersonation`: the hard limit and the idle timeout count down, and the session
 * shows as ended the moment either runs out.
 */
export function SessionBanner(props: { info: ImpersonationInfo; onEnd: () => void; onRanOut: (message: string) => void }) {
  const { info, onRanOut } = props;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const hard = Date.parse(info.expiresAt) - now;
  const idle = Date.parse(info.idleExpiresAt) - now;
  useEffect(() => {
    if (hard <= 0) onRanOut('The session reached its time limit and has ended.');
    else if (idle <= 0) onRanOut('The session was idle too long and has ended.');
    // Once, when a clock runs out, not on every tick.
  }, [hard <= 0, idle <= 0]);

  const customer = info.user.name ?? `customer ${info.user.id}`;
  const account = info.account.name ?? `account ${info.account.id}`;
  return (
    <section className={`session-banner ${info.mode}`} aria-label="Impersonation session">
      <p className="banner-line">
        <strong>{info.agent.name}</strong> is viewing as <strong>{customer}</strong> ({account}) · <span className="mode">{info.mode === 'read_only' ? 'read-only' : 'read-write'}</span>
      </p>
      <p className="countdowns">
        <span>
          Ends in <time dateTime={info.expiresAt}>{formatRemaining(hard)}</time>
        </span>
        <span>
          Idle timeout in <time dateTime={info.idleExpiresAt}>{formatRemaining(idle)}</time>
        </span>
      </p>
      <button type="button" onClick={props.onEnd}>
        End session
      </button>
    </section>
  );
}
