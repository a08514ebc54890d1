import type { z } from 'zod';
import type { RecordType } from './ids.ts';

/**
 * One definition per record type (after tldraw's `createRecordType`): everything the
 * app needs to know about a type, in one place. The type list and its order, the
 * change validator, the file's table mapping, what a delete takes with it and what a
 * future state copies are all derived from these, so adding a type is one definition
 * (next to its schema) and one migration.
 */
export interface RecordDefinition<T extends string = string> {
  type: T;
  /** What a valid record is, field by field, with messages a person can read. */
  schema: z.ZodObject;
  /** Its table in the `.journey` file. */
  table: string;
  /** Record field → column (quoted where the name is an SQL keyword), `id` first. */
  columns: Readonly<Record<string, string>>;
  /** Fields stored as 0/1 integers. */
  booleans?: readonly string[];
  /**
   * Fields that hold a parent's id, and the parent's type. A record goes with any of
   * its parents when that is deleted, and is inserted after them.
   */
  parents: Readonly<Record<string, RecordType>>;
  /**
   * Fields that may hold another record's id (or null) without belonging to it: the
   * journey's persona. A future state points them at the copy when there is one.
   */
  references?: Readonly<Record<string, RecordType>>;
  /** Copied (with new ids) when a future state is derived from its journey. */
  inFutureState?: boolean;
}

const definitions = new Map<string, RecordDefinition>();
/** Parents before children: inserts run in this order and deletes in reverse. */
const order: string[] = [];

/** Adds a type to the registry; its parents must be defined before it. */
export function defineRecord<const T extends string>(definition: RecordDefinition<T>): RecordDefinition<T> {
  if (definitions.has(definition.type)) throw new Error(`The record type ${definition.type} is defined twice`);
  for (const [field, parent] of Object.entries(definition.parents)) {
    if (parent !== definition.type && !definitions.has(parent)) throw new Error(`${definition.type}.${field} names ${parent}, which is not defined before it`);
  }
  if (Object.keys(definition.columns)[0] !== 'id') throw new Error(`${definition.type}'s first column must be its id`);
  definitions.set(definition.type, definition);
  order.push(definition.type);
  childLinks.clear();
  return definition;
}

export function definitionOf(type: string): RecordDefinition | undefined {
  return definitions.get(type);
}

/** Every defined type, parents before children. A live view: it grows as types are defined. */
export const RECORD_TYPE_ORDER: readonly RecordType[] = order as RecordType[];

export function recordDefinitions(): RecordDefinition[] {
  return order.map((type) => definitions.get(type)!);
}

const childLinks = new Map<string, readonly { type: string; field: string }[]>();

/** For a type, the (child type, field) pairs that point at it: what a delete follows. */
export function childLinksOf(type: string): readonly { type: string; field: string }[] {
  let links = childLinks.get(type);
  if (!links) {
    links = recordDefinitions().flatMap((definition) =>
      Object.entries(definition.parents)
        .filter(([, parent]) => parent === type)
        .map(([field]) => ({ type: definition.type, field })),
    );
    childLinks.set(type, links);
  }
  return links;
}
