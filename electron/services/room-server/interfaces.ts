import type { NetworkInterfaceInfo } from 'node:os';

/** An address the participant server can listen on, as the facilitator picks it. */
export interface RoomInterface {
  /** The OS's name for the adapter: "Wi-Fi", "en0", "wlp2s0". */
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  /** Loopback: only this computer can join (a rehearsal, or a test). */
  internal: boolean;
}

/**
 * The addresses worth offering, from `os.networkInterfaces()` (passed in, so this stays
 * pure and testable): IPv4 first because every phone reaches it, link-local IPv6
 * (needs a zone id no phone types) and wildcard addresses left out, the room's own
 * network before loopback. The first entry is the default the dialog proposes; it is
 * never 0.0.0.0, which would open the room on every network the laptop is on.
 */
export function roomInterfaces(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): RoomInterface[] {
  const found: RoomInterface[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' && info.family !== 'IPv6') continue;
      if (info.address === '0.0.0.0' || info.address === '::') continue;
      if (info.family === 'IPv6' && (info.address.toLowerCase().startsWith('fe80') || info.scopeid)) continue;
      found.push({ name, address: info.address, family: info.family, internal: info.internal });
    }
  }
  const rank = (i: RoomInterface) => (i.internal ? 2 : 0) + (i.family === 'IPv6' ? 1 : 0);
  return found.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Whether `address` is one of the offered ones: the open call binds nothing else. */
export function isOffered(interfaces: readonly RoomInterface[], address: string): boolean {
  return interfaces.some((i) => i.address === address);
}
