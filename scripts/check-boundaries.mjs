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
  const moduleViolations = result.output.summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.cycle ? v.cycle.map((step) => step.name).join(' → ') : v.to
  }));
  return [...moduleViolations, ...rendererFolderCycles(result.output.modules)];
}

const rendererFolder = /^src\/renderer\/src\/([^/]+)\//;

/**
 * Feature folders of the renderer that import each other in a cycle, even when no two modules do:
 * a cycle of folders means neither can be read, moved or split without the other. dependency-cruiser's
 * folder rules also count the renderer's root (App.tsx, api.ts) as a folder, which every feature and
 * App.tsx would join in one cycle, so the graph of folders is built here from its modules: one node
 * per folder under src/renderer/src, an edge per import between two of them, and every strongly
 * connected component of more than one folder is a violation, reported with an import of each step.
 * @param {{ source: string, dependencies: { resolved: string }[] }[]} modules
 * @returns {{ rule: string, from: string, to: string }[]}
 */
export function rendererFolderCycles(modules) {
  /** @type {Map<string, Map<string, string>>} folder → (imported folder → one import that makes the edge) */
  const edges = new Map();
  for (const module of modules) {
    const from = rendererFolder.exec(module.source)?.[1];
    if (!from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    for (const dependency of module.dependencies) {
      const to = rendererFolder.exec(dependency.resolved)?.[1];
      if (to && to !== from && !edges.get(from).has(to)) edges.get(from).set(to, `${module.source} imports ${dependency.resolved}`);
    }
  }
  return stronglyConnected(edges)
    .filter((component) => component.length > 1)
    .map((component) => {
      const steps = cycleThrough(component, edges);
      return {
        rule: 'renderer-folders-without-cycles',
        from: `src/renderer/src/${steps[0]}`,
        to: `${[...steps.slice(1), steps[0]].join(' → ')} (${steps.map((folder, i) => edges.get(folder).get(steps[(i + 1) % steps.length])).join('; ')})`
      };
    });
}

/**
 * Tarjan's strongly connected components, each sorted by name, in the order of their first folder.
 * @param {Map<string, Map<string, string>>} edges
 * @returns {string[][]}
 */
function stronglyConnected(edges) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (folder) => {
    index.set(folder, next);
    low.set(folder, next);
    next += 1;
    stack.push(folder);
    onStack.add(folder);
    for (const to of edges.get(folder)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(folder, Math.min(low.get(folder), low.get(to)));
      } else if (onStack.has(to)) {
        low.set(folder, Math.min(low.get(folder), index.get(to)));
      }
    }
    if (low.get(folder) === index.get(folder)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== folder);
      components.push(component.sort());
    }
  };
  for (const folder of [...edges.keys()].sort()) if (!index.has(folder)) visit(folder);
  return components.sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * One cycle inside a strongly connected component, from its first folder back to it (shortest, by
 * breadth-first search), so the report names real imports rather than the whole component at once.
 * @param {string[]} component
 * @param {Map<string, Map<string, string>>} edges
 * @returns {string[]}
 */
function cycleThrough(component, edges) {
  const start = component[0];
  const members = new Set(component);
  const cameFrom = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const folder = queue.shift();
    for (const to of edges.get(folder).keys()) {
      if (!members.has(to)) continue;
      if (to === start) {
        const steps = [folder];
        while (steps[0] !== start) steps.unshift(cameFrom.get(steps[0]));
        return steps;
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, folder);
        queue.push(to);
      }
    }
  }
  throw new Error(`No cycle through ${start}, though it is in a strongly connected component`);
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
