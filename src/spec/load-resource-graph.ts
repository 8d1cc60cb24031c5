import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResourceGraph } from '../../specs/format/index.ts';
import { SPECS_DIR } from './load-specs.ts';

/** Where `npm run specs` commits the resource graph (`specs/resource-graph.json`, beside `specs/operations/`). */
export const RESOURCE_GRAPH_PATH = join(dirname(SPECS_DIR), 'resource-graph.json');

let committed: ResourceGraph | undefined;

/**
 * The committed resource graph (see {@link ResourceGraph}: which identifiers each operation's request names, which
 * operation makes and removes each), read once per process for the default path.
 * @throws Error naming the file when it is missing or not a graph of version 1.
 */
export function loadResourceGraph(path: string = RESOURCE_GRAPH_PATH): ResourceGraph {
  if (path === RESOURCE_GRAPH_PATH && committed !== undefined) return committed;
  let graph: ResourceGraph;
  try {
    graph = JSON.parse(readFileSync(path, 'utf8')) as ResourceGraph;
  } catch (error) {
    throw new Error(`loadResourceGraph: ${path}: ${(error as Error).message}; run \`npm run specs\``);
  }
  if (graph.graphVersion !== 1 || typeof graph.operations !== 'object')
    throw new Error(`loadResourceGraph: ${path} is not a resource graph (graphVersion 1)`);
  if (path === RESOURCE_GRAPH_PATH) committed = graph;
  return graph;
}
