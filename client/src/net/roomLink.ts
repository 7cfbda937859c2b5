/**
 * Which address the join link (and its QR code) uses. The teacher usually opens the console at
 * http://localhost:2567 on the machine running the server; that address means "this laptop" on
 * every student's laptop too, so the link must use the machine's network address instead
 * (GET /api/room-address). Pure: the page's location and the server's answer in, addresses out.
 */
import type { RoomAddressInfo } from '@peace-table/shared/protocol';

export interface StudentBase {
  /** The page address students open, ending with "/". */
  url: string;
  /** What it is, to tell several apart: the network interface, the page's host, or PUBLIC_URL. */
  name: string;
}

/** localhost, 127.x.x.x, ::1 and *.localhost only ever reach the machine they are typed on. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface StudentBases {
  bases: StudentBase[];
  /** False when no address other students can reach is known (the link then says "this computer"). */
  reachable: boolean;
}

/**
 * The addresses for the join link, best first: PUBLIC_URL when set; the page's own address when
 * the teacher opened it on a network address or a name; else the machine's network addresses;
 * and the page's own address (unreachable for others) only when there is nothing better.
 */
export function studentBases(page: { origin: string; hostname: string }, info: RoomAddressInfo | null): StudentBases {
  const own = { url: `${page.origin.replace(/\/+$/, '')}/`, name: page.hostname };
  if (info?.publicUrl) return { bases: [{ url: info.publicUrl, name: 'PUBLIC_URL' }], reachable: true };
  const network = info?.addresses ?? [];
  if (!isLoopbackHost(page.hostname)) {
    return { bases: [own, ...network.filter((a) => a.url !== own.url)], reachable: true };
  }
  if (network.length > 0) return { bases: network, reachable: true };
  return { bases: [own], reachable: false };
}
