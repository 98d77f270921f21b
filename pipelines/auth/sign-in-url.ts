import type { Config } from '../config.ts';

/**
 * The dashboard's sign-in link for a token (like Jupyter's `?token=` URL). It names the address
 * the server listens on; a wildcard address is shown as 127.0.0.1 so the link opens locally.
 */
export function signInUrl(config: Pick<Config, 'host' | 'port'>, token: string): string {
  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  const host = wildcard
    ? '127.0.0.1'
    : config.host.includes(':')
      ? `[${config.host}]`
      : config.host;
  return `http://${host}:${config.port}/auth/signin?token=${encodeURIComponent(token)}`;
}
