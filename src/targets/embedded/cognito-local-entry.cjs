// Runs cognito-local inside a child process whose working directory is its own throwaway data dir.
// The parent keeps an IPC channel open; when it closes (parent exited, crashed or was killed) this
// process removes its data directory and exits, so no emulator, port or directory outlives the suite.
'use strict';
const fs = require('node:fs');
const dataDir = process.cwd();

function removeDataDirAndExit(code) {
  try {
    fs.rmSync(dataDir, { recursive: true, force: true });
  } finally {
    process.exit(code);
  }
}

process.on('disconnect', () => removeDataDirAndExit(0));
process.on('SIGTERM', () => removeDataDirAndExit(0));
process.on('SIGINT', () => removeDataDirAndExit(0));
require(process.env.COGNITO_LOCAL_START_SCRIPT);
