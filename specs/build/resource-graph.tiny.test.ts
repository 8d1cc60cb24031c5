import { describe, expect, it } from 'vitest';
import { walkPrerequisites } from '../format/index.ts';
import { resourceGraphOf } from './resource-graph.ts';
import type { ResourceGraphTable } from './resource-graph-table.ts';
import { tinyResourceModel } from './test-support/tiny-resource-model.ts';
import type { TinyShape } from './test-support/tiny-smithy-model.ts';

/** The tiny model's one gap, PokeToken, as an out-of-band value: the least a table needs for it. */
const TABLE: ResourceGraphTable = {
  kinds: [],
  creators: [],
  familyRoles: [],
  identifiers: [],
  values: [],
  outOfBandValues: { Poker: { channel: 'email', why: 'sent by mail' } },
  outOfBandInputs: [{ operation: 'Poke', pointer: '/PokeToken', value: 'Poker' }],
};

function graphOf(
  table: Partial<ResourceGraphTable> = {},
  change?: (shapes: Record<string, TinyShape>) => void,
) {
  return resourceGraphOf(tinyResourceModel(change), { ...TABLE, ...table });
}

describe('the resource graph of a tiny model, by naming', () => {
  it('finds each family, its own identifier, where a new one is, and what removes it', () => {
    const graph = graphOf();

    expect(graph.families).toEqual({
      Part: { kind: 'PartName', create: 'CreatePart', delete: 'DeletePart' },
      Thing: {
        kind: 'ThingId',
        create: 'CreateThing',
        describe: 'GetThing',
        list: 'ListThings',
        delete: 'DeleteThing',
      },
    });
    expect(graph.kinds['ThingId']).toEqual({
      basis: 'naming',
      family: 'Thing',
      members: ['ThingId'],
      creators: [
        {
          operation: 'CreateThing',
          basis: 'naming',
          needs: [],
          id: {
            in: 'response',
            pointer: '/Thing/Id',
            source: ['ns#CreateThingResponse$Thing', 'ns#ThingType$Id'],
          },
        },
      ],
      deleter: {
        operation: 'DeleteThing',
        basis: 'naming',
        input: [{ pointer: '/ThingId', kind: 'ThingId' }],
      },
    });
    expect(graph.kinds['PartName']?.creators[0]).toMatchObject({
      operation: 'CreatePart',
      needs: [{ pointer: '/ThingId', kind: 'ThingId' }],
      id: { in: 'request', pointer: '/PartName' },
    });
  });

  it("marks the identifier a creator's request brings into being as new, and not a prerequisite", () => {
    const graph = graphOf();

    expect(graph.operations['CreatePart']).toEqual({
      shape: 'ns#CreatePart',
      family: { name: 'Part', role: 'create' },
      identifiers: [
        {
          pointer: '/ThingId',
          kind: 'ThingId',
          need: 'required',
          use: 'existing',
          basis: 'naming',
          source: ['ns#PartRequest$ThingId'],
        },
        {
          pointer: '/PartName',
          kind: 'PartName',
          need: 'required',
          use: 'new',
          basis: 'naming',
          source: ['ns#PartRequest$PartName'],
        },
      ],
      outOfBand: [],
    });
    expect(walkPrerequisites(graph, 'CreatePart').creations.map((step) => step.operation)).toEqual([
      'CreateThing',
    ]);
  });

  it('copies no documentation of the model', () => {
    expect(JSON.stringify(graphOf())).not.toContain('Prose');
  });
});

/** PokeToken as an explicit kind: GetThing's answer holds one, and `deleter` removes it. */
function pokeTokenKind(deleter: string) {
  return {
    outOfBandInputs: [],
    kinds: [
      {
        kind: 'PokeToken',
        why: 'test',
        members: ['PokeToken'],
        creators: [{ operation: 'GetThing', id: { in: 'response' as const, pointer: '/Thing/Label' } }],
        deleter,
      },
    ],
  };
}

describe('the resource graph of a tiny model, with its explicit table', () => {
  it('rejects a required member that reads as an identifier and that nothing accounts for', () => {
    expect(() => graphOf({ outOfBandInputs: [] })).toThrow(
      'tiny.smithy.json: ns#PokeRequest$PokeToken: expected a required member that reads as an identifier to ' +
        'resolve to a kind or an out-of-band value, found neither; add a row to specs/build/resource-graph-table.ts',
    );
  });

  it("takes a listed value for a required member that shares an identifier's shape, and only then", () => {
    const shareName = (shapes: Record<string, TinyShape>) => {
      shapes['ns#CreateThingRequest']!.members!['Label']!.target = 'ns#NameType';
    };
    const values = [{ operation: 'CreateThing', member: 'Label', why: 'a label, not a name of anything' }];

    expect(() => graphOf({}, shareName)).toThrow('ns#CreateThingRequest$Label: expected a required member');
    expect(graphOf({ values }, shareName).operations['CreateThing']?.identifiers).toEqual([]);
    expect(() => graphOf({ values })).toThrow(
      'CreateThing Label: expected a required member that reads as an identifier',
    );
  });

  it('takes an explicit kind, its creator and deleter, and walks through it', () => {
    const graph = graphOf(pokeTokenKind('Poke'));

    expect(graph.kinds['PokeToken']).toMatchObject({
      basis: 'explicit',
      creators: [
        { operation: 'GetThing', basis: 'explicit', needs: [{ pointer: '/ThingId', kind: 'ThingId' }] },
      ],
      deleter: {
        operation: 'Poke',
        basis: 'explicit',
        input: [
          { pointer: '/ThingId', kind: 'ThingId' },
          { pointer: '/PokeToken', kind: 'PokeToken' },
        ],
      },
    });
    expect(graph.operations['Poke']?.identifiers.map(({ kind, basis }) => [kind, basis])).toEqual([
      ['ThingId', 'naming'],
      ['PokeToken', 'naming'],
    ]);
    expect(walkPrerequisites(graph, 'Poke').creations.map((step) => step.operation)).toEqual([
      'CreateThing',
      'GetThing',
    ]);
  });

  it('rejects a kind that nothing removes, neither itself nor anything it needs', () => {
    const kinds = [
      {
        kind: 'PokeToken',
        why: 'test',
        members: ['PokeToken'],
        creators: [{ operation: 'CreateThing', id: { in: 'response' as const, pointer: '/Thing/Label' } }],
      },
    ];

    expect(() => graphOf({ kinds, outOfBandInputs: [] })).toThrow(
      'resource graph: PokeToken has no deleter, and neither has anything its first creator needs',
    );
  });

  it('rejects a deleter whose request does not name the kind', () => {
    expect(() => graphOf(pokeTokenKind('DeleteThing'))).toThrow(
      'resource graph: DeleteThing, the deleter of PokeToken, does not name one',
    );
  });

  it.each([
    [
      'a kind naming already gives',
      {
        kinds: [
          {
            kind: 'ThingId',
            why: 'x',
            members: [],
            creators: [{ operation: 'CreateThing', id: { in: 'request' as const, pointer: '/Label' } }],
          },
        ],
      },
      'kind ThingId: naming already gives this kind; remove the row',
    ],
    [
      'an identifier naming already resolves',
      { identifiers: [{ operation: 'DeleteThing', pointer: '/ThingId', kind: 'ThingId', why: 'x' }] },
      'DeleteThing /ThingId: naming already resolves it to ThingId',
    ],
    [
      'a need the model already states',
      { identifiers: [{ operation: 'DeleteThing', pointer: '/ThingId', need: 'needed' as const, why: 'x' }] },
      'DeleteThing /ThingId: the model already requires it',
    ],
    [
      'a member the request lacks',
      { identifiers: [{ operation: 'DeleteThing', pointer: '/Gone', kind: 'ThingId', why: 'x' }] },
      'DeleteThing /Gone: expected a request member Gone, found none',
    ],
    [
      'an operation the model lacks',
      { outOfBandInputs: [{ operation: 'Gone', value: 'Poker' }] },
      'Gone: expected an operation Gone, found none',
    ],
    [
      'a pointer the model cannot follow',
      {
        creators: [
          {
            kind: 'PartName',
            creator: { operation: 'GetThing', id: { in: 'response' as const, pointer: '/Thing/Nope' } },
          },
        ],
      },
      "expected /Thing/Nope to lead through the model, found no 'Nope' in ns#ThingType",
    ],
    [
      'a role naming already fills',
      { familyRoles: [{ family: 'Thing', role: 'list' as const, operation: 'ListThings', why: 'x' }] },
      'family Thing list: naming already gives ListThings; remove the row',
    ],
  ])('rejects %s', (_, table, message) => {
    expect(() => graphOf(table)).toThrow(message);
  });

  it('rejects a creator whose request needs what it makes', () => {
    const kinds = [
      {
        kind: 'PokeToken',
        why: 'x',
        members: ['PokeToken'],
        creators: [{ operation: 'Poke', id: { in: 'request' as const, pointer: '/ThingId' } }],
      },
    ];

    expect(() => graphOf({ kinds, outOfBandInputs: [] })).toThrow(
      'resource graph: Poke makes PokeToken, yet its request needs an existing one',
    );
  });

  it('rejects creators that need each other', () => {
    // Arrange: Alpha is made by MakeAlpha, which needs a Beta; Beta by MakeBeta, which needs an Alpha.
    const change = (shapes: Record<string, TinyShape>) => {
      const required = { 'smithy.api#required': {} };
      (shapes['ns#Svc']!['operations'] as { target: string }[]).push(
        { target: 'ns#MakeAlpha' },
        { target: 'ns#MakeBeta' },
      );
      shapes['ns#MakeAlpha'] = {
        type: 'operation',
        input: { target: 'ns#NeedsBeta' },
        output: { target: 'ns#Made' },
      };
      shapes['ns#MakeBeta'] = {
        type: 'operation',
        input: { target: 'ns#NeedsAlpha' },
        output: { target: 'ns#Made' },
      };
      shapes['ns#NeedsBeta'] = {
        type: 'structure',
        members: { Beta: { target: 'ns#IdType', traits: required } },
      };
      shapes['ns#NeedsAlpha'] = {
        type: 'structure',
        members: { Alpha: { target: 'ns#IdType', traits: required } },
      };
      shapes['ns#Made'] = { type: 'structure', members: { Value: { target: 'ns#IdType' } } };
    };
    const made = (kind: string, operation: string) => ({
      kind,
      why: 'x',
      members: [kind],
      creators: [{ operation, id: { in: 'response' as const, pointer: '/Value' } }],
    });

    // Act
    const build = () => graphOf({ kinds: [made('Alpha', 'MakeAlpha'), made('Beta', 'MakeBeta')] }, change);

    // Assert
    expect(build).toThrow('resource graph: the creators of Alpha need each other: Alpha → Beta → Alpha');
  });

  it('rejects a family with neither a Delete nor a Describe operation', () => {
    const change = (shapes: Record<string, TinyShape>) => {
      shapes['ns#Svc']!['operations'] = (shapes['ns#Svc']!['operations'] as { target: string }[]).filter(
        ({ target }) => target !== 'ns#DeleteThing' && target !== 'ns#GetThing',
      );
    };

    expect(() => graphOf({}, change)).toThrow(
      'tiny.smithy.json: ns#CreateThing: expected a DeleteThing or DescribeThing operation to name the resource, found neither',
    );
  });
});
