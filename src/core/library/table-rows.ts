/**
 * Rows of the library's tables as plain values, for code that copies rows generically over the
 * schema: the library archive, and the cue deletions kept for undo (cues/cue-deletions.ts).
 */

/** A cell as JSON can hold it: a BLOB as its base64. */
export type Cell = string | number | null | { base64: string };

export function toCell(value: unknown): Cell {
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  return value as Cell;
}

export function fromCell(value: Cell): string | number | null | Buffer {
  return value !== null && typeof value === 'object' ? Buffer.from(value.base64, 'base64') : value;
}

export const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * References that cannot be foreign keys because their target table depends on another column
 * (a tag on a scene, an annotation or a cue). Merge renumbers them like foreign keys, and a cue's
 * deletion takes the tags on what it removes.
 */
export const polymorphicReferences: { table: string; kindColumn: string; idColumn: string; targets: Record<string, string> }[] = [
  {
    table: 'taggings',
    kindColumn: 'target_kind',
    idColumn: 'target_id',
    targets: { scene: 'scenes', annotation: 'annotations', cue: 'cues' }
  }
];
