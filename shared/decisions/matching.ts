/**
 * Pairs records of two versions of a map: by what a copy remembers (or, across two
 * files, by id — a copy of a file keeps its ids), then by name among what is left, so a
 * map rebuilt by hand still lines up. Each record pairs at most once, in order.
 */
export interface Pairing<T> {
  pairs: [T, T][];
  onlyBefore: T[];
  onlyAfter: T[];
}

const sameName = (value: string) => value.trim().toLowerCase();

export function pairUp<T extends { id: string }>(before: readonly T[], after: readonly T[], nameOf: (record: T) => string, linkOf: (afterRecord: T) => string | undefined = (r) => r.id): Pairing<T> {
  const byId = new Map(before.map((record) => [record.id, record]));
  const taken = new Set<string>();
  const matched = new Map<string, T>();
  for (const record of after) {
    const link = linkOf(record);
    const partner = link === undefined ? undefined : byId.get(link);
    if (partner && !taken.has(partner.id)) {
      taken.add(partner.id);
      matched.set(record.id, partner);
    }
  }
  for (const record of after) {
    if (matched.has(record.id)) continue;
    const partner = before.find((candidate) => !taken.has(candidate.id) && sameName(nameOf(candidate)) === sameName(nameOf(record)) && sameName(nameOf(record)) !== '');
    if (partner) {
      taken.add(partner.id);
      matched.set(record.id, partner);
    }
  }
  return {
    pairs: after.filter((r) => matched.has(r.id)).map((r) => [matched.get(r.id)!, r]),
    onlyBefore: before.filter((r) => !taken.has(r.id)),
    onlyAfter: after.filter((r) => !matched.has(r.id)),
  };
}
