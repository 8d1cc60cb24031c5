/**
 * Label on every container the suite starts, valued with the target's name. Ryuk (testcontainers' reaper)
 * cannot run where no registry is reachable, so `scripts/container-engine.sh --stop` removes containers by
 * this label instead. Keep the two in step. In a module of its own so that naming it loads no testcontainers.
 */
export const LAUNCHER_LABEL = 'cognito-conformance.launcher';
