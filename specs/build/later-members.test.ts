import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../format/index.ts';
import {
  laterOptionalMembers,
  laterResponseMembers,
  type SmithyShapes,
  withoutRequired,
} from './later-members.ts';

const NS = 'com.amazonaws.cognitoidentityprovider';
const shapes: SmithyShapes = {
  [`${NS}#ListThings`]: {
    type: 'operation',
    input: { target: `${NS}#ListThingsRequest` },
    output: { target: `${NS}#ListThingsResponse` },
  },
  [`${NS}#ListThingsRequest`]: {
    type: 'structure',
    members: {
      Max: { target: 'smithy.api#Integer', traits: { 'smithy.api#required': {} } },
      Filter: { target: `${NS}#Filter` },
    },
  },
  [`${NS}#Filter`]: { type: 'structure', members: { Name: { target: 'smithy.api#String' } } },
  [`${NS}#ListThingsResponse`]: { type: 'structure', members: { Things: { target: `${NS}#ThingList` } } },
  [`${NS}#ThingList`]: { type: 'list', member: { target: `${NS}#Thing` } },
  [`${NS}#Thing`]: {
    type: 'structure',
    members: {
      Name: { target: 'smithy.api#String' },
      Arn: { target: 'smithy.api#String' },
      Self: { target: `${NS}#Thing` },
    },
  },
};

function spec(response: OperationSpec['response']): Omit<OperationSpec, 'drift'> {
  return {
    specVersion: 1,
    operation: 'ListThings',
    target: 'x',
    status: 'updated',
    source: { document: 'd', section: 's', line: 1 },
    request: { type: 'object' },
    response,
    changes: [],
    narrowings: [],
    laterResponseMembers: [],
    responseEnums: {},
    laterOptionalMembers: [],
    laterConstraints: [],
    errors: [],
  };
}

describe('laterResponseMembers', () => {
  it('lists what the current reference defines and the document does not, with * for list items', () => {
    const response = {
      type: 'object',
      properties: {
        Things: { type: 'array', items: { type: 'object', properties: { Name: { type: 'string' } } } },
      },
    };
    expect(laterResponseMembers(spec(response), shapes)).toEqual(['/Things/*/Arn', '/Things/*/Self']);
  });

  it('lists a whole later member once, not its own members, and survives recursive shapes', () => {
    expect(laterResponseMembers(spec({ type: 'object', properties: {} }), shapes)).toEqual(['/Things']);
  });

  it('is empty for an operation the reference does not have', () => {
    expect(laterResponseMembers({ ...spec({ type: 'object' }), operation: 'Gone' }, shapes)).toEqual([]);
  });
});

describe('laterOptionalMembers', () => {
  it('lists what the document requires and the current reference does not, and drops it from the schema', () => {
    const request = {
      type: 'object',
      required: ['Max'],
      properties: {
        Max: { type: 'integer' },
        Filter: { type: 'object', required: ['Name'], properties: { Name: { type: 'string' } } },
      },
    };
    const relaxed = laterOptionalMembers({ ...spec({ type: 'object' }), request }, shapes);
    expect(relaxed).toEqual(['/Filter/Name']);
    expect(withoutRequired(request, relaxed)).toEqual({
      type: 'object',
      required: ['Max'],
      properties: {
        Max: { type: 'integer' },
        Filter: { type: 'object', properties: { Name: { type: 'string' } } },
      },
    });
  });
});
