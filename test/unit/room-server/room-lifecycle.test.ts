import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiService } from '../../../electron/services/api-service.ts';
import type { OpenedWorkshop, RoomStatus } from '../../../shared/api/contract.ts';
import { phone } from '../../support/room-fixtures.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

/**
 * The room is never open unless the facilitator opened it, and it ends with the
 * workshop and with the app: the participant server stops listening each time.
 */
async function serviceWithWorkshop() {
  const folder = tempFolder('jb-room-life-');
  const service = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'test' });
  const call = async <T>(name: string, input: unknown = {}) => {
    const result = await service.call(name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  await call<OpenedWorkshop>('workshop-create', { path: join(folder, 'life.journey'), name: 'Life', replaceExisting: false, template: 'blank' });
  return { service, call };
}

const openOnLoopback = async (call: <T>(name: string, input?: unknown) => Promise<T>) => {
  const status = await call<RoomStatus>('room-open', { address: '127.0.0.1', port: 0, input: null });
  if (!status.open) throw new Error('not open');
  return status;
};

describe('when the room is open', () => {
  it('is closed until the facilitator opens it, and refuses an address this computer does not have', async () => {
    const { service, call } = await serviceWithWorkshop();
    expect(await call('room-status')).toEqual({ open: false });
    await expect(call('room-open', { address: '203.0.113.7', input: null })).rejects.toThrow(/not an address of this computer/);
    expect(await call('room-status')).toEqual({ open: false });
    service.close();
  });

  it('stops when the workshop closes', async () => {
    const { service, call } = await serviceWithWorkshop();
    const status = await openOnLoopback(call);
    const sam = phone(status.url);
    expect((await sam.join(status.code, 'Sam')).status).toBe(200);
    await call('workshop-close');
    await new Promise((r) => setTimeout(r, 300));
    await expect(sam.state()).rejects.toThrow();
    expect(await call('room-status')).toEqual({ open: false });
    service.close();
  });

  it('stops when the app closes', async () => {
    const { service, call } = await serviceWithWorkshop();
    const status = await openOnLoopback(call);
    const sam = phone(status.url);
    expect((await sam.join(status.code, 'Sam')).status).toBe(200);
    service.close();
    await new Promise((r) => setTimeout(r, 300));
    await expect(sam.state()).rejects.toThrow();
  });

  it('gets a new code each time it opens', async () => {
    const { service, call } = await serviceWithWorkshop();
    const first = await openOnLoopback(call);
    await call('room-close');
    const second = await openOnLoopback(call);
    expect(second.code).not.toBe(first.code);
    await call('room-close');
    service.close();
  });
});
