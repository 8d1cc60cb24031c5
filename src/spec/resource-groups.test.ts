import { describe, expect, it } from 'vitest';
import {
  GROUP_PATTERNS,
  GROUP_TABLE,
  loadModelOperations,
  loadOperationSpecs,
  modelResourceGroups,
  RESOURCE_GROUPS,
  resourceGroupNamed,
} from './index.ts';

const MODEL = loadModelOperations();

/** Every rule (pattern or table entry) that names `operation`, as `group ← rule`. */
function rulesNaming(operation: string): string[] {
  const patterns = GROUP_PATTERNS.filter(([pattern]) => pattern.test(operation)).map(
    ([pattern, group]) => `${group} ← ${pattern.source}`,
  );
  const entry = GROUP_TABLE.get(operation);
  return entry === undefined ? patterns : [...patterns, `${entry} ← GROUP_TABLE`];
}

describe('resource groups of the current model', () => {
  it('reads the 113 operations from the committed specs/operations/', () => {
    expect(MODEL).toHaveLength(113);
    expect(MODEL).toContain('ListUserPools');
    expect(new Set(MODEL).size).toBe(MODEL.length);
  });

  it.each(MODEL)('places %s in exactly one group, by one rule', (operation) => {
    expect(rulesNaming(operation)).toHaveLength(1);
  });

  it('has no table entry for an operation the model lacks, and no pattern that matches none', () => {
    expect([...GROUP_TABLE.keys()].filter((operation) => !MODEL.includes(operation))).toEqual([]);
    const idle = GROUP_PATTERNS.filter(([pattern]) => !MODEL.some((op) => pattern.test(op)));
    expect(idle.map(([pattern]) => pattern.source)).toEqual([]);
  });

  it('gives every group an operation, and every operation the suite judges a group', () => {
    const placed = modelResourceGroups();
    expect(placed.map((entry) => entry.operation)).toEqual(MODEL);
    expect(new Set(placed.map((entry) => entry.group))).toEqual(new Set(RESOURCE_GROUPS));
    const judged = loadOperationSpecs().map((spec) => spec.operation);
    expect(judged.filter((operation) => !MODEL.includes(operation))).toEqual([]);
  });

  it('refuses an operation no rule places, naming it', () => {
    expect(() => modelResourceGroups(['ListUserPools', 'CreateTerms'])).toThrow(
      'modelResourceGroups: no resource group for CreateTerms',
    );
  });

  it('matches a typed group name ignoring case and separators', () => {
    expect(resourceGroupNamed('app-clients')).toBe('app clients');
    expect(resourceGroupNamed(' Sign_In and-Tokens ')).toBe('sign-in and tokens');
    expect(resourceGroupNamed('mfa')).toBe('MFA');
    expect(resourceGroupNamed('ListUserPools')).toBeUndefined();
  });
});
