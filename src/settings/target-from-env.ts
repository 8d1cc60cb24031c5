import { parseTargetSelection, type TargetSelection } from '../targets/index.ts';
import { ENV } from './run-settings.ts';

/**
 * The target selection from the environment, for runs started by plain `vitest`: `COGNITO_CONFORMANCE_TARGET`,
 * `_ENDPOINT`, `_REGION`, `_IMAGE` and `_ALLOW_AWS` (see {@link ENV}).
 * @throws Error as {@link parseTargetSelection} does.
 */
export function targetSelectionFromEnv(env: NodeJS.ProcessEnv = process.env): TargetSelection {
  return parseTargetSelection({
    ...(env[ENV.target] ? { target: env[ENV.target] } : {}),
    ...(env[ENV.endpoint] ? { endpoint: env[ENV.endpoint] } : {}),
    ...(env[ENV.region] ? { region: env[ENV.region] } : {}),
    ...(env[ENV.image] ? { image: env[ENV.image] } : {}),
    allowAws: env[ENV.allowAws] === '1',
  });
}
