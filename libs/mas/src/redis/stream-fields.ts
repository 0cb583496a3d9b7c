/** One entry as XRANGE / XREVRANGE / XREADGROUP return it: its id and its `[k, v, k, v]` fields. */
export type StreamEntry = [id: string, fields: string[]];

/** Turns the `[k, v, k, v]` fields of a stream entry into an object (a repeated name: the last one wins). */
export function streamEntryFields(flat: readonly string[] | null | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!flat) return fields;
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]] = flat[i + 1];
  return fields;
}

/** The value of field `name` in the `[k, v, k, v]` fields of a stream entry (the first one), or undefined. */
export function streamEntryField(flat: readonly string[] | null | undefined, name: string): string | undefined {
  if (!flat) return undefined;
  for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i] === name) return flat[i + 1];
  return undefined;
}
