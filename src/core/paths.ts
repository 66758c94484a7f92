import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the shipped resources live. In a build run from the repository (`out/main`), that is the
 * repository's resources folder; an installed app carries them in its resources folder.
 */
export function resourcesDir(fromDir: string, packagedResources?: string): string {
  const candidates = [packagedResources && join(packagedResources, 'resources'), join(fromDir, '..', '..', 'resources')];
  const found = candidates.find((dir): dir is string => Boolean(dir) && existsSync(join(dir as string, 'films')));
  if (!found) throw new Error(`Reelnotes cannot find its resources folder (looked in ${candidates.filter(Boolean).join(', ')}).`);
  return found;
}
