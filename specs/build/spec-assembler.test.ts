import { describe, expect, it } from 'vitest';
import { parsePage } from './page-parser.ts';
import { assembleSpec } from './spec-assembler.ts';
import { toSourceDocument } from './source-document.ts';
import { WIDGET_MODEL, WIDGET_PAGE } from './widget-page.fixture.ts';

function assemble(page: string) {
  const document = toSourceDocument('widget.txt', page);
  return assembleSpec(document, parsePage(document)[0]!, WIDGET_MODEL);
}

describe('assembleSpec', () => {
  const { spec, omittedPatterns } = assemble(WIDGET_PAGE);

  it('builds the request schema from syntax, markers, narrowings and model constraints', () => {
    expect(spec.request).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:cognito-conformance:Widget:request',
      type: 'object',
      properties: {
        Mode: { type: 'string', enum: ['SLOW', 'FAST'] },
        Config: {
          type: 'object',
          properties: {
            Flows: { type: 'array', items: { type: 'string', enum: ['X', 'Y'] }, minItems: 1, maxItems: 3 },
            Inner: {
              type: 'object',
              properties: {
                Key: { type: 'string', minLength: 1, maxLength: 8 },
                Size: { type: 'integer', minimum: 0, maximum: 10 },
              },
              required: ['Key'],
              additionalProperties: false,
            },
          },
          required: ['Flows'],
          additionalProperties: false,
        },
        Labels: {
          type: 'object',
          additionalProperties: { type: 'string', maxLength: 5, pattern: '\\p{L}+' },
        },
      },
      required: ['Mode'],
      additionalProperties: false,
    });
  });

  it('lists the narrowings at the member they are about', () => {
    expect(spec.narrowings.map(({ direction, path, excluded }) => ({ direction, path, excluded }))).toEqual([
      { direction: 'request', path: '/Mode', excluded: ['ADMIN'] },
      { direction: 'request', path: '/Config/Flows', excluded: ['Z'] },
    ]);
  });

  it('resolves changes, with * for list items', () => {
    expect(spec.changes).toEqual([
      { direction: 'request', kind: 'enum-value', path: '/Mode', value: 'FAST' },
      { direction: 'response', kind: 'member', path: '/Items/*/Extra' },
    ]);
  });

  it('leaves out a pattern JavaScript cannot compile, and says so', () => {
    expect(omittedPatterns).toEqual([
      expect.objectContaining({
        operation: 'Widget',
        direction: 'request',
        path: '/Config/Inner/Key',
        pattern: '[a-z]++',
      }),
    ]);
  });

  it('sorts the modeled errors and records the source', () => {
    expect(spec.errors).toEqual(['AlphaException', 'ZetaException']);
    expect(spec.source).toEqual({ document: 'widget.txt', section: 'Widget (updated)', line: 3 });
    expect(spec.target).toBe('AWSCognitoIdentityProviderService.Widget');
  });

  it('gives the response timestamps and no required members', () => {
    expect(spec.response['properties']).toEqual({
      Items: {
        type: 'array',
        items: {
          type: 'object',
          properties: { Extra: { type: 'string' }, When: { type: 'number', format: 'epoch-seconds' } },
          additionalProperties: false,
        },
      },
    });
  });
});

describe('assembleSpec on contradictory pages', () => {
  it.each([
    [
      'Z is not a valid value.',
      'W is not a valid value.',
      "widget.txt:54: expected one of X|Y|Z for /Config/Flows, found 'W'",
    ],
    [
      "Request {'Mode': {'FAST'}}",
      "Request {'Mode': {'QUICK'}}",
      'widget.txt:5: expected an added value among SLOW|FAST|ADMIN for /Mode',
    ],
    [
      "{'Items': {'Extra': 'string'}}",
      "{'Items': {'Missing': 'string'}}",
      "widget.txt:7: expected a member of /Items/* in the syntax block, found 'Missing' in the changes",
    ],
    [
      '    • Size (integer) --',
      '    • Size (string) --',
      'widget.txt:60: expected type integer for /Config/Inner/Size as in the syntax block, found string',
    ],
    [
      '  • Flows (list) -- [REQUIRED]',
      '  • Flow (list) -- [REQUIRED]',
      "widget.txt:48: expected a member of /Config from the syntax block, found 'Flow'",
    ],
    [
      'param Labels:',
      'param Tags:',
      "widget.txt:66: expected a keyword argument of the request call, found 'param Tags:'",
    ],
    [
      '        • When (datetime) --',
      '        • When (string) --',
      'widget.txt:99: expected type datetime for /Items/*/When as in the syntax block, found string',
    ],
  ])('rejects %s → %s', (from, to, message) => {
    expect(WIDGET_PAGE).toContain(from);
    expect(() => assemble(WIDGET_PAGE.replace(from, to))).toThrow(message);
  });
});
