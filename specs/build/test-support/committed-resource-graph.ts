import { readFileSync } from 'node:fs';
import type { ResourceGraph } from '../../format/index.ts';
import { DEFAULT_OUT_DIR } from '../default-paths.ts';
import { resourceGraphPath } from '../resource-graph.ts';

/** `specs/resource-graph.json`, where `npm run specs` commits the resource graph. */
export const RESOURCE_GRAPH_PATH = resourceGraphPath(DEFAULT_OUT_DIR);

/** The committed graph's text, read when called. */
export function committedResourceGraphText(): string {
  return readFileSync(RESOURCE_GRAPH_PATH, 'utf8');
}

/** The committed graph, read when called. */
export function committedResourceGraph(): ResourceGraph {
  return JSON.parse(committedResourceGraphText()) as ResourceGraph;
}
