import { describe, expect, it } from 'vitest';
import { loadOperationSpecs } from '../spec/index.ts';
import { replayScenarios } from './reproduce-deviation.ts';

const SPECS = loadOperationSpecs();
const names = (operation: string) => replayScenarios(SPECS, 'round-trip', operation).map((step) => step.name);

describe('replayScenarios: what reproduce replays for a round-trip deviation', () => {
  it('is the family round trip of every family the operation fills a role of', () => {
    expect(names('CreateGroup')).toEqual(['the Group family round trip']);
    expect(names('ListUsers')).toEqual(['the User family round trip']);
    expect(names('CreateUserPoolClient')).toEqual([
      'the CreateUserPoolClient round trip',
      'the UserPoolClient family round trip',
    ]);
  });

  it('is the related listing for the paginated operations no family lists', () => {
    expect(names('ListUsersInGroup')).toEqual(['the ListUsersInGroup listing']);
    expect(names('AdminListGroupsForUser')).toEqual(['the AdminListGroupsForUser listing']);
  });

  it('is nothing for an operation no round trip judges', () => {
    expect(names('GetSigningCertificate')).toEqual([]);
  });
});
