import { describe, expect, it } from 'vitest';
import { recordedExchange } from '../../test/support/recorded-exchange.ts';
import type { CheckRecorder } from '../engine/index.ts';
import type { CallResult } from '../wire/index.ts';
import { isUnknownId, UNKNOWN_IDENTIFIERS } from '../deviations/index.ts';
import { loadOperationSpecs, specFor } from '../spec/index.ts';
import { runUnknownIds, unknownIdVariants } from './operation-runs.ts';
import { scenarioForTests } from './test-support/scenario-for-tests.ts';
import { untimed } from '../../test/support/untimed.ts';

const POOL = 'us-east-1_LivePool1';
const ERROR_HEADERS = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r-1' };

/** A fake target: the live pool answers `live`, any other pool id answers `unknown`. */
function target(live: { status: number; type?: string }, unknown: { status: number; type?: string }) {
  const answer = (operation: string, input: object, { status, type }: { status: number; type?: string }) =>
    ({
      exchange: recordedExchange({
        operation,
        request: input,
        status,
        headers: ERROR_HEADERS,
        body: type ? { __type: type, message: 'm' } : { UserPool: { Id: POOL } },
      }),
    }) satisfies CallResult;
  return {
    async send(operation: string, input: object): Promise<CallResult> {
      const pool = (input as { UserPoolId?: unknown }).UserPoolId;
      return answer(operation, input, pool === POOL ? live : unknown);
    },
  };
}

async function errorShapeOf(wire: ReturnType<typeof target>) {
  const recorders = new Map<string, CheckRecorder>();
  const context = scenarioForTests({
    wire,
    resources: { pool: async () => ({ id: POOL, name: 'cc-t-pool' }) },
    seed: 3,
    recorders,
  });
  await runUnknownIds(context, 'DescribeUserPool');
  return recorders.get('DescribeUserPool')?.toRecord();
}

describe('runUnknownIds', () => {
  it('judges unknown ids when the target accepts the same request with the live ids', async () => {
    const record = await errorShapeOf(target({ status: 200 }, { status: 500 }));
    expect(record?.deviations.map((d) => `${d.check} ${d.kind} ${d.path}`)).toContain(
      'error-shape wrong-error /$status',
    );
  });

  it('holds nothing against a target that refuses the request with the live ids too', async () => {
    // moto 5.0.1 refused the generated AuthFlow of AdminInitiateAuth before it looked up the pool: that
    // refusal was reported again as an error-shape finding about unknown ids.
    const record = await errorShapeOf(
      target(
        { status: 400, type: 'InvalidParameterException' },
        { status: 400, type: 'InvalidParameterException' },
      ),
    );
    expect(record?.deviations).toEqual([]);
    expect(untimed(record?.checks ?? [])).toEqual([
      { check: 'error-shape', runs: 0, failed: 0 },
      { check: 'sdk-parse', runs: 1, failed: 0 },
    ]);
  });

  it('finds nothing on a target that answers not-found for unknown ids', async () => {
    const record = await errorShapeOf(
      target({ status: 200 }, { status: 400, type: 'ResourceNotFoundException' }),
    );
    expect(record?.deviations.filter((d) => d.check === 'error-shape')).toEqual([]);
  });
});

describe('unknownIdVariants: one unknown value per identifier kind of the resource graph', () => {
  const variants = (operation: string, request: Record<string, unknown>) =>
    unknownIdVariants(specFor(loadOperationSpecs(), operation), request).map(
      ({ request: sent, expected }) => ({
        changed: Object.keys(sent).filter((member) => sent[member] !== request[member]),
        expected,
      }),
    );

  it('gives a group, a user and a pool each their modeled not-found error (AdminAddUserToGroup)', () => {
    const request = { UserPoolId: 'us-east-1_Live', Username: 'alice', GroupName: 'admins' };
    expect(variants('AdminAddUserToGroup', request)).toEqual([
      { changed: ['UserPoolId'], expected: 'ResourceNotFoundException' },
      { changed: ['Username'], expected: 'UserNotFoundException' },
      { changed: ['GroupName'], expected: 'ResourceNotFoundException' },
    ]);
  });

  it('gives an unknown access token NotAuthorizedException (GetUser)', () => {
    expect(variants('GetUser', { AccessToken: 'live.token' })).toEqual([
      { changed: ['AccessToken'], expected: 'NotAuthorizedException' },
    ]);
  });

  it('leaves a user alone where the app client decides user-existence errors, and a new user name', () => {
    expect(variants('SignUp', { ClientId: 'c', Username: 'new', Password: 'p' })).toEqual([
      { changed: ['ClientId'], expected: 'ResourceNotFoundException' },
    ]);
    expect(variants('ForgotPassword', { ClientId: 'c', Username: 'alice' }).map((v) => v.changed)).toEqual([
      ['ClientId'],
    ]);
  });

  it('sends values of each member pattern, which redaction and normalisation keep as they are', () => {
    for (const [kind, value] of Object.entries(UNKNOWN_IDENTIFIERS)) {
      expect(isUnknownId(value), kind).toBe(true);
    }
  });
});
