import { describe, expect, it } from 'vitest';
import { createSpecAjv } from '../format/index.ts';
import { modelSpecsOf } from './model-specs.ts';
import { parseSmithyModel } from './smithy-ast.ts';
import { tinySmithyModel, type TinyShape } from './test-support/tiny-smithy-model.ts';

/** The one spec of the tiny model after `change`. */
function tinySpec(change: (shapes: Record<string, TinyShape>) => void = () => {}) {
  const [spec] = modelSpecsOf(parseSmithyModel('tiny.smithy.json', tinySmithyModel(change)));
  return spec!;
}

describe('model specs of a tiny model', () => {
  it('states the operation, its target, source, auth and errors, and no documentation', () => {
    const spec = tinySpec();

    expect(spec).toMatchObject({
      specVersion: 2,
      operation: 'Op',
      target: 'Svc.Op',
      source: { document: 'tiny.smithy.json', shape: 'ns#Op' },
      auth: 'sigv4',
      authTraits: {},
      errors: ['Oops'],
      responseEnums: {},
      relaxedConstraints: [],
    });
    expect(spec.pagination).toBeUndefined();
    expect(spec.request).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:cognito-conformance:Op:request',
      type: 'object',
      properties: { Id: { type: 'string', minLength: 1, maxLength: 8 } },
      required: ['Id'],
      additionalProperties: false,
    });
    expect(JSON.stringify(spec)).not.toContain('tiny service');
  });

  it.each([
    ['smithy.api#auth: []', { 'smithy.api#auth': [] }, 'none'],
    ['smithy.api#optionalAuth', { 'smithy.api#optionalAuth': {} }, 'none'],
    ['smithy.api#auth naming SigV4', { 'smithy.api#auth': ['aws.auth#sigv4'] }, 'sigv4'],
  ] as const)('with %s, is sent %s', (_, traits, auth) => {
    const spec = tinySpec((shapes) => Object.assign(shapes['ns#Op']!.traits!, traits));

    expect(spec.auth).toBe(auth);
    expect(spec.authTraits).toEqual(traits);
  });

  it('answers an operation without output with an empty object', () => {
    const spec = tinySpec((shapes) => {
      shapes['ns#Op']!['output'] = { target: 'smithy.api#Unit' };
    });

    expect(spec.response).toMatchObject({ type: 'object', properties: {}, additionalProperties: false });
  });

  it("lets a member's traits win over its target's, and a null default remove the target's", () => {
    const spec = tinySpec((shapes) => {
      shapes['ns#Flag'] = { type: 'boolean', traits: { 'smithy.api#default': false } };
      shapes['ns#OpRequest']!.members = {
        Id: { target: 'ns#IdType', traits: { 'smithy.api#length': { max: 4 }, 'smithy.api#sensitive': {} } },
        On: { target: 'ns#Flag', traits: { 'smithy.api#default': true } },
        Off: { target: 'ns#Flag', traits: { 'smithy.api#default': null } },
      };
    });

    expect(spec.request['properties']).toEqual({
      Id: { type: 'string', maxLength: 4, sensitive: true },
      On: { type: 'boolean', default: true },
      Off: { type: 'boolean' },
    });
  });

  it('writes each shape of a cycle once under $defs and refers to it', () => {
    // Arrange: a tree whose nodes hold a list of nodes.
    const spec = tinySpec((shapes) => {
      shapes['ns#Node'] = {
        type: 'structure',
        members: { Name: { target: 'ns#IdType' }, Children: { target: 'ns#Nodes' } },
      };
      shapes['ns#Nodes'] = { type: 'list', member: { target: 'ns#Node' } };
      shapes['ns#OpRequest']!.members!['Tree'] = { target: 'ns#Node' };
    });
    const validate = createSpecAjv().compile(spec.request);

    // Assert
    expect(spec.request['properties']).toMatchObject({ Tree: { $ref: '#/$defs/Node' } });
    expect(spec.request['$defs']).toEqual({
      Node: {
        type: 'object',
        properties: {
          Name: { type: 'string', minLength: 1, maxLength: 8 },
          Children: { $ref: '#/$defs/Nodes' },
        },
        additionalProperties: false,
      },
      Nodes: { type: 'array', items: { $ref: '#/$defs/Node' } },
    });
    expect(validate({ Id: 'a', Tree: { Name: 'root', Children: [{ Name: 'leaf', Children: [] }] } })).toBe(
      true,
    );
    expect(validate({ Id: 'a', Tree: { Children: [{ Name: 'far too long' }] } })).toBe(false);
  });

  it('takes pagination from the operation over the service, checking each member it names', () => {
    const spec = tinySpec((shapes) => {
      shapes['ns#Svc']!.traits!['smithy.api#paginated'] = { inputToken: 'Id', pageSize: 'Id' };
      shapes['ns#Op']!.traits!['smithy.api#paginated'] = { outputToken: 'Next' };
    });

    expect(spec.pagination).toEqual({ inputToken: 'Id', outputToken: 'Next', pageSize: 'Id' });
  });
});
