import type { AnyRecord } from '../../../shared/model/records.ts';
import { WorkshopError } from '../../../shared/api/errors.ts';
import { outgoingRecords } from '../../../shared/interviews/outgoing.ts';

/** The records as they may leave the workshop: codes for names, no keys; refused if a name would show. */
export function outgoing(records: readonly AnyRecord[]): AnyRecord[] {
  const checked = outgoingRecords(records);
  if (checked.leaks.length > 0) {
    throw new WorkshopError(
      'invalid-request',
      `Nothing was exported: ${checked.leaks.length === 1 ? 'a real name' : `${checked.leaks.length} real names`} from an interview's private key would still appear in it. Check how the names are written in the key, then export again.`,
    );
  }
  return checked.records;
}
