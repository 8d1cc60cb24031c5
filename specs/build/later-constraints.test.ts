import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../format/index.ts';
import { laterConstraints, withLaterConstraints } from './later-constraints.ts';
import type { SmithyShapes } from './later-members.ts';

const NS = 'com.amazonaws.cognitoidentityprovider';
const shapes = {
  [`${NS}#PutThing`]: { type: 'operation', input: { target: `${NS}#PutThingRequest` } },
  [`${NS}#PutThingRequest`]: {
    type: 'structure',
    members: {
      Validity: { target: `${NS}#Validity` },
      Scopes: { target: `${NS}#Scopes` },
      Message: { target: `${NS}#Message` },
      Invite: { target: `${NS}#Invite` },
      Name: { target: `${NS}#Name` },
      Tags: { target: `${NS}#Tags` },
    },
  },
  [`${NS}#Validity`]: { type: 'integer', traits: { 'smithy.api#range': { min: 0, max: 315360000 } } },
  [`${NS}#Scopes`]: {
    type: 'list',
    member: { target: `${NS}#Scope` },
    traits: { 'smithy.api#length': { max: 50 } },
  },
  [`${NS}#Scope`]: { type: 'string', traits: { 'smithy.api#pattern': '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$' } },
  [`${NS}#Message`]: { type: 'string', traits: { 'smithy.api#pattern': '\\{####\\}' } },
  [`${NS}#Invite`]: { type: 'string', traits: { 'smithy.api#pattern': '^(?s)' } },
  [`${NS}#Name`]: { type: 'string', traits: { 'smithy.api#length': { min: 1, max: 128 } } },
  [`${NS}#Tags`]: { type: 'map', value: { target: `${NS}#TagValue` } },
  [`${NS}#TagValue`]: { type: 'string', traits: { 'smithy.api#length': { max: 256 } } },
} as unknown as SmithyShapes;

const request = {
  type: 'object',
  properties: {
    Validity: { type: 'integer', minimum: 0, maximum: 3650 },
    Scopes: {
      type: 'array',
      maxItems: 25,
      items: { type: 'string', pattern: '[\\x21\\x23-\\x5B\\x5D-\\x7E]+' },
    },
    Message: { type: 'string', pattern: '.*\\{####\\}.*' },
    Invite: { type: 'string', pattern: '.*\\{####\\}.*' },
    Name: { type: 'string', minLength: 1, maxLength: 128 },
    Tags: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

const spec = { operation: 'PutThing', request } as unknown as OperationSpec;

describe('laterConstraints', () => {
  it('lists the document constraints the current reference states otherwise, anchors aside', () => {
    expect(laterConstraints(spec, shapes)).toEqual([
      { path: '/Validity', keyword: 'maximum', document: 3650, reference: 315360000 },
      { path: '/Scopes', keyword: 'maxItems', document: 25, reference: 50 },
      {
        path: '/Message',
        keyword: 'pattern',
        document: '.*\\{####\\}.*',
        // Unanchored in the reference: the value need only contain it (newlines included).
        reference: '[\\s\\S]*(?:\\{####\\})[\\s\\S]*',
      },
      // `(?s)` is no ECMAScript syntax: the rule cannot be checked as the reference states it, so it goes.
      { path: '/Invite', keyword: 'pattern', document: '.*\\{####\\}.*', reference: null },
    ]);
  });

  it('leaves out bounds only the reference states: a new rule is not a disagreement', () => {
    expect(laterConstraints(spec, shapes).map((c) => c.path)).not.toContain('/Tags/*');
  });

  it('puts the reference value in the request schema, and drops a rule it cannot state', () => {
    const relaxed = withLaterConstraints(request, laterConstraints(spec, shapes)) as typeof request;
    expect(relaxed.properties.Validity).toEqual({ type: 'integer', minimum: 0, maximum: 315360000 });
    expect(relaxed.properties.Scopes.maxItems).toBe(50);
    expect(relaxed.properties.Message.pattern).toBe('[\\s\\S]*(?:\\{####\\})[\\s\\S]*');
    expect(relaxed.properties.Invite).toEqual({ type: 'string' });
    expect(relaxed.properties.Name).toEqual(request.properties.Name);
  });
});
