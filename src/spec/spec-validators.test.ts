import { describe, expect, it } from 'vitest';
import { loadOperationSpecs, SpecValidators } from './index.ts';

describe('SpecValidators', () => {
  const specs = loadOperationSpecs();

  it('compiles nothing up front, and each schema once, on first use', () => {
    const validators = new SpecValidators(specs);
    expect(validators.compiledCount).toBe(0);
    expect(validators.responseErrors('DescribeUserPool', { UserPool: { Id: 1 } })).not.toEqual([]);
    expect(validators.compiledCount).toBe(1);
    expect(validators.responseErrors('DescribeUserPool', {})).toEqual([]);
    expect(validators.compiledCount).toBe(1);
    expect(validators.requestErrors('DescribeUserPool', {})).not.toEqual([]);
    expect(validators.compiledCount).toBe(2);
  });

  it('names an operation it has no spec for', () => {
    expect(() => new SpecValidators(specs).responseErrors('NoSuchOperation', {})).toThrow(
      'SpecValidators: no spec for NoSuchOperation',
    );
  });
});
