import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleTable, validateReport } from '../report/index.ts';
import type { Report } from '../deviations/index.ts';
import { startEmbeddedTarget, type StartedTarget } from '../targets/index.ts';
import { startRecordingProxy, type RecordingProxy } from './test-support/recording-proxy.ts';
import { describeResult, runCli, type CliResult } from './test-support/run-cli.ts';
import { leakedSecrets, secretsOnTheWire } from './test-support/wire-secrets.ts';

/**
 * One `run` through the real bin against a cognito-local this test starts itself, behind a recording proxy
 * of its own, with every output turned on: all four report formats, the GitHub step summary, CI set on a
 * terminal. The
 * operations sign users in with secret app clients, so passwords, client secrets, SECRET_HASH values and
 * tokens cross the wire; none of them may reach any file or stream the run writes.
 */
const OPERATIONS = ['InitiateAuth', 'AdminInitiateAuth', 'CreateUserPoolClient'];
const STEP_SUMMARY_BEFORE = '## An earlier step\n\nwas here.\n\n';

let target: StartedTarget;
let proxy: RecordingProxy;
let dir: string;
let result: CliResult;
let report: Report;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-run-outputs-'));
  target = await startEmbeddedTarget();
  proxy = await startRecordingProxy(target.descriptor.endpoint);
  await writeFile(join(dir, 'step-summary.md'), STEP_SUMMARY_BEFORE);
  result = await runCli(
    [
      'run',
      '--endpoint',
      proxy.endpoint,
      '--ops',
      OPERATIONS.join(','),
      '--runs',
      '3',
      '--seed',
      '7',
      '--format',
      'json,md,junit,html',
      '--out',
      join(dir, 'out'),
      '--report-only',
    ],
    // On a terminal, where progress lines would show but for CI.
    { onTerminal: true, env: { CI: 'true', GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md') } },
  );
  report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as Report;
}, 600_000);

afterAll(async () => {
  await proxy?.close();
  await target?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('run --endpoint against a cognito-local started by the test', () => {
  it('completes with exit 0 (--report-only) and a report valid against the report schema', () => {
    expect(result.code, describeResult(result)).toBe(0);
    const validation = validateReport(report);
    expect(validation.errors).toEqual([]);
    expect(report.target.kind).toBe('endpoint');
    expect(report.target.endpoint).toBe(proxy.endpoint);
    expect(report.run.seed).toBe(7);
    expect(report.operations.map((op) => op.operation)).toEqual(expect.arrayContaining(OPERATIONS));
  });

  it('writes all four formats, and the JUnit file is well-formed XML with a suite per operation and per resource group', async () => {
    expect((await readdir(join(dir, 'out'))).sort()).toEqual([
      'report.html',
      'report.json',
      'report.junit.xml',
      'report.md',
    ]);
    const xml = await readFile(join(dir, 'out', 'report.junit.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' }).parse(
      xml,
    ) as {
      testsuites: { testsuite: { '@_name': string }[] };
    };
    const names = parsed.testsuites.testsuite.map((suite) => suite['@_name']);
    const coverage = names.filter((name) => name.startsWith('coverage: '));
    // InitiateAuth and AdminInitiateAuth are operations of the behaviour rules: their run judges them too.
    expect(report.behaviour?.length).toBeGreaterThan(0);
    expect(names).toContain('behaviour');
    expect(names.filter((name) => !coverage.includes(name) && name !== 'behaviour').sort()).toEqual(
      report.operations.map((op) => op.operation).sort(),
    );
    expect(coverage).toEqual(report.coverage?.groups.map((entry) => `coverage: ${entry.group}`));
    const html = await readFile(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(await readFile(join(dir, 'out', 'report.md'), 'utf8')).toContain(report.target.name);
  });

  it('appends the Markdown summary to GITHUB_STEP_SUMMARY after what was there', async () => {
    const summary = await readFile(join(dir, 'step-summary.md'), 'utf8');
    expect(summary.startsWith(STEP_SUMMARY_BEFORE)).toBe(true);
    const appended = summary.slice(STEP_SUMMARY_BEFORE.length);
    expect(appended).toContain(report.target.name);
    for (const operation of OPERATIONS) expect(appended).toContain(operation);
  });

  it('on a terminal with CI set prints nothing on stdout but the table, its summary line and the files written', () => {
    const files = ['json', 'md', 'junit.xml', 'html'].map(
      (extension) => `wrote ${join(dir, 'out', `report.${extension}`)}`,
    );
    // Terminal control sequences are not lines (vitest shows the cursor again when it closes).
    const printed = result.stdout.replace(/\u001b\[\??[0-9;]*[A-Za-z]/g, '');
    expect(printed).toBe(`\n${consoleTable(report)}\n${files.join('\n')}\n`);
  });

  it('sent secrets on the wire and wrote none of them anywhere', async () => {
    const secrets = secretsOnTheWire(proxy.exchanges);
    const kinds = new Set(
      proxy.exchanges.flatMap((exchange) => secretKinds(exchange.requestBody + exchange.responseBody)),
    );
    // The run really did what this test is about: secret clients, sign-ins, tokens.
    expect([...kinds].sort()).toEqual([
      'AccessToken',
      'ClientSecret',
      'IdToken',
      'PASSWORD',
      'RefreshToken',
      'SECRET_HASH',
    ]);
    expect(secrets.size).toBeGreaterThan(10);
    const outputs: Record<string, string> = {
      stdout: result.stdout,
      stderr: result.stderr,
      'step summary': await readFile(join(dir, 'step-summary.md'), 'utf8'),
    };
    for (const file of await readdir(join(dir, 'out')))
      outputs[file] = await readFile(join(dir, 'out', file), 'utf8');
    const leaks = Object.entries(outputs).flatMap(([where, text]) =>
      leakedSecrets(text, secrets).map((secret) => `${where}: ${secret}`),
    );
    expect(leaks).toEqual([]);
  });
});

function secretKinds(text: string): string[] {
  return ['AccessToken', 'ClientSecret', 'IdToken', 'PASSWORD', 'RefreshToken', 'SECRET_HASH'].filter(
    (name) => text.includes(`"${name}":"`),
  );
}
