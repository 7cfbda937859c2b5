/**
 * The addresses students can open: every IPv4 address of this machine that is not loopback, with
 * the port, or the PUBLIC_URL when the server sits behind a proxy. `npm start` prints them, and the
 * console shows the join link (and its QR code) on one of them, because the teacher usually opens
 * the console on http://localhost, which no student's laptop can reach.
 */
import os from 'node:os';
import type { RoomAddress, RoomAddressInfo } from '@peace-table/shared/protocol';

type Interfaces = ReturnType<typeof os.networkInterfaces>;

/**
 * Interfaces of virtual machines, containers and VPNs: listed after the real network, since the
 * students' laptops are on the Wi-Fi or the cable, not inside this computer.
 */
const VIRTUAL =
  /^(docker|br-|veth|virbr|vmnet|vboxnet|vethernet|tun|tap|wg|utun|zt|tailscale|lxc|lxd|cni|flannel|podman)/i;

export function networkAddresses(port: number, interfaces: Interfaces = os.networkInterfaces()): RoomAddress[] {
  const found: RoomAddress[] = [];
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      // Node reports the family as 'IPv4' (or 4 on some 18.x releases).
      const v4 = entry.family === 'IPv4' || (entry.family as unknown) === 4;
      // Link-local 169.254.x.x means the network gave this machine no address: nobody reaches it there.
      if (!v4 || entry.internal || entry.address.startsWith('127.') || entry.address.startsWith('169.254.')) continue;
      found.push({ url: `http://${entry.address}:${port}/`, name });
    }
  }
  const rank = (a: RoomAddress) => (VIRTUAL.test(a.name) ? 1 : 0);
  return found.sort((a, b) => rank(a) - rank(b));
}

export function roomAddressInfo(port: number, publicUrl: string | undefined, interfaces?: Interfaces): RoomAddressInfo {
  // Behind a proxy only the public address works for students; the machine's own would mislead.
  if (publicUrl) return { publicUrl, addresses: [] };
  return { publicUrl: null, addresses: networkAddresses(port, interfaces) };
}

/** The lines `npm start` prints once the server listens. */
export function startupBanner(port: number, info: RoomAddressInfo): string {
  const local = `http://localhost:${port}/`;
  const lines = ['Peace Table is running.', `  On this computer:   ${local}`];
  if (info.publicUrl) {
    lines.push(`  Students open:      ${info.publicUrl}  (PUBLIC_URL)`);
  } else if (info.addresses.length > 0) {
    const width = Math.max(...info.addresses.map((a) => a.url.length));
    info.addresses.forEach((a, i) => {
      lines.push(`  ${i === 0 ? 'Students open:     ' : '                   '} ${a.url.padEnd(width)}  (${a.name})`);
    });
  } else {
    lines.push(
      '  Students:           this computer has no network address yet. Connect it to the classroom',
      "                      network (Wi-Fi or cable); the console then shows the students' link.",
    );
  }
  // Behind a proxy the server is elsewhere: the projector goes through the public address as well.
  const projector = info.publicUrl ?? local;
  lines.push(`  Projector:          ${projector}?watch  (or "Open the projector view" on the console)`);
  return `${lines.join('\n')}\n`;
}
