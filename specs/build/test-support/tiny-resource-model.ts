import { parseSmithyModel, type SmithyModel } from '../smithy-ast.ts';
import type { TinyShape } from './tiny-smithy-model.ts';

/**
 * A Smithy model of two nested resources, small enough to read in a test: a `Thing` (CreateThing → `/Thing/ThingId`,
 * GetThing, ListThings, DeleteThing) and a `Part` of a thing, named by the caller (CreatePart's required `PartName`,
 * DeletePart), plus `Poke`, which needs a thing and a `PokeToken` that no operation's name says it creates. `change` edits the
 * shapes first, so each test states only what it changes.
 */
export function tinyResourceModel(
  change: (shapes: Record<string, TinyShape>) => void = () => {},
): SmithyModel {
  const id = { target: 'ns#IdType', traits: { 'smithy.api#required': {} } };
  const name = { target: 'ns#NameType', traits: { 'smithy.api#required': {} } };
  const label = { target: 'ns#LabelType', traits: { 'smithy.api#required': {} } };
  const operation = (input: string, output = 'smithy.api#Unit'): TinyShape => ({
    type: 'operation',
    input: { target: `ns#${input}` },
    output: { target: output },
    traits: { 'smithy.api#documentation': 'Prose that no graph may copy, however it is worded here.' },
  });
  const shapes: Record<string, TinyShape> = {
    'ns#Svc': {
      type: 'service',
      version: '2020-01-01',
      operations: [
        'CreateThing',
        'GetThing',
        'ListThings',
        'DeleteThing',
        'CreatePart',
        'DeletePart',
        'Poke',
      ].map((name) => ({ target: `ns#${name}` })),
    },
    'ns#CreateThing': operation('CreateThingRequest', 'ns#CreateThingResponse'),
    'ns#CreateThingRequest': { type: 'structure', members: { Label: label } },
    'ns#CreateThingResponse': { type: 'structure', members: { Thing: { target: 'ns#ThingType' } } },
    'ns#ThingType': {
      type: 'structure',
      members: { Id: { target: 'ns#IdType' }, Label: { target: 'ns#LabelType' } },
    },
    'ns#GetThing': operation('ThingRequest', 'ns#CreateThingResponse'),
    'ns#ListThings': operation('ListThingsRequest'),
    'ns#ListThingsRequest': { type: 'structure', members: {} },
    'ns#DeleteThing': operation('ThingRequest'),
    'ns#ThingRequest': { type: 'structure', members: { ThingId: id } },
    'ns#CreatePart': operation('PartRequest'),
    'ns#DeletePart': operation('PartRequest'),
    'ns#PartRequest': { type: 'structure', members: { ThingId: id, PartName: name } },
    'ns#Poke': operation('PokeRequest'),
    'ns#PokeRequest': {
      type: 'structure',
      members: { ThingId: id, PokeToken: { target: 'ns#TokenType', traits: { 'smithy.api#required': {} } } },
    },
    'ns#IdType': { type: 'string' },
    'ns#NameType': { type: 'string' },
    'ns#LabelType': { type: 'string' },
    'ns#TokenType': { type: 'string' },
  };
  change(shapes);
  return parseSmithyModel('tiny.smithy.json', JSON.stringify({ smithy: '2.0', shapes }));
}
