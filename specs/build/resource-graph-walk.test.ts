import { describe, expect, it } from 'vitest';
import { type PrerequisiteWalk, type ResourceGraph, walkPrerequisites } from '../format/index.ts';
import { committedResourceGraph } from './test-support/committed-resource-graph.ts';

const graph = committedResourceGraph();

/** A walk in one line per step: `Operation(needs) → kinds`, then `- Operation(input)` for each deletion. */
function steps(walk: PrerequisiteWalk): string[] {
  return [
    ...walk.creations.map(
      (step) =>
        `${step.operation}(${step.needs.map((need) => need.kind).join(', ')}) → ${step.yields.map((made) => made.kind).join(', ')}`,
    ),
    ...walk.deletions.map((step) => `- ${step.operation}(${step.input.map((use) => use.kind).join(', ')})`),
  ];
}

describe('walkPrerequisites on the committed graph', () => {
  it('sets up AdminAddUserToGroup with a pool, then a user and a group in it, and removes them in reverse', () => {
    expect(steps(walkPrerequisites(graph, 'AdminAddUserToGroup'))).toEqual([
      'CreateUserPool() → UserPoolId',
      'AdminCreateUser(UserPoolId) → Username',
      'CreateGroup(UserPoolId) → GroupName',
      '- DeleteGroup(GroupName, UserPoolId)',
      '- AdminDeleteUser(UserPoolId, Username)',
      '- DeleteUserPool(UserPoolId)',
    ]);
  });

  it('signs a user in for GetUser, through the pool, the app client and the user', () => {
    const walk = walkPrerequisites(graph, 'GetUser');

    expect(steps(walk)).toEqual([
      'CreateUserPool() → UserPoolId',
      'CreateUserPoolClient(UserPoolId) → ClientId',
      'AdminCreateUser(UserPoolId) → Username',
      'AdminInitiateAuth(UserPoolId, ClientId, Username) → AccessToken',
      '- AdminDeleteUser(UserPoolId, Username)',
      '- DeleteUserPoolClient(UserPoolId, ClientId)',
      '- DeleteUserPool(UserPoolId)',
    ]);
    expect(walk.creations[3]?.needs.map((need) => need.pointer)).toEqual([
      '/UserPoolId',
      '/ClientId',
      '/AuthParameters/USERNAME',
    ]);
  });

  it("takes a device's key and its access token from one sign-in", () => {
    expect(steps(walkPrerequisites(graph, 'ConfirmDevice'))).toContain(
      'AdminInitiateAuth(UserPoolId, ClientId, Username) → AccessToken, DeviceKey',
    );
  });

  it('reads the ARN TagResource needs from the pool, and gathers the out-of-band values of every step', () => {
    expect(steps(walkPrerequisites(graph, 'TagResource'))).toEqual([
      'CreateUserPool() → UserPoolId',
      'DescribeUserPool(UserPoolId) → ResourceArn',
      '- DeleteUserPool(UserPoolId)',
    ]);
    expect(
      walkPrerequisites(graph, 'StartUserImportJob').outOfBand.map(
        ({ operation, input }) => `${operation}: ${input.value}`,
      ),
    ).toEqual(['CreateUserImportJob: IamRoleArn', 'StartUserImportJob: UserImportCsv']);
  });

  it('needs nothing for CreateUserPool and ListUserPools', () => {
    for (const operation of ['CreateUserPool', 'ListUserPools'])
      expect(walkPrerequisites(graph, operation)).toEqual({
        operation,
        creations: [],
        deletions: [],
        outOfBand: [],
      });
  });

  it.each(Object.keys(graph.operations))(
    '%s: every step needs only what earlier steps made, and deletions undo creations in reverse',
    (operation) => {
      const walk = walkPrerequisites(graph, operation);
      const made: string[] = [];
      for (const step of walk.creations) {
        for (const need of step.needs)
          expect(made, `${step.operation} needs ${need.kind}`).toContain(need.kind);
        made.push(...step.yields.map(({ kind }) => kind));
      }
      const needed = graph.operations[operation]!.identifiers.filter(
        ({ use, need }) => use === 'existing' && need !== 'optional',
      );
      for (const { kind } of needed) expect(made).toContain(kind);
      expect(new Set(made).size).toBe(made.length);
      const removable = made.filter((kind) => graph.kinds[kind]!.deleter !== undefined);
      expect(walk.deletions.flatMap((step) => step.kinds)).toEqual(removable.reverse());
      for (const step of walk.deletions)
        for (const use of step.input) expect(made, `${step.operation} needs ${use.kind}`).toContain(use.kind);
    },
  );
});

/** A graph of two kinds, A made from nothing and B from an A, that each test may change. */
function twoKinds(change: (graph: { kinds: Record<string, unknown> }) => void = () => {}): ResourceGraph {
  const creator = (operation: string, needs: { pointer: string; kind: string }[]) => ({
    operation,
    basis: 'naming',
    needs,
    id: { in: 'response', pointer: '/Id', source: [] },
  });
  const graph = {
    graphVersion: 1,
    source: { document: 'x', service: 'ns#Svc' },
    kinds: {
      A: { basis: 'naming', members: ['A'], creators: [creator('MakeA', [])] },
      B: { basis: 'naming', members: ['B'], creators: [creator('MakeB', [{ pointer: '/A', kind: 'A' }])] },
    },
    outOfBand: {},
    families: {},
    operations: {
      UseB: {
        shape: 'ns#UseB',
        identifiers: [
          { pointer: '/B', kind: 'B', need: 'required', use: 'existing', basis: 'naming', source: [] },
        ],
        outOfBand: [],
      },
    },
  };
  change(graph);
  return graph as unknown as ResourceGraph;
}

describe('walkPrerequisites on a hand-made graph', () => {
  it('walks a kind after the kinds its creator needs', () => {
    expect(walkPrerequisites(twoKinds(), 'UseB').creations.map((step) => step.operation)).toEqual([
      'MakeA',
      'MakeB',
    ]);
  });

  it('refuses an operation the graph lacks', () => {
    expect(() => walkPrerequisites(twoKinds(), 'Gone')).toThrow(
      "walkPrerequisites: no operation 'Gone' in the graph",
    );
  });

  it('refuses creators that need each other', () => {
    const graph = twoKinds(({ kinds }) => {
      (kinds['A'] as { creators: { needs: unknown[] }[] }).creators[0]!.needs.push({
        pointer: '/B',
        kind: 'B',
      });
    });

    expect(() => walkPrerequisites(graph, 'UseB')).toThrow(
      'walkPrerequisites: the creators of B need each other: B → A → B',
    );
  });

  it('refuses a kind without a creator', () => {
    const graph = twoKinds(({ kinds }) => {
      (kinds['A'] as { creators: unknown[] }).creators = [];
    });

    expect(() => walkPrerequisites(graph, 'UseB')).toThrow("walkPrerequisites: kind 'A' has no creator");
  });
});
