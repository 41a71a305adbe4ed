/**
 * `TRUSTED_PROXIES`: the reverse proxies in front of a service (an ingress controller, the agency's sign-in proxy),
 * as a comma-separated list of addresses, CIDR ranges or Express's names (`loopback`, `linklocal`, `uniquelocal`).
 * Behind one, the socket's address is the proxy's: without this every client would share one per-address rate limit
 * and the audit trail would name the proxy. With it, the client address is the nearest one in `X-Forwarded-For` that
 * is not a trusted proxy — a client cannot forge it past them. Unset: the socket's address, as before.
 */
export const TRUSTED_PROXIES_FORMAT =
  /^\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?))*\s*$/;

export function trustedProxies(value: string | undefined): string[] | undefined {
  const list = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return list.length > 0 ? list : undefined;
}

/** Sets Express's `trust proxy` from TRUSTED_PROXIES; a malformed address stops the start (Express refuses it). */
export function trustProxies(express: { set(setting: string, value: unknown): unknown }, value: string | undefined) {
  const list = trustedProxies(value);
  if (list) express.set('trust proxy', list);
}
