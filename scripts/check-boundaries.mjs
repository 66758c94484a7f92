// Runs the import rules of .dependency-cruiser.cjs over src (part of `npm run lint`).
// It calls dependency-cruiser's API rather than its CLI: the CLI refuses to start on Node 20, which
// this project still supports, and the API does the same work.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const projectRoot = resolve(import.meta.dirname, '..');

/**
 * The rule violations under `baseDir` (which holds a `src` folder laid out like the project's).
 * @param {string} [baseDir]
 * @returns {Promise<{ rule: string, from: string, to: string }[]>}
 */
export async function boundaryViolations(baseDir = projectRoot) {
  const ruleSet = await extractDepcruiseConfig(resolve(projectRoot, '.dependency-cruiser.cjs'));
  const result = await cruise(['src'], { ...ruleSet.options, baseDir, validate: true, ruleSet }, undefined, {
    tsConfig: extractTSConfig(resolve(projectRoot, 'tsconfig.node.json'))
  });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, not a report');
  return result.output.summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.cycle ? v.cycle.map((step) => step.name).join(' → ') : v.to
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const violations = await boundaryViolations();
  for (const v of violations) console.error(`${v.rule}: ${v.from} → ${v.to}`);
  if (violations.length > 0) {
    console.error(`${violations.length} import rule(s) broken; see .dependency-cruiser.cjs.`);
    process.exit(1);
  }
  console.log('Import boundaries hold: no forbidden imports, no cycles.');
}
