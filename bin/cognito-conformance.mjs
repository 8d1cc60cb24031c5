#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so there is no build step between a clone and a run.
import { register } from 'tsx/esm/api';

// Node 20 is this project's pinned runtime; the SDK's reminder about Node 22 would repeat in every worker.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

register();
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
