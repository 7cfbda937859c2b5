/**
 * Which network a request comes from, for the per-address limits (throttle.ts).
 *
 * Without a proxy it is the connection's own address. Behind proxies (TRUST_PROXY=n) it is the
 * address the n-th proxy from the server saw, read from X-Forwarded-For: earlier entries are
 * whatever the client wrote there and are never believed. IPv4 addresses count one by one; IPv6
 * addresses by their /64 network, since one household or attacker gets a whole /64.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** Group an address into the unit the limits count: an IPv4 address, an IPv6 /64, or the text as is. */
export function addressKey(raw: string): string {
  const address = raw.trim().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address || 'unknown';
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The client's address: the socket's, or with `trustProxy` proxies in front, the entry of
 * X-Forwarded-For that the outermost trusted proxy wrote.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: number,
): string {
  const socket = socketAddress ?? 'unknown';
  if (trustProxy <= 0) return addressKey(socket);
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [
    ...header
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    socket,
  ];
  const index = Math.max(0, chain.length - 1 - trustProxy);
  return addressKey(chain[index] ?? socket);
}
