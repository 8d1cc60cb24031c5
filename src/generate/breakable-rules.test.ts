import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../specs/format/index.ts';
import { breakableRules } from './breakable-rules.ts';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    Name: { type: 'string', minLength: 1, maxLength: 8, pattern: String.raw`[\w]+` },
    Size: { type: 'integer', minimum: 1, maximum: 60 },
    Mode: { type: 'string', enum: ['ON', 'OFF'] },
    Tags: {
      type: 'object',
      additionalProperties: { type: 'string', maxLength: 4 },
      propertyNames: { type: 'string', minLength: 1, maxLength: 3, pattern: '^[a-z]*$' },
    },
    Items: {
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: {
        type: 'object',
        properties: { Id: { type: 'string' } },
        required: ['Id'],
        additionalProperties: false,
      },
    },
  },
  required: ['Name'],
  additionalProperties: false,
};

describe('breakableRules', () => {
  it('derives every rule, at any depth, as (rule, template, keyword)', () => {
    const { rules } = breakableRules(schema);
    expect(rules.map((rule) => `${rule.rule} ${rule.template} ${rule.keyword}`).sort()).toEqual(
      [
        'missing-required /Name required',
        'wrong-type /Name type',
        'too-long /Name maxLength',
        'pattern /Name pattern',
        'wrong-type /Size type',
        'below-minimum /Size minimum',
        'above-maximum /Size maximum',
        'wrong-type /Mode type',
        'enum-value /Mode enum',
        'wrong-type /Tags type',
        'wrong-type /Tags/* type',
        'too-long /Tags/* maxLength',
        'too-short /Tags/* propertyNames/minLength',
        'too-long /Tags/* propertyNames/maxLength',
        'pattern /Tags/* propertyNames/pattern',
        'wrong-type /Items type',
        'too-short /Items minItems',
        'too-long /Items maxItems',
        'wrong-type /Items/* type',
        'missing-required /Items/*/Id required',
        'wrong-type /Items/*/Id type',
      ].sort(),
    );
  });

  it('skips, with a reason, rules that cannot break alone', () => {
    const { skipped } = breakableRules(schema);
    expect(skipped).toEqual([
      {
        rule: 'too-short',
        keyword: 'minLength',
        template: '/Name',
        reason:
          'no string shorter than 1 character matches the pattern, so breaking minLength would break the pattern too',
      },
    ]);
  });

  it('skips pattern rules no string of an allowed length can break', () => {
    const { skipped } = breakableRules({
      type: 'object',
      properties: { Any: { type: 'string', pattern: '.*' } },
      additionalProperties: false,
    });
    expect(skipped.map((rule) => [rule.rule, rule.template])).toEqual([['pattern', '/Any']]);
    expect(skipped[0]?.reason).toMatch(/fails the pattern/u);
  });

  it('skips too-long arrays that would need more distinct items than exist', () => {
    const { skipped } = breakableRules({
      type: 'object',
      properties: {
        Flows: { type: 'array', maxItems: 2, uniqueItems: true, items: { type: 'string', enum: ['a', 'b'] } },
      },
      additionalProperties: false,
    });
    expect(skipped).toEqual([
      {
        rule: 'too-long',
        keyword: 'maxItems',
        template: '/Flows',
        reason: 'only 2 distinct items exist, 3 needed',
      },
    ]);
  });
});
