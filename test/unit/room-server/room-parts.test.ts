import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { isOffered, roomInterfaces } from '../../../electron/services/room-server/interfaces.ts';
import { joinQr } from '../../../electron/services/room-server/join-qr.ts';
import { newJoinCode } from '../../../electron/services/room-server/room.ts';
import { TokenBucket } from '../../../electron/services/room-server/rate-limit.ts';
import { derivedId } from '../../../electron/services/room-server/participant-commands.ts';

describe('the room’s parts', () => {
  it('offers the room’s network first, loopback last, and never a wildcard or link-local address', () => {
    const offered = roomInterfaces({
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
      wlp2s0: [
        { address: '192.168.1.23', netmask: '255.255.255.0', family: 'IPv4', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: '192.168.1.23/24' },
        { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: 'fe80::1/64', scopeid: 3 },
        { address: 'fd00::23', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: 'fd00::23/64', scopeid: 0 },
      ],
      weird: [{ address: '0.0.0.0', netmask: '0.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: '0.0.0.0/0' }],
    });
    expect(offered.map((i) => i.address)).toEqual(['192.168.1.23', 'fd00::23', '127.0.0.1']);
    expect(isOffered(offered, '0.0.0.0')).toBe(false);
    expect(isOffered(offered, '10.0.0.1')).toBe(false);
  });

  it('draws the QR of the join URL, module for module', () => {
    const url = 'http://192.168.1.23:8420/#code=K7P3QX';
    const qr = joinQr(url);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(qr.size).toBe(modules.size);
    // Paint the runs back into a grid: it is the encoder's matrix exactly.
    const grid = Array.from({ length: qr.size }, () => Array<boolean>(qr.size).fill(false));
    for (const [, x, y, w] of qr.path.matchAll(/M(\d+) (\d+)h(\d+)/g)) for (let i = 0; i < Number(w); i++) grid[Number(y)]![Number(x) + i] = true;
    for (let y = 0; y < qr.size; y++) for (let x = 0; x < qr.size; x++) expect(grid[y]![x], `${x},${y}`).toBe(Boolean(modules.get(y, x)));
  });

  it('makes join codes a projector shows without doubt, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newJoinCode()));
    expect(codes.size).toBeGreaterThan(195);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
  });

  it('lets a burst through, then the steady rate', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 500;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
  });

  it('derives the same record id from the same participant’s same command, and only from it', () => {
    expect(derivedId('card', 'participant:a', 'cmd-1')).toBe(derivedId('card', 'participant:a', 'cmd-1'));
    expect(derivedId('card', 'participant:a', 'cmd-1')).not.toBe(derivedId('card', 'participant:b', 'cmd-1'));
    expect(derivedId('card', 'participant:a', 'cmd-1')).toMatch(/^card:[0-9a-f]{24}$/);
  });
});
