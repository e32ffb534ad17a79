import type { Config } from '../config/config.js';

/** What a start should warn about the /metrics settings, or null: they hold together. */
export function metricsEndpointWarning(config: Pick<Config, 'production' | 'metrics'>): string | null {
  const { enabled, token } = config.metrics;
  if (!enabled && token) return 'WARDEN_METRICS=off, so WARDEN_METRICS_TOKEN is unused and /metrics answers 404: unset the token, or turn metrics on.';
  if (config.production && enabled && !token) {
    return 'WARDEN_METRICS=on without WARDEN_METRICS_TOKEN: /metrics answers anyone who can reach the port. Set WARDEN_METRICS_TOKEN (32+ characters) for the scraper, or make sure only it can reach the port.';
  }
  return null;
}
