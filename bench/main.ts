import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Report } from '../src/deviations/index.ts';
import { DEFAULT_CONCURRENCY } from '../src/cli/index.ts';
import { cleanupByPrefix } from '../src/resources/index.ts';
import { ENV } from '../src/settings/index.ts';
import { loadOperationSpecs, SpecValidators } from '../src/spec/index.ts';
import { startEmbeddedTarget } from '../src/targets/index.ts';
import { readWireRecording, type TargetDescriptor, WireClient } from '../src/wire/index.ts';
import { runEngine } from './engine-run.ts';
import { measureGenerationCost } from './generation-cost.ts';
import { replayStreams } from './replay.ts';

// `npm run bench`: the figures behind the README's performance section. Everything runs against cognito-local
// on loopback; nothing here is a pass/fail test.
//
// Efficiency compares like with like, in the same run: the quick profile's own request stream (recorded by
// every suite worker) is replayed as raw awsJson1.1 against a fresh cognito-local, at the same concurrency.
// efficiency = replay time ÷ suite time. The cold figure's suite time includes everything `npm run
// conformance` does (loading, starting cognito-local, vitest, workers, reports); the warm one is a run against
// an endpoint already running.

// Node 20 is this project's pinned runtime; the SDK's reminder about Node 22 is noise here.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'cognito-conformance.mjs');
/** The Node flags of `npm run conformance`, read from package.json, so the figures are the ones a user gets. */
const NODE_FLAGS = nodeFlagsOfConformanceScript();
/** The sweep that shows where more workers stop helping (the CLI's default is in it). */
const CONCURRENCY_SWEEP = [1, 2, 3];
const SEED = '42';

const SECTIONS = ['profile', 'costs', 'scaling'] as const;
const { values: flags } = parseArgs({ options: { only: { type: 'string' } } });
const only = flags.only?.split(',');
if (only?.some((section) => !(SECTIONS as readonly string[]).includes(section))) {
  throw new Error(`bench: --only takes ${SECTIONS.join(',')}`);
}
const wanted = (section: (typeof SECTIONS)[number]) => only === undefined || only.includes(section);

const specs = loadOperationSpecs();
const validators = new SpecValidators(specs);
const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  seed: Number(SEED),
};
const rows: [string, string][] = [];
const note = (label: string, value: string) => {
  rows.push([label, value]);
  process.stderr.write(`${label}: ${value}\n`);
};

if (wanted('profile')) await measureProfile();
if (wanted('costs') || wanted('scaling')) {
  const target = await startEmbeddedTarget();
  try {
    if (wanted('costs')) await measureCosts(target.descriptor);
    if (wanted('scaling')) await measureScaling(target.descriptor);
  } finally {
    await target.stop();
  }
}

results['benchProcessMaxRssMiB'] = process.resourceUsage().maxRSS / 1024;
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const width = Math.max(...rows.map(([label]) => label.length));
process.stdout.write(
  `\n${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n\nwrote bench/results.json\n`,
);

/** One timed CLI run, its request stream replayed on a fresh target at the same concurrency. */
interface ProfileRun {
  readonly concurrency: number;
  readonly wallMs: number;
  readonly replayMs: number;
  readonly efficiency: number;
  readonly requests: number;
  readonly replayedSameStatus: number;
  readonly peakMemoryMiB: number;
}

async function measureProfile(): Promise<void> {
  const byConcurrency: Record<string, ProfileRun> = {};
  let report: Report | undefined;
  for (const concurrency of CONCURRENCY_SWEEP) {
    const run = await profileRun(concurrency, []);
    byConcurrency[concurrency] = run.figures;
    if (concurrency === DEFAULT_CONCURRENCY) report = run.report;
    note(
      `quick profile, cold, concurrency ${concurrency}`,
      `${seconds(run.figures.wallMs)} · replay ${seconds(run.figures.replayMs)} · efficiency ${run.figures.efficiency.toFixed(2)} · peak ${run.figures.peakMemoryMiB.toFixed(0)} MiB`,
    );
  }
  const cold = byConcurrency[DEFAULT_CONCURRENCY] as ProfileRun;
  const running = await startEmbeddedTarget();
  let warm: ProfileRun;
  try {
    warm = (await profileRun(DEFAULT_CONCURRENCY, ['--endpoint', running.descriptor.endpoint])).figures;
  } finally {
    await running.stop();
  }
  note(
    `quick profile, warm, concurrency ${DEFAULT_CONCURRENCY}`,
    `${seconds(warm.wallMs)} · replay ${seconds(warm.replayMs)} · efficiency ${warm.efficiency.toFixed(2)}`,
  );
  const operations = Object.fromEntries(
    (report?.operations ?? []).map((op) => [op.operation, { requests: op.requests, coverage: op.coverage }]),
  );
  const rules = (report?.operations ?? []).reduce(
    (sum, op) => ({
      rules: sum.rules + (op.coverage?.rules ?? 0),
      exercised: sum.exercised + (op.coverage?.exercised ?? 0),
    }),
    { rules: 0, exercised: 0 },
  );
  for (const op of report?.operations ?? []) {
    const r = op.requests;
    note(
      `  ${op.operation}`,
      `coverage ${r?.coverage ?? 0} · exploration ${r?.exploration ?? 0} · shrinking ${r?.shrinking ?? 0} · other ${r?.other ?? 0} · rules ${op.coverage?.exercised ?? 0}/${op.coverage?.rules ?? 0} (${op.verdict})`,
    );
  }
  note('rule coverage (all operations)', `${rules.exercised}/${rules.rules}`);
  results['quickProfile'] = {
    concurrency: DEFAULT_CONCURRENCY,
    cold,
    warm,
    byConcurrency,
    ruleCoverage: rules,
    operations,
  };
}

async function profileRun(
  concurrency: number,
  extra: readonly string[],
): Promise<{ figures: ProfileRun; report: Report }> {
  const recording = mkdtempSync(join(tmpdir(), 'cc-bench-wire-'));
  const out = mkdtempSync(join(tmpdir(), 'cc-bench-out-'));
  try {
    const suite = await timeCli(
      [
        'run',
        '--report-only',
        '--concurrency',
        String(concurrency),
        '--out',
        out,
        '--format',
        'json',
        ...extra,
      ],
      { [ENV.wireRecording]: recording },
    );
    const streams = readWireRecording(recording);
    const fresh = await startEmbeddedTarget();
    let replay;
    try {
      replay = await replayStreams(streams, fresh.descriptor.endpoint, concurrency);
    } finally {
      await fresh.stop();
    }
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    return {
      report,
      figures: {
        concurrency,
        wallMs: suite.ms,
        replayMs: replay.ms,
        efficiency: replay.ms / suite.ms,
        requests: replay.requests,
        replayedSameStatus: replay.sameStatus,
        peakMemoryMiB: suite.peakRssMiB,
      },
    };
  } finally {
    // The recording is raw traffic, secrets and all: it never outlives the measurement.
    rmSync(recording, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

async function measureCosts(target: TargetDescriptor): Promise<void> {
  const ajvMicros = await ajvCost(target);
  results['ajvMicrosPerResponse'] = ajvMicros;
  note('ajv validation per DescribeUserPool response', `${ajvMicros.toFixed(1)} µs`);
  const generation = await measureGenerationCost();
  results['generationMicrosPerRequest'] = generation.perRequestMicros;
  note('fast-check generation per request', `${generation.perRequestMicros.toFixed(1)} µs`);
}

async function measureScaling(target: TargetDescriptor): Promise<void> {
  const byRuns: Record<string, number> = {};
  for (const runs of [10, 50, 200]) {
    const run = await runEngine(target, specs, validators, ['ListUserPools', 'DescribeUserPool'], runs);
    byRuns[runs] = run.ms;
    note(`wall time, ${runs} runs per property (2 operations)`, seconds(run.ms, 2));
  }
  results['wallTimeByRunsPerPropertyMs'] = byRuns;

  const all = specs.map((spec) => spec.operation);
  const byOperations: Record<string, { ms: number; requests: number }> = {};
  for (const count of [1, 5, all.length]) {
    const run = await runEngine(target, specs, validators, all.slice(0, count), 15);
    byOperations[count] = { ms: run.ms, requests: run.requests };
    note(
      `generic checks of ${count} operation(s), quick profile`,
      `${seconds(run.ms, 2)} · ${run.requests} requests`,
    );
  }
  results['wallTimeByOperations'] = byOperations;

  const byPools: Record<string, number> = {};
  for (const pools of [0, 100, 1000]) {
    await fillPools(target, pools);
    const run = await runEngine(target, specs, validators, ['ListUserPools'], 15);
    byPools[pools] = run.ms;
    note(`ListUserPools checks with ${pools} pools on the target`, seconds(run.ms, 2));
    await cleanupByPrefix(target, 'cc-fill-');
  }
  results['listUserPoolsWallTimeByPoolsMs'] = byPools;
}

/** Runs the CLI as `npm run conformance` does and samples the resident memory of its whole process tree every 100 ms. */
async function timeCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ ms: number; peakRssMiB: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: '1', [ENV.seed]: SEED, ...env },
    stdio: 'ignore',
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssKiB(child.pid ?? -1))), 100);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`bench: cognito-conformance ${args.join(' ')} exited with ${code}`);
  return { ms: performance.now() - started, peakRssMiB: peak / 1024 };
}

function treeRssKiB(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    total += rss.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

async function ajvCost(target: TargetDescriptor): Promise<number> {
  const wire = new WireClient(target);
  try {
    const created = await wire.send('CreateUserPool', { PoolName: 'cc-bench-ajv' });
    const id = (created.output?.['UserPool'] as { Id: string }).Id;
    const body = (await wire.send('DescribeUserPool', { UserPoolId: id })).exchange.body;
    await wire.send('DeleteUserPool', { UserPoolId: id });
    const iterations = 20_000;
    const started = performance.now();
    for (let i = 0; i < iterations; i++) validators.responseErrors('DescribeUserPool', body);
    return ((performance.now() - started) * 1000) / iterations;
  } finally {
    wire.destroy();
  }
}

async function fillPools(target: TargetDescriptor, count: number): Promise<void> {
  const wire = new WireClient(target);
  try {
    for (let i = 0; i < count; i++) await wire.send('CreateUserPool', { PoolName: `cc-fill-${i}` });
  } finally {
    wire.destroy();
  }
}

function nodeFlagsOfConformanceScript(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [node, ...rest] = (pkg.scripts['conformance'] ?? '').split(/\s+/);
  if (node !== 'node') throw new Error('bench: package.json scripts.conformance no longer starts with node');
  return rest.slice(
    0,
    rest.findIndex((word) => !word.startsWith('--')),
  );
}

function seconds(ms: number, digits = 1): string {
  return `${(ms / 1000).toFixed(digits)} s`;
}
