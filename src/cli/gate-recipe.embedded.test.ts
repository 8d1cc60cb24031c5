import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MutationProxy } from '../../test/support/mutation-proxy.ts';
import { NUMBER_AS_STRING } from '../../test/support/mutations.ts';
import type { Report } from '../deviations/index.ts';
import { startEmbeddedTarget, type StartedTarget } from '../targets/index.ts';
import { type CliResult, describeResult, runCli } from './test-support/run-cli.ts';

/**
 * The README's gate recipe, as written: write a baseline against a running emulator, then gate the same
 * unchanged emulator with it. One cognito-local, reached on two ports (directly, and through a proxy that
 * forwards every byte), with two seeds: identity holds no port, no seed and no generated value, so the gate
 * passes with nothing new. Then one new deviation, injected through the mutation proxy, fails it and is named
 * in the console, the Markdown and JUnit.
 */
let dir: string;
let emulator: StartedTarget;
let otherPort: MutationProxy;
let mutated: MutationProxy;
let written: CliResult;
let gated: CliResult;
let broken: CliResult;

const baselinePath = (): string => join(dir, 'conformance-baseline.json');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-gate-recipe-'));
  emulator = await startEmbeddedTarget();
  otherPort = await MutationProxy.start(emulator.descriptor.endpoint);
  mutated = await MutationProxy.start(emulator.descriptor.endpoint, { mutation: NUMBER_AS_STRING });
  const endpoint = emulator.descriptor.endpoint;
  written = await runCli([
    'run',
    '--endpoint',
    endpoint,
    '--seed',
    '11',
    '--write-baseline',
    baselinePath(),
    '--report-only',
    '--out',
    join(dir, 'written'),
  ]);
  const gate = (url: string, seed: string, out: string): Promise<CliResult> =>
    runCli([
      'run',
      '--endpoint',
      url,
      '--seed',
      seed,
      '--baseline',
      baselinePath(),
      '--format',
      'json,md,junit',
      '--out',
      join(dir, out),
    ]);
  gated = await gate(otherPort.endpoint, '12', 'gated');
  broken = await gate(mutated.endpoint, '13', 'broken');
}, 600_000);

afterAll(async () => {
  await otherPort?.close();
  await mutated?.close();
  await emulator?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function reportOf(label: string): Promise<Report> {
  return JSON.parse(await readFile(join(dir, label, 'report.json'), 'utf8')) as Report;
}

function junitCounts(xml: string): { failures: string; skipped: string } {
  const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
    testsuites: Record<string, string>;
  };
  return { failures: doc.testsuites['@_failures'] ?? '', skipped: doc.testsuites['@_skipped'] ?? '' };
}

describe('the README gate recipe', { timeout: 60_000 }, () => {
  it('names the emulator, not its port, so the baseline holds on another port', async () => {
    expect(written.code, describeResult(written)).toBe(0);
    const [first, second] = [await reportOf('written'), await reportOf('gated')];
    expect(first.target.name).toBe('cognito-local');
    expect(second.target.name).toBe('cognito-local');
    expect(first.target.endpoint).not.toBe(second.target.endpoint);
    expect([first.run.seed, second.run.seed]).toEqual([11, 12]);
  });

  it('passes the same unchanged emulator with another seed on another port: exit 0, 0 new', async () => {
    expect(gated.code, describeResult(gated)).toBe(0);
    expect(gated.stdout).toContain('gate: passed: no deviation is new since the baseline');
    expect(gated.stdout).toMatch(/baseline: \d+ accepted, 0 new, \d+ unreviewed, 0 expired, 0 fixed/);
    const markdown = await readFile(join(dir, 'gated', 'report.md'), 'utf8');
    expect(markdown).toContain('## New since the baseline\n\n**The gate passes:**');
    const junit = junitCounts(await readFile(join(dir, 'gated', 'report.junit.xml'), 'utf8'));
    expect(junit.failures).toBe('0');
    expect(Number(junit.skipped)).toBeGreaterThan(0);
  });

  it('fails on one new deviation, and names it first in the console, in Markdown and in JUnit', async () => {
    expect(broken.code, describeResult(broken)).toBe(1);
    expect(mutated.mutatedExchanges).toBeGreaterThan(0);
    const identity = 'DescribeUserPool response-schema wrong-type /UserPool/EstimatedNumberOfUsers';
    const gateAt = broken.stdout.indexOf('gate: FAILED: 1 new since the baseline');
    expect(gateAt, describeResult(broken)).toBeGreaterThanOrEqual(0);
    expect(broken.stdout.indexOf(identity)).toBeGreaterThan(gateAt);
    expect(broken.stdout.indexOf(identity)).toBeLessThan(broken.stdout.indexOf('Operation  '));
    const markdown = await readFile(join(dir, 'broken', 'report.md'), 'utf8');
    const opening = markdown.slice(0, markdown.indexOf('## Operations'));
    expect(opening).toContain('## New since the baseline');
    expect(opening).toContain('**The gate fails:** 1 deviation is new since the baseline.');
    expect(opening).toContain(identity);
    const xml = await readFile(join(dir, 'broken', 'report.junit.xml'), 'utf8');
    expect(junitCounts(xml).failures).toBe('1');
    expect(xml).toMatch(/<failure message="1 deviation[^"]*wrong-type at \/UserPool\/EstimatedNumberOfUsers/);
  });
});
