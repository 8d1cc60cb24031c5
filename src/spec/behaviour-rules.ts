import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SPECS_DIR } from './load-specs.ts';

/**
 * Where the behaviour rules are committed: `specs/behaviour-rules.json`, beside `specs/operations/`. Unlike the
 * operation specs, the catalogue is written by hand: which behaviour a document states is a reading, not a
 * derivation. Every rule cites the shapes whose documentation states it, and `behaviour-rules.test.ts` checks
 * each cited term against those documents.
 */
export const BEHAVIOUR_RULES_PATH = join(dirname(SPECS_DIR), 'behaviour-rules.json');

/**
 * Where a rule comes from: one shape id of a document (`com.amazonaws.cognitoidentityprovider#AdminDisableUser`,
 * or `…#AdminCreateUserRequest$TemporaryPassword` for a member), and a few terms its documentation holds that state
 * the fact (checked by test, never prose of ours). `document` names the document when it is not the current Smithy
 * model (`service-2-2018`: the 2018-02-12 release's service model).
 */
export interface RuleSource {
  readonly shape: string;
  readonly terms: readonly string[];
  readonly document?: 'service-2-2018';
}

/** The behaviour areas the catalogue covers (`status`, `enabled`, `challenges`, …), each with its title. */
export interface BehaviourArea {
  readonly area: string;
  readonly title: string;
}

/**
 * One documented behaviour rule: its name (kebab case, the identity reports and baselines use), its area, the
 * operations it involves, what it predicts (in the suite's own words) and its sources.
 */
export interface BehaviourRule {
  readonly name: string;
  readonly area: string;
  readonly operations: readonly string[];
  readonly prediction: string;
  readonly source: readonly RuleSource[];
}

/** The catalogue file: its documents by key, the areas in report order and the rules. */
export interface BehaviourCatalogue {
  readonly version: 1;
  readonly documents: Readonly<Record<string, string>>;
  readonly areas: readonly BehaviourArea[];
  readonly rules: readonly BehaviourRule[];
}

let committed: BehaviourCatalogue | undefined;

/**
 * The behaviour rule catalogue (`specs/behaviour-rules.json`), read and checked once per process for the default
 * path.
 * @throws Error naming the file and the first problem: not JSON, not version 1, a rule without a name, area,
 *   operation or source, a duplicate name, or an area the file does not list.
 */
export function loadBehaviourCatalogue(path: string = BEHAVIOUR_RULES_PATH): BehaviourCatalogue {
  if (path === BEHAVIOUR_RULES_PATH && committed !== undefined) return committed;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`loadBehaviourCatalogue: ${path}: ${(error as Error).message}`);
  }
  const catalogue = checkCatalogue(parsed, path);
  if (path === BEHAVIOUR_RULES_PATH) committed = catalogue;
  return catalogue;
}

/** The rule named `name` of the committed catalogue. @throws Error for a name the catalogue lacks. */
export function behaviourRule(name: string): BehaviourRule {
  const rule = loadBehaviourCatalogue().rules.find((candidate) => candidate.name === name);
  if (rule === undefined) throw new Error(`behaviourRule: no rule named ${name} in ${BEHAVIOUR_RULES_PATH}`);
  return rule;
}

function checkCatalogue(value: unknown, path: string): BehaviourCatalogue {
  const fail = (problem: string): never => {
    throw new Error(`loadBehaviourCatalogue: ${path}: ${problem}`);
  };
  const file = value as Partial<BehaviourCatalogue> | null;
  if (typeof file !== 'object' || file === null || file.version !== 1)
    fail('not a behaviour rule catalogue (version 1)');
  const areas = new Set((file?.areas ?? []).map((area) => area.area));
  if (areas.size === 0) fail('no areas');
  const names = new Set<string>();
  const rules = Array.isArray(file?.rules) ? file.rules : fail('no rules array');
  for (const [index, rule] of rules.entries()) {
    const at = `rules[${index}]`;
    if (typeof rule?.name !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rule.name))
      fail(`${at}: name must be kebab case`);
    if (names.has(rule.name)) fail(`${at}: duplicate name ${rule.name}`);
    names.add(rule.name);
    if (!areas.has(rule.area)) fail(`${at} (${rule.name}): area ${String(rule.area)} is not listed in areas`);
    if (!Array.isArray(rule.operations) || rule.operations.length === 0)
      fail(`${at} (${rule.name}): no operations`);
    if (typeof rule.prediction !== 'string' || rule.prediction === '')
      fail(`${at} (${rule.name}): no prediction`);
    if (!Array.isArray(rule.source) || rule.source.length === 0) fail(`${at} (${rule.name}): no source`);
    for (const source of rule.source)
      if (typeof source?.shape !== 'string' || !Array.isArray(source.terms) || source.terms.length === 0)
        fail(`${at} (${rule.name}): a source needs a shape id and terms`);
  }
  return file as BehaviourCatalogue;
}
