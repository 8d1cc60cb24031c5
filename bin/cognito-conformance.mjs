#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so there is no build step between a clone and a run.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// A small young generation for every isolate this process starts (the suite's worker threads included): the
// suites allocate short-lived objects steadily, and the default semi-spaces (16 MiB each) would otherwise grow in
// every worker. When this was chosen (2026-11-30), the quick profile's peak fell by about 60 MiB and its wall time
// grew by about 5%; the bench measures the setting as shipped, not the comparison.
setFlagsFromString('--max-semi-space-size=2');

// Node 20 is this project's pinned runtime; the SDK's reminder about Node 22 would repeat in every worker.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// `run` drives vitest in this process. Loaded before tsx's loader is registered, vitest's own bundles are read
// by Node directly; loaded after, every one of them passes through the loader too, which costs about 170 MiB.
if (process.argv[2] === 'run') await import('vitest/node');
register();
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
