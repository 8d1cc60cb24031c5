import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanupByPrefix } from '../src/resources/index.ts';
import { loadOperationSpecs, SpecValidators } from '../src/spec/index.ts';
import { startEmbeddedTarget } from '../src/targets/index.ts';
import { type TargetDescriptor, WireClient } from '../src/wire/index.ts';
import { runEngine } from './engine-run.ts';
import { measureGenerationCost } from './generation-cost.ts';

// `npm run bench`: the figures behind the README's performance section. Everything runs against a
// cognito-local on loopback; nothing here is a pass/fail test.

// Node 20 is this project's pinned runtime; the SDK's reminder about Node 22 is noise here.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'cognito-conformance.mjs');
const OVERHEAD_OPERATIONS = [
  'ListUserPools',
  'DescribeUserPool',
  'DescribeUserPoolClient',
  'UpdateUserPool',
  'CreateUserPoolClient',
];

const SECTIONS = ['profile', 'overhead', 'costs', 'scaling'] as const;
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
};
const rows: [string, string][] = [];
const note = (label: string, value: string) => {
  rows.push([label, value]);
  process.stderr.write(`${label}: ${value}\n`);
};

if (wanted('profile')) {
  const cold = await timeCli(['run', '--report-only']);
  results['quickProfileColdMs'] = cold.ms;
  results['peakMemoryMiB'] = cold.peakRssMiB;
  note('quick profile, cold (starts cognito-local)', `${(cold.ms / 1000).toFixed(1)} s`);
  note('peak memory of the whole run (all processes)', `${cold.peakRssMiB.toFixed(0)} MiB`);
}

const target = await startEmbeddedTarget();
try {
  if (wanted('profile')) {
    const warm = await timeCli(['run', '--report-only', '--endpoint', target.descriptor.endpoint]);
    results['quickProfileWarmMs'] = warm.ms;
    note('quick profile, warm (target already running)', `${(warm.ms / 1000).toFixed(1)} s`);
  }
  if (wanted('overhead')) await measureOverhead(target.descriptor);
  if (wanted('costs')) await measureCosts(target.descriptor);
  if (wanted('scaling')) await measureScaling(target.descriptor);
} finally {
  await target.stop();
}

results['benchProcessMaxRssMiB'] = process.resourceUsage().maxRSS / 1024;
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const width = Math.max(...rows.map(([label]) => label.length));
process.stdout.write(
  `\n${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n\nwrote bench/results.json\n`,
);

async function measureOverhead(target: TargetDescriptor): Promise<void> {
  const overhead = await runEngine(target, specs, validators, OVERHEAD_OPERATIONS, 15, {
    compareWithBareLoop: true,
  });
  const suiteRps = overhead.exchanges.length / (overhead.ms / 1000);
  const bareRps = (overhead.bare?.requests ?? 0) / ((overhead.bare?.ms ?? 1) / 1000);
  // Stricter than the ratio: the bare loop replays after the suite, against a target whose store has grown
  // (cognito-local rewrites its whole database file on each write), which flatters the suite.
  const wireShare = overhead.exchanges.reduce((sum, exchange) => sum + exchange.ms, 0) / overhead.ms;
  results['overhead'] = {
    suiteRequests: overhead.exchanges.length,
    suiteRps,
    bareRps,
    ratio: suiteRps / bareRps,
    wireShare,
  };
  note('suite requests/s (judging, one connection)', suiteRps.toFixed(0));
  note('bare SDK loop requests/s (same requests)', bareRps.toFixed(0));
  note('harness overhead ratio (suite / bare, aim ≥ 0.85)', (suiteRps / bareRps).toFixed(2));
  note('share of judging time spent on the wire', wireShare.toFixed(2));
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
    note(`wall time, ${runs} runs per property (2 operations)`, `${(run.ms / 1000).toFixed(2)} s`);
  }
  results['wallTimeByRunsPerPropertyMs'] = byRuns;

  const byPools: Record<string, number> = {};
  for (const pools of [0, 100, 1000]) {
    await fillPools(target, pools);
    const run = await runEngine(target, specs, validators, ['ListUserPools'], 15);
    byPools[pools] = run.ms;
    note(`ListUserPools checks with ${pools} pools on the target`, `${(run.ms / 1000).toFixed(2)} s`);
    await cleanupByPrefix(target, 'cc-fill-');
  }
  results['listUserPoolsWallTimeByPoolsMs'] = byPools;
}

/** Runs the CLI and samples the resident memory of its whole process tree every 100 ms. */
async function timeCli(args: string[]): Promise<{ ms: number; peakRssMiB: number }> {
  const out = mkdtempSync(join(tmpdir(), 'cc-bench-'));
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args, '--out', out], {
    cwd: ROOT,
    env: { ...process.env, CI: '1', COGNITO_CONFORMANCE_SEED: '42' },
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
