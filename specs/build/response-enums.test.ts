import { describe, expect, it } from 'vitest';
import { SOURCE_DOCUMENTS } from './test-support/source-documents.ts';
import { loadReferenceShapes, type SmithyShapes } from './later-members.ts';
import { responseEnums } from './response-enums.ts';

const NS = 'com.amazonaws.cognitoidentityprovider';

const shapes: SmithyShapes = {
  [`${NS}#ListThings`]: { type: 'operation', output: { target: `${NS}#ListThingsResponse` } },
  [`${NS}#ListThingsResponse`]: {
    type: 'structure',
    members: {
      Things: { target: `${NS}#ThingList` },
      Tags: { target: `${NS}#TagMap` },
      State: { target: `${NS}#StateType` },
    },
  },
  [`${NS}#ThingList`]: { type: 'list', member: { target: `${NS}#Thing` } },
  [`${NS}#TagMap`]: { type: 'map', value: { target: `${NS}#StateType` } },
  [`${NS}#Thing`]: {
    type: 'structure',
    members: {
      Name: { target: 'smithy.api#String' },
      Kind: { target: `${NS}#KindType` },
      Self: { target: `${NS}#Thing` },
    },
  },
  [`${NS}#StateType`]: { type: 'enum' },
  [`${NS}#KindType`]: { type: 'enum' },
};

describe('responseEnums', () => {
  it('maps every enum member, in list items and map values, to its shape name, sorted', () => {
    expect(responseEnums('ListThings', shapes)).toEqual({
      '/State': 'StateType',
      '/Tags/*': 'StateType',
      '/Things/*/Kind': 'KindType',
    });
    expect(Object.keys(responseEnums('ListThings', shapes))).toEqual(['/State', '/Tags/*', '/Things/*/Kind']);
  });

  it('is empty for an operation the reference lacks', () => {
    expect(responseEnums('Nothing', shapes)).toEqual({});
  });

  it('reads the current reference: a user pool status is a StatusType', () => {
    const reference = loadReferenceShapes(SOURCE_DOCUMENTS.referencePath);
    const enums = responseEnums('DescribeUserPool', reference);
    expect(enums['/UserPool/Status']).toBe('StatusType');
    expect(enums['/UserPool/MfaConfiguration']).toBe('UserPoolMfaType');
    expect(responseEnums('AdminGetUser', reference)['/UserStatus']).toBe('UserStatusType');
  });
});
