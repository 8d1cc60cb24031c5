import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  aBehaviourReport,
  aDeviation,
  aMixedReport,
  anOperation,
  aReport,
} from '../../test/support/report-fixture.ts';
import { type Baseline, type BaselineEntry, parseBaseline, UNREVIEWED_REASON } from '../deviations/index.ts';
import { applyBaseline, exitCodeFor, formatBaseline, loadBaseline, writeBaseline } from './baseline.ts';

const arnEntry: BaselineEntry = {
  target: 'cognito-local',
  operation: 'CreateUserPool',
  check: 'response-schema',
  kind: 'missing-member',
  path: '/UserPool/Arn',
  reason: 'cognito-local does not return ARNs (upstream #123)',
};
const unsupportedEntry: BaselineEntry = {
  target: 'cognito-local',
  operation: 'AdminDisableProviderForUser',
  check: 'positive',
  kind: 'unsupported',
  path: '',
  reason: 'not implemented',
};
const baseline = (...entries: BaselineEntry[]): Baseline => ({ version: 1, entries });

describe('applyBaseline', () => {
  it('accepts matching deviations and reports the blocking rest as new', () => {
    const result = applyBaseline(aMixedReport(), baseline(arnEntry), '2024-05-01');
    expect(result.accepted.map((a) => [a.operation, a.deviation.path, a.entry.reason])).toEqual([
      ['CreateUserPool', '/UserPool/Arn', arnEntry.reason],
    ]);
    expect(result.newDeviations.map((n) => n.operation)).toEqual(['AdminDisableProviderForUser']);
    expect(result.expired).toEqual([]);
    expect(result.fixed).toEqual([]);
  });

  it('never reports info deviations as new', () => {
    const result = applyBaseline(aMixedReport(), baseline(arnEntry, unsupportedEntry), '2024-05-01');
    expect(result.newDeviations).toEqual([]);
  });

  it('stops counting entries past their expiry day, and reports them', () => {
    const lapsing = { ...arnEntry, expires: '2024-05-01' };
    expect(applyBaseline(aMixedReport(), baseline(lapsing), '2024-05-01').expired).toEqual([]);
    const result = applyBaseline(aMixedReport(), baseline(lapsing), new Date('2024-05-02T08:00:00Z'));
    expect(result.expired).toEqual([lapsing]);
    expect(result.accepted).toEqual([]);
    expect(result.newDeviations.map((n) => n.deviation.path)).toEqual(['/UserPool/Arn', '']);
  });

  it('reports live entries that no longer match as fixed', () => {
    const gone = { ...arnEntry, operation: 'DescribeUserPool' };
    expect(applyBaseline(aMixedReport(), baseline(gone), '2024-05-01').fixed).toEqual([gone]);
  });

  it('calls nothing fixed where the run could not tell: a shard, an operation not judged or not run', () => {
    const gone = { ...arnEntry, operation: 'DescribeUserPool' };
    expect(applyBaseline(aMixedReport(), baseline(gone), '2024-05-01', { judgeFixed: false }).fixed).toEqual(
      [],
    );
    // AdminDisableProviderForUser is unsupported here, and ListUsers is not in the report at all.
    const unjudged = [
      { ...arnEntry, operation: 'AdminDisableProviderForUser' },
      { ...arnEntry, operation: 'ListUsers' },
    ];
    expect(applyBaseline(aMixedReport(), baseline(...unjudged), '2024-05-01').fixed).toEqual([]);
  });

  it('names unreviewed entries, only those of operations the run covered', () => {
    const todo = { ...arnEntry, reason: UNREVIEWED_REASON };
    const elsewhere = { ...todo, operation: 'ListUsers' };
    const result = applyBaseline(aMixedReport(), baseline(todo, elsewhere), '2024-05-01');
    expect(result.unreviewed).toEqual([todo]);
    expect(result.accepted).toHaveLength(1);
  });

  it("ignores other targets' entries", () => {
    const other = { ...arnEntry, target: 'localstack' };
    const result = applyBaseline(aMixedReport(), baseline(other), '2024-05-01');
    expect(result.fixed).toEqual([]);
    expect(result.accepted).toEqual([]);
  });

  it('matches paths with volatile parts by their tokens', () => {
    const report = aReport([
      anOperation('AdminGetUser', {
        verdict: 'deviates',
        deviations: [aDeviation({ path: '/MFAOptions/us-east-1_AbC123' })],
      }),
    ]);
    const entry = { ...arnEntry, operation: 'AdminGetUser', path: '/MFAOptions/<pool-id:1>' };
    expect(applyBaseline(report, baseline(entry), '2024-05-01').accepted).toHaveLength(1);
  });

  it('rejects a malformed today', () => {
    expect(() => applyBaseline(aMixedReport(), baseline(), '2024-02-30')).toThrow(/YYYY-MM-DD/);
  });
});

describe('exitCodeFor', () => {
  it('is 0 for a conformant report and 1 for blocking deviations', () => {
    expect(exitCodeFor(aReport([anOperation('A')]))).toBe(0);
    expect(exitCodeFor(aReport([anOperation('A', { deviations: [aDeviation({ severity: 'info' })] })]))).toBe(
      0,
    );
    expect(exitCodeFor(aMixedReport())).toBe(1);
  });

  it('with a baseline, counts only new deviations', () => {
    const report = aMixedReport();
    expect(
      exitCodeFor(report, applyBaseline(report, baseline(arnEntry, unsupportedEntry), '2024-05-01')),
    ).toBe(0);
    expect(exitCodeFor(report, applyBaseline(report, baseline(arnEntry), '2024-05-01'))).toBe(1);
  });
});

describe('writeBaseline', () => {
  it('proposes one sorted, unreviewed entry per blocking identity', () => {
    const report = aMixedReport();
    const written = writeBaseline(report);
    expect(written).toEqual({
      version: 1,
      entries: [
        { ...unsupportedEntry, reason: 'TODO: review' },
        { ...arnEntry, reason: 'TODO: review' },
      ],
    });
    expect(
      writeBaseline(report, 'accepted for 0.1').entries.every((e) => e.reason === 'accepted for 0.1'),
    ).toBe(true);
    expect(exitCodeFor(report, applyBaseline(report, written, '2030-01-01'))).toBe(0);
  });

  it('round-trips through its file format', () => {
    const written = writeBaseline(aMixedReport());
    expect(parseBaseline(JSON.parse(formatBaseline(written)))).toEqual(written);
  });
});

describe('a behaviour deviation in a baseline', () => {
  it('gets an entry naming its rule, one per rule broken at one place, which accepts it and no other rule', () => {
    const report = aBehaviourReport();
    const written = writeBaseline(report);
    const behaviour = written.entries.filter((entry) => entry.check === 'behaviour');
    expect(behaviour).toEqual([
      {
        target: 'cognito-local',
        operation: 'InitiateAuth',
        check: 'behaviour',
        kind: 'state',
        path: '/AuthenticationResult',
        rule: { name: 'disabled-user-cannot-sign-in' },
        reason: UNREVIEWED_REASON,
      },
      { ...behaviour[0], rule: { name: 'unconfirmed-user-cannot-sign-in' } },
    ]);
    // Written, read back, and matched by identity: the gate passes.
    const read = parseBaseline(JSON.parse(formatBaseline(written)));
    expect(read).toEqual(written);
    const result = applyBaseline(report, read, '2030-01-01');
    expect(result.newDeviations).toEqual([]);
    expect(result.accepted.map((a) => a.deviation.rule?.name)).toEqual([
      'disabled-user-cannot-sign-in',
      'unconfirmed-user-cannot-sign-in',
      undefined,
    ]);
    // An entry for one rule does not accept the other rule broken at the same place.
    const one = baseline(
      ...written.entries.filter((entry) => entry.rule?.name !== 'unconfirmed-user-cannot-sign-in'),
    );
    expect(applyBaseline(report, one, '2030-01-01').newDeviations.map((n) => n.deviation.rule?.name)).toEqual(
      ['unconfirmed-user-cannot-sign-in'],
    );
    // Without its rule, an entry matches no behaviour deviation.
    const { rule: _rule, ...ruleless } = behaviour[0] ?? arnEntry;
    expect(applyBaseline(report, baseline(ruleless), '2030-01-01').accepted).toEqual([]);
  });

  it('refuses a rule without a name, and tells two rules at one place apart', () => {
    const entry: BaselineEntry = { ...arnEntry, check: 'behaviour', kind: 'state', rule: { name: 'a-rule' } };
    expect(() => parseBaseline(baseline({ ...entry, rule: {} as { name: string } }))).toThrow(
      /\/entries\/0\/rule: must have required property 'name'/,
    );
    expect(parseBaseline(baseline(entry, { ...entry, rule: { name: 'b-rule' } })).entries).toHaveLength(2);
    expect(() => parseBaseline(baseline(entry, entry))).toThrow(/duplicates an earlier entry .* \[a-rule\]/);
  });
});

describe('loadBaseline', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baseline-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const load = async (content: string) => {
    const path = join(dir, 'baseline.json');
    await writeFile(path, content);
    return loadBaseline(path);
  };

  it('loads a valid file', async () => {
    await expect(load(formatBaseline(baseline({ ...arnEntry, expires: '2025-01-31' })))).resolves.toEqual(
      baseline({ ...arnEntry, expires: '2025-01-31' }),
    );
  });

  it('names the file and the problem', async () => {
    await expect(loadBaseline(join(dir, 'missing.json'))).rejects.toThrow(
      /cannot read baseline .*missing\.json/,
    );
    await expect(load('{')).rejects.toThrow(/baseline .*baseline\.json is not JSON/);
    await expect(load('{"version":2,"entries":[]}')).rejects.toThrow(/\/version/);
    await expect(load(JSON.stringify(baseline({ ...arnEntry, kind: 'odd' as 'state' })))).rejects.toThrow(
      /\/entries\/0\/kind: must be one of missing-member/,
    );
    await expect(load(JSON.stringify({ version: 1, entries: [{ ...arnEntry, note: 1 }] }))).rejects.toThrow(
      /\/entries\/0: unknown member 'note'/,
    );
    const noReason = Object.fromEntries(Object.entries(arnEntry).filter(([key]) => key !== 'reason'));
    await expect(load(JSON.stringify({ version: 1, entries: [noReason] }))).rejects.toThrow(/reason/);
    await expect(load(JSON.stringify(baseline({ ...arnEntry, expires: '2025-02-30' })))).rejects.toThrow(
      /\/entries\/0\/expires '2025-02-30' is not a calendar date/,
    );
    await expect(load(JSON.stringify(baseline(arnEntry, { ...arnEntry, reason: 'again' })))).rejects.toThrow(
      /\/entries\/1 duplicates an earlier entry/,
    );
  });
});
