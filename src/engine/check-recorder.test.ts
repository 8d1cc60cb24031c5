import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  mergeReports,
  parseReportJson,
  validateReport,
  writeReportFiles,
} from '../report/index.ts';
import type { Exchange } from '../protocol/index.ts';
import { CheckRecorder, RUN_PREFIX_TOKEN } from './check-recorder.ts';
import { untimed } from '../../test/support/untimed.ts';

const target = {
  kind: 'embedded' as const,
  name: 'cognito-local',
  endpoint: 'http://127.0.0.1:1',
  region: 'us-east-1',
};
const run = { profile: 'quick', seed: 1, startedAt: '2026-01-01T00:00:00.000Z' };
const finding = {
  kind: 'accepted-invalid' as const,
  severity: 'error' as const,
  path: '/PoolName',
  expected: '4xx',
  actual: 200,
  message: 'cc-ab12cd34-pool-3 was accepted',
};

describe('CheckRecorder', () => {
  it('tallies runs and failures per check; info findings do not fail a run', () => {
    const recorder = new CheckRecorder('CreateUserPool', target, run);
    recorder.record('negative', [finding], { request: {} });
    recorder.record('negative', [], { request: {} });
    recorder.record('response-schema', [{ ...finding, kind: 'unexpected-member', severity: 'info' }], {
      request: {},
    });

    expect(untimed(recorder.toRecord().checks)).toEqual([
      { check: 'negative', runs: 2, failed: 1 },
      { check: 'response-schema', runs: 1, failed: 0 },
    ]);
  });

  it('replaces the run prefix so two runs of the same seed report the same deviations', () => {
    const deviationsOf = (prefix: string) => {
      const recorder = new CheckRecorder('CreateUserPool', target, run, prefix);
      recorder.record('negative', [{ ...finding, message: `${prefix}pool-3 was accepted` }], {
        request: { PoolName: `${prefix}pool-3` },
        raw: true,
      });
      return recorder.toRecord().deviations;
    };

    const first = deviationsOf('cc-ab12cd34-');
    const second = deviationsOf('cc-99ff00ee-');

    expect(first).toEqual(second);
    expect(first[0]?.request).toEqual({ PoolName: `${RUN_PREFIX_TOKEN}pool-3` });
    expect(first[0]?.reproduce.command).toContain(`${RUN_PREFIX_TOKEN}pool-3`);
  });

  it('leaves secrets to the boundary: no report file written from its record carries them', async () => {
    const recorder = new CheckRecorder('InitiateAuth', target, run);
    recorder.record('auth', [{ ...finding, actual: { ClientSecret: 'abcdefabcdefabcdef' } }], {
      request: { AuthParameters: { PASSWORD: 'Passw0rd!!' } },
    });
    const report = buildReport([recorder.toRecord()], {
      toolVersion: '0',
      sdkVersion: '0',
      documents: [],
      specOperations: 1,
      durationMs: 1,
    });
    const outDir = await mkdtemp(join(tmpdir(), 'cc-recorder-'));
    try {
      const files = await writeReportFiles(report, { outDir, formats: ['json', 'md', 'junit'] });
      for (const file of files) {
        const text = await readFile(file, 'utf8');
        expect(text).not.toContain('abcdefabcdefabcdef');
        expect(text).not.toContain('Passw0rd!!');
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it("counts requests by phase and sums coverage over an operation's records, in a valid report", () => {
    const exchange: Exchange = {
      operation: 'ListUserPools',
      request: {},
      requestHeaders: {},
      status: 400,
      headers: {},
      bodyText: '{"__type":"InvalidParameterException","message":"x"}',
      body: { __type: 'InvalidParameterException', message: 'x' },
      ms: 1,
    };
    const invalid = new CheckRecorder('ListUserPools', target, run);
    invalid.sawExchange(exchange, 'coverage');
    invalid.sawExchange(exchange, 'coverage');
    invalid.sawExchange(exchange, 'shrinking');
    invalid.cover({ rules: 6, exercised: 5, unbreakable: 1 });
    const valid = new CheckRecorder('ListUserPools', target, run);
    valid.sawExchange(exchange, 'exploration');
    valid.sawExchange(exchange);
    valid.cover({ boundaries: 2, boundariesExercised: 2, pinned: 0 });
    const report = buildReport([invalid.toRecord(), valid.toRecord()], {
      toolVersion: '0',
      sdkVersion: '0',
      documents: [],
      specOperations: 1,
      durationMs: 1,
    });
    const [operation] = report.operations;
    expect(operation?.coverage).toEqual({
      rules: 6,
      exercised: 5,
      boundaries: 2,
      boundariesExercised: 2,
      pinned: 0,
      unbreakable: 1,
    });
    expect(operation?.requests).toEqual({ coverage: 2, exploration: 1, shrinking: 1, other: 1 });
    expect(validateReport(report).valid).toBe(true);
    // Shards of one run each hold part of an operation's records: merged, the counts add up.
    const merged = mergeReports([report, report]);
    expect(merged.operations[0]?.requests).toEqual({ coverage: 4, exploration: 2, shrinking: 2, other: 2 });
    expect(merged.operations[0]?.coverage?.rules).toBe(12);
  });

  it('notes what the SDK sent: header names always, members only of bodies it serialised, and merges them', () => {
    const sent = (request: unknown, headers: Record<string, string>): Exchange => ({
      operation: 'CreateUserPool',
      request,
      requestHeaders: headers,
      status: 200,
      headers: {},
      bodyText: '{}',
      body: {},
      ms: 1,
    });
    const first = new CheckRecorder('CreateUserPool', target, run);
    first.sawSdkRequest(
      sent(
        { PoolName: 'p', UserPoolTags: { team: 'a' }, Schema: [{ Name: 'x' }, { Name: 'y' }] },
        {
          'X-Amz-Target': 't',
          'content-type': 'c',
        },
      ),
      true,
    );
    first.sawSdkRequest(sent({ NotSerialisedBySdk: 1 }, { 'content-type': 'c', 'x-raw': 'r' }), false);
    first.sawSdkRequest(sent({ Never: 1 }, {}), true);
    expect(first.toRecord().sdkSent).toEqual({
      headers: ['content-type', 'x-amz-target', 'x-raw'],
      members: ['/PoolName', '/Schema', '/Schema/*/Name', '/UserPoolTags', '/UserPoolTags/*'],
    });
    const second = new CheckRecorder('CreateUserPool', target, run);
    second.sawSdkRequest(sent({ PoolName: 'q', Policies: {} }, { 'user-agent': 'u' }), true);
    expect(new CheckRecorder('CreateUserPool', target, run).toRecord().sdkSent).toBeUndefined();
    const report = buildReport([first.toRecord(), second.toRecord()], {
      toolVersion: '0',
      sdkVersion: '0',
      documents: [],
      specOperations: 1,
      durationMs: 1,
    });
    expect(report.operations[0]?.sdkSent).toEqual({
      headers: ['content-type', 'user-agent', 'x-amz-target', 'x-raw'],
      members: ['/Policies', '/PoolName', '/Schema', '/Schema/*/Name', '/UserPoolTags', '/UserPoolTags/*'],
    });
    expect(validateReport(report).valid).toBe(true);
    expect(mergeReports([report, report]).operations[0]?.sdkSent).toEqual(report.operations[0]?.sdkSent);
  });

  it('sums behaviour rule tallies per rule, sorted by name, and leaves them out when none were tallied', () => {
    const recorder = new CheckRecorder('InitiateAuth', target, run);
    expect(recorder.toRecord()).not.toHaveProperty('rules');
    recorder.tallyRule('unconfirmed-user-cannot-sign-in', 3, 0);
    recorder.tallyRule('disabled-user-cannot-sign-in', 2, 1);
    recorder.tallyRule('unconfirmed-user-cannot-sign-in', 4, 2);
    recorder.tallyRule('groups-claim', 0, 0);
    expect(recorder.toRecord().rules).toEqual([
      { rule: 'disabled-user-cannot-sign-in', runs: 2, failed: 1 },
      { rule: 'groups-claim', runs: 0, failed: 0 },
      { rule: 'unconfirmed-user-cannot-sign-in', runs: 7, failed: 2 },
    ]);
    expect(() => recorder.tallyRule('groups-claim', 1, 2)).toThrow(RangeError);
    expect(() => recorder.tallyRule('groups-claim', -1, 0)).toThrow(RangeError);
    expect(() => recorder.tallyRule('groups-claim', 1.5, 0)).toThrow(RangeError);
  });

  it("keeps a behaviour deviation's rule through the record, the report and its written files", async () => {
    const disabled = {
      name: 'disabled-user-cannot-sign-in',
      source: ['com.amazonaws.cognitoidentityprovider#AdminDisableUser'],
    };
    const behaviourFinding = {
      kind: 'state' as const,
      severity: 'error' as const,
      path: '/AuthenticationResult',
      expected: 'NotAuthorizedException',
      actual: 'tokens for cc-ab12cd34-user-1',
      message: 'a disabled user signed in',
      rule: disabled,
    };
    const recorder = new CheckRecorder('InitiateAuth', target, run, 'cc-ab12cd34-');
    const context = { request: { ClientId: 'c', AuthFlow: 'USER_PASSWORD_AUTH' }, replay: 'run' as const };
    recorder.record('behaviour', [behaviourFinding], context);
    recorder.record('behaviour', [behaviourFinding], context);
    // The same place, another rule: a deviation of its own.
    recorder.record(
      'behaviour',
      [{ ...behaviourFinding, rule: { name: 'unconfirmed-user-cannot-sign-in', source: [] } }],
      context,
    );
    recorder.tallyRule('disabled-user-cannot-sign-in', 3, 2);
    recorder.tallyRule('unconfirmed-user-cannot-sign-in', 3, 1);
    const record = recorder.toRecord();
    expect(record.deviations.map((d) => [d.rule?.name, d.occurrences])).toEqual([
      ['disabled-user-cannot-sign-in', 2],
      ['unconfirmed-user-cannot-sign-in', 1],
    ]);
    expect(record.deviations[0]?.rule).toEqual(disabled);
    expect(record.deviations[0]?.actual).toBe(`tokens for ${RUN_PREFIX_TOKEN}user-1`);

    const report = buildReport([record], {
      toolVersion: '0',
      sdkVersion: '0',
      documents: [],
      specOperations: 1,
      durationMs: 1,
    });
    expect(report.operations[0]?.deviations.map((d) => d.rule)).toEqual([
      disabled,
      { name: 'unconfirmed-user-cannot-sign-in', source: [] },
    ]);
    expect(validateReport(JSON.parse(JSON.stringify(report))).errors).toEqual([]);
    const outDir = await mkdtemp(join(tmpdir(), 'cc-recorder-'));
    try {
      const [json] = await writeReportFiles(report, { outDir, formats: ['json'] });
      const written = parseReportJson(await readFile(json ?? '', 'utf8'));
      expect(written.operations[0]?.deviations[0]?.rule).toEqual(disabled);
      expect(written.behaviour?.find((v) => v.rule === 'disabled-user-cannot-sign-in')).toMatchObject({
        verdict: 'broken',
        runs: 3,
        failed: 2,
        brokenAt: ['InitiateAuth'],
      });
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
