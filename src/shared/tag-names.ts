/**
 * Tag names as both sides read them: the library keeps tags unique by `tagKey`, and the renderer
 * uses the same rules to tell an existing tag from a new one, to complete what is typed and to
 * nest the tag panel.
 */
import { ReelnotesError } from './errors';

/**
 * Tidies a tag name as typed: Unicode NFC, each '/'-separated part trimmed and its inner spaces
 * collapsed. `key` is what makes names unique whatever their case.
 */
export function normaliseTagName(raw: string): { name: string; key: string } {
  const parts = raw
    .normalize('NFC')
    .split('/')
    .map((part) => part.trim().replace(/\s+/g, ' '));
  if (parts.some((part) => part === '')) {
    throw new ReelnotesError('INVALID_INPUT', `"${raw.slice(0, 80)}" is not a tag name: each part between slashes needs a word.`);
  }
  const name = parts.join('/');
  return { name, key: tagKey(name) };
}

export function tagKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** The key of a name as typed, or undefined while it is not yet a name (`music/`). */
function typedKey(typed: string): string | undefined {
  try {
    return normaliseTagName(typed).key;
  } catch {
    return undefined;
  }
}

/** Case and accents set aside, for finding: `emotion` finds `Émotion`. */
export function foldForFinding(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The person's own alphabet: `émotion` sorts beside `emotion`, not after `z`. */
export const tagCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export interface TagCompletion<T> {
  /** The tag the typed name already is (same key), or, failing that, the one it is but for accents. */
  first: T | undefined;
  /** Whether the typed name is a tag still to be created (no tag has its key). */
  creates: boolean;
  /** The other tags holding the typed text, in the person's alphabetical order. */
  others: T[];
}

/**
 * What to offer for a typed tag name. The name itself comes first, as an existing tag or as one to
 * create, so Enter never attaches `music/leitmotif` to a person who typed `music`.
 */
export function completeTagName<T extends { id: number; name: string }>(typed: string, tags: readonly T[]): TagCompletion<T> {
  const key = typedKey(typed);
  const folded = foldForFinding(typed.trim());
  if (!folded) return { first: undefined, creates: false, others: [] };
  const exact = key === undefined ? undefined : tags.find((t) => tagKey(t.name) === key);
  const first = exact ?? tags.find((t) => foldForFinding(t.name) === folded);
  const others = tags
    .filter((t) => t !== first && foldForFinding(t.name).includes(folded))
    .sort((a, b) => tagCollator.compare(a.name, b.name));
  return { first, creates: key !== undefined && exact === undefined, others };
}

export interface TagTreeRow<T> {
  /** The name up to this row: `music/leitmotif`. */
  path: string;
  /** The last part of the name, which the row shows. */
  leaf: string;
  depth: number;
  /** null for a parent no tag has been made for (`music` above `music/leitmotif`). */
  tag: T | null;
  hasChildren: boolean;
}

interface Branch<T> {
  path: string;
  leaf: string;
  tag: T | null;
  children: Map<string, Branch<T>>;
}

/**
 * The tags as the panel nests them: each under its own parent, in the person's alphabetical order
 * at every level. A parent that is not a tag itself still gets its row, so `music/leitmotif` never
 * appears to belong to whatever tag happens to sort before it.
 */
export function tagTree<T extends { name: string }>(tags: readonly T[]): TagTreeRow<T>[] {
  const root: Branch<T> = { path: '', leaf: '', tag: null, children: new Map() };
  for (const tag of tags) {
    const parts = tag.name.split('/');
    let branch = root;
    parts.forEach((leaf, i) => {
      const path = parts.slice(0, i + 1).join('/');
      const key = tagKey(path);
      let next = branch.children.get(key);
      if (!next) {
        next = { path, leaf, tag: null, children: new Map() };
        branch.children.set(key, next);
      }
      branch = next;
    });
    branch.tag = tag;
    // The tag's own spelling names the row, not a child's spelling of its parent.
    branch.path = tag.name;
    branch.leaf = parts[parts.length - 1] ?? tag.name;
  }
  const rows: TagTreeRow<T>[] = [];
  const walk = (branch: Branch<T>, depth: number) => {
    const children = [...branch.children.values()].sort((a, b) => tagCollator.compare(a.leaf, b.leaf));
    for (const child of children) {
      rows.push({ path: child.path, leaf: child.leaf, depth, tag: child.tag, hasChildren: child.children.size > 0 });
      walk(child, depth + 1);
    }
  };
  walk(root, 0);
  return rows;
}
