import { TARGET_PREFIX } from '../../specs/format/index.ts';
import type { ReportDeviation } from './deviation.ts';
import { identityText } from './identity.ts';
import { redactSecrets } from './redact.ts';
import type { ReportTarget } from './report-model.ts';
import {
  isReplayedCheck,
  plannedValues,
  REDACTED_USERNAME,
  REPORT_PREFIX_TOKEN,
  type ReproductionPlan,
  reproductionPlan,
  unsaidUnknownId,
} from './reproduction-plan.ts';
import { UNKNOWN_CLIENT_ID, UNKNOWN_USER_POOL_ID } from './unknown-ids.ts';

/** Where a reproduction is aimed. */
export interface ReproductionTarget {
  readonly kind: string;
  readonly name?: string;
  /** The emulator a container target launches (`container:<emulator>`). */
  readonly emulator?: string;
  readonly endpoint: string;
  readonly region: string;
}

/**
 * For findings no single request reproduces (a command sequence, say): the run itself, replayed with
 * its seed, for just that operation.
 */
export function replayRunCommand(target: ReproductionTarget, operation: string, runSeed: number): string {
  return `npx cognito-conformance run${targetFlags(target)} --ops ${operation} --seed ${runSeed}`;
}

function targetFlags(target: ReproductionTarget): string {
  switch (target.kind) {
    case 'embedded':
      return '';
    case 'aws':
      return ` --target aws --region ${target.region} --allow-aws`;
    case 'container':
      return ` --target container:${target.emulator ?? target.name ?? 'cognito-local'}`;
    default:
      return ` --endpoint ${target.endpoint}`;
  }
}

/**
 * The record-time command of one finding: what the engine writes before the report exists. The report replaces
 * it with a {@link reproductionScript} once its tokens are numbered; a record-time command tells that script
 * whether the request was sent raw (a `curl` command) or through the SDK (`aws`).
 *
 * A runnable command that sends `request` again. Requests the SDK would send go through the AWS CLI;
 * raw (deliberately invalid) ones through curl, since the CLI validates input and would refuse them.
 * It holds the request as sent, secrets included: whatever writes it out redacts it ({@link redactString}).
 */
export function reproductionCommand(
  target: ReproductionTarget,
  operation: string,
  request: unknown,
  options: { readonly raw: boolean },
): string {
  const json = JSON.stringify(request ?? {});
  return options.raw ? curlCommand(target, operation, json) : awsCliCommand(target, operation, json);
}

function awsCliCommand(target: ReproductionTarget, operation: string, json: string): string {
  const endpoint = target.kind === 'aws' ? '' : ` --endpoint-url ${target.endpoint}`;
  return `aws cognito-idp ${kebabCase(operation)}${endpoint} --region ${target.region} --cli-input-json ${shellQuote(json)}`;
}

function curlCommand(target: ReproductionTarget, operation: string, json: string): string {
  const url =
    target.kind === 'aws'
      ? `https://cognito-idp.${target.region}.amazonaws.com/`
      : `${target.endpoint.replace(/\/$/, '')}/`;
  const signing =
    target.kind === 'aws'
      ? ` --aws-sigv4 aws:amz:${target.region}:cognito-idp --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"`
      : '';
  return (
    `curl -sS -X POST ${url}${signing} -H 'Content-Type: application/x-amz-json-1.1'` +
    ` -H 'X-Amz-Target: ${TARGET_PREFIX}.${operation}' --data ${shellQuote(json)}`
  );
}

/** `CreateUserPoolClient` → `create-user-pool-client`, the AWS CLI's command names. */
export function kebabCase(operation: string): string {
  return operation.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Whether a record-time command ({@link reproductionCommand}) sent its request raw, past the SDK's serialisation. */
export function sentRaw(command: string): boolean {
  return command.startsWith('curl ');
}

/** The first line of every reproduction script: how a script is told from a record-time command. */
export const SCRIPT_SHEBANG = '#!/bin/sh';

/** Where the emulators listen by default, for a script whose run started its own (embedded, container). */
const EMULATOR_PORTS: Readonly<Record<string, number>> = {
  'cognito-local': 9229,
  moto: 5000,
  localstack: 4566,
};

/** What {@link reproductionScript} writes a script from: the report's parts that a deviation depends on. */
export interface ReproductionScriptInput {
  /** The report's target; for `aws` the region is read off its endpoint (`cognito-idp.<region>.amazonaws.com`). */
  readonly target: Pick<ReportTarget, 'kind' | 'name' | 'endpoint' | 'emulator' | 'image'>;
  /** The report's run: its seed and profile replay checks no single request shows. */
  readonly run: { readonly seed: number; readonly profile: string };
  readonly operation: string;
  /** The deviation as the report holds it: tokens numbered (`<pool-id:1>`); redacted here if it is not yet. */
  readonly deviation: ReportDeviation;
  /** Whether the request was sent raw (see {@link sentRaw}); default: read off the deviation's command. */
  readonly raw?: boolean;
}

/**
 * A runnable POSIX `sh` script that shows a report deviation again against a target, as the report's
 * `reproduce.command`:
 * - `ENDPOINT="${ENDPOINT:-…}"` first: the target's endpoint, or for a target the run started and stopped
 *   (embedded, container) the emulator's usual local port, with a note on how to start one;
 * - for emulators, dummy credentials the AWS CLI signs with (emulators accept any), never for `aws`;
 * - the set-up the request needs ({@link reproductionPlan}): pools, an app client, a user with a password made
 *   here, a refresh token, each in a shell variable (`POOL_ID_1=$(aws cognito-idp create-user-pool …)`), all
 *   under a fresh prefix, deleted by prefix when the script exits; the suite's own unknown ids (an error-shape
 *   request names one) are sent as they are, with a comment;
 * - the request, with the report's tokens filled in by `fill` at run time: `curl -i` when the difference is in
 *   a header, the status or the error answered (or the request was sent raw), the AWS CLI otherwise.
 * Checks no single request shows ({@link isReplayedCheck}) get the run replayed for the operation instead, its
 * report written to {@link REPLAY_REPORT_DIR} rather than over the report the script came from.
 * The text holds the report's tokens only, never a secret, and stays the same when the report is redacted
 * (`redactString(script) === script`); it depends on nothing but its input, so a seed still gives one report.
 */
export function reproductionScript(input: ReproductionScriptInput): string {
  const { operation, deviation } = input;
  const lines = [
    SCRIPT_SHEBANG,
    `# ${operation} · ${deviation.check} · ${deviation.kind} at ${deviation.path || '(whole body)'} (cognito-conformance)`,
    `# Judged again by: npx cognito-conformance reproduce report.json ${shellQuote(identityText({ operation, ...deviation }))}`,
  ];
  return (
    isReplayedCheck(deviation.check) ? [...lines, ...replayLines(input)] : [...lines, ...requestLines(input)]
  ).join('\n');
}

/**
 * Where a replay script's run writes its report: a directory of its own, never the default `reports/`, where a
 * script run from the checkout would replace the report it came from (and shift every `#N` of it).
 */
export const REPLAY_REPORT_DIR = '${TMPDIR:-/tmp}/cognito-conformance-reproduce';

function replayLines(input: ReproductionScriptInput): string[] {
  const { target, run, operation, deviation } = input;
  const profile = run.profile === 'quick' ? '' : ` --profile ${run.profile}`;
  const command =
    `npx cognito-conformance run${replayTargetFlags(input)} --ops ${operation} --seed ${run.seed}${profile}` +
    ` --report-only --out "${REPLAY_REPORT_DIR}"`;
  const lines = [
    `# No single request shows this: the ${deviation.check} check judges requests in sequence, with set-up of its`,
    `# own. This runs the checks of ${operation} again with the run's seed; the deviation shows in the new report.`,
    `# The new report goes to ${REPLAY_REPORT_DIR} (report.json, report.md), not to`,
    '# reports/, where, run from a checkout, it would replace the report this came from (and every #N in it).',
    'set -eu',
  ];
  if (target.kind === 'embedded')
    return [
      ...lines,
      '# It starts its own cognito-local; set ENDPOINT to run against an emulator that is already running.',
      command.replace(' --ops', ' ${ENDPOINT:+--endpoint "$ENDPOINT"} --ops'),
    ];
  if (target.kind === 'endpoint') return [...lines, `ENDPOINT="\${ENDPOINT:-${target.endpoint}}"`, command];
  return [...lines, command];
}

function replayTargetFlags(input: ReproductionScriptInput): string {
  const { target } = input;
  switch (target.kind) {
    case 'embedded':
      return '';
    case 'aws':
      return ` --target aws --region ${regionOf(target)} --allow-aws`;
    case 'container':
      return ` --target container:${target.emulator ?? target.name}`;
    default:
      return ' --endpoint "$ENDPOINT"';
  }
}

function requestLines(input: ReproductionScriptInput): string[] {
  const { target, operation } = input;
  const deviation = redactSecrets(input.deviation);
  const plan = reproductionPlan(deviation.request, { operation, path: deviation.path });
  const unsaid = unsaidUnknownId(deviation, plan);
  const aws = target.kind === 'aws';
  const raw = input.raw ?? sentRaw(input.deviation.reproduce.command);
  const showStatus =
    deviation.path === '/$status' ||
    deviation.path.startsWith('/$headers/') ||
    deviation.kind === 'accepted-invalid' ||
    deviation.kind === 'wrong-error' ||
    deviation.kind === 'malformed-error' ||
    deviation.kind === 'rejected-valid';
  const json = JSON.stringify(deviation.request);
  const lines = ['set -eu', ...endpointLines(input)];
  if (aws)
    lines.push('# Real Cognito: the AWS CLI and curl sign with your credentials (AWS_ACCESS_KEY_ID …).');
  else
    lines.push(
      '# Emulators accept any credentials: these dummy ones only let the AWS CLI sign its requests.',
      'export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"',
    );
  lines.push(
    `export AWS_REGION="\${AWS_REGION:-${regionOf(target)}}" AWS_PAGER=""`,
    "# The request is the report's: fill swaps its tokens (<pool-id:1>, cc-<run>-, <redacted:…>) for what the",
    '# set-up below makes, under a fresh prefix. Everything named with the prefix is deleted on exit.',
    'PREFIX="cc-repro$$-"',
    ...(plan.password
      ? [
          "# The run's password is never in a report: the set-up gives its user this one.",
          'PASSWORD_1="Aa1!repro$$"',
        ]
      : []),
    aws
      ? 'idp() { aws cognito-idp --region "$AWS_REGION" "$@"; }'
      : 'idp() { aws cognito-idp --endpoint-url "$ENDPOINT" --region "$AWS_REGION" "$@"; }',
    `fill() { printf '%s' "$1" | sed ${fillExpressions(plan).join(' ')}; }`,
    'cleanup() {',
    `  idp list-user-pools --max-results 60 --query "UserPools[?starts_with(Name, '$PREFIX')].Id" --output text |`,
    `    tr '\\t' '\\n' | while read -r id; do [ -z "$id" ] || idp delete-user-pool --user-pool-id "$id"; done`,
    '}',
    'trap cleanup EXIT',
    ...setupLines(plan),
    ...(unsaid ? [`# It cannot show the deviation: ${unsaid}.`] : []),
    ...plan.unresolved.map(
      (token) => `# ${token} stands for a value no set-up here makes: it is sent as the report writes it.`,
    ),
  );
  if (showStatus || raw) {
    lines.push(
      showStatus
        ? '# The request, with the status line and headers: the difference is there.'
        : '# The request, sent as it is: the AWS CLI would refuse it.',
      `curl ${showStatus ? '-i ' : ''}-sS -X POST "$ENDPOINT/"${aws ? ' --aws-sigv4 "aws:amz:$AWS_REGION:cognito-idp" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" ${AWS_SESSION_TOKEN:+-H "X-Amz-Security-Token: $AWS_SESSION_TOKEN"}' : ''}` +
        ` -H 'Content-Type: application/x-amz-json-1.1' -H 'X-Amz-Target: ${TARGET_PREFIX}.${operation}'` +
        ` --data "$(fill ${shellQuote(json)})"`,
      'echo',
    );
  } else {
    lines.push('# The request', `idp ${kebabCase(operation)} --cli-input-json "$(fill ${shellQuote(json)})"`);
  }
  return lines;
}

function endpointLines(input: ReproductionScriptInput): string[] {
  const { target } = input;
  if (target.kind === 'aws')
    return [`ENDPOINT="\${ENDPOINT:-https://cognito-idp.${regionOf(target)}.amazonaws.com}"`];
  if (target.kind === 'embedded')
    return [
      "# The run's own cognito-local is gone: start one with `npx cognito-local` (it listens on 9229), or set ENDPOINT.",
      'ENDPOINT="${ENDPOINT:-http://localhost:9229}"',
    ];
  if (target.kind === 'container') {
    const emulator = target.emulator ?? target.name;
    const port = EMULATOR_PORTS[emulator] ?? 9229;
    const image = target.image ?? emulator;
    return [
      `# The run's container is gone: start one (docker run --rm -p ${port}:${port} ${image}), or set ENDPOINT.`,
      `ENDPOINT="\${ENDPOINT:-http://localhost:${port}}"`,
    ];
  }
  return [`ENDPOINT="\${ENDPOINT:-${target.endpoint}}"`];
}

/** `sed` expressions of `fill`: the prefix token, then each planned value's tokens (set-up tokens included). */
function fillExpressions(plan: ReproductionPlan): string[] {
  const pairs: [string, string][] = [[REPORT_PREFIX_TOKEN, 'PREFIX']];
  for (const planned of plannedValues(plan))
    for (const token of planned.tokens) pairs.push([token, planned.variable]);
  // The set-up's own requests name the client and password with the labels the redaction gives them.
  if (plan.client && !plan.client.tokens.includes('<redacted:ClientId>'))
    pairs.push(['<redacted:ClientId>', plan.client.variable]);
  if (plan.password)
    for (const token of ['<redacted:PASSWORD>', '<redacted:Password>'])
      if (!plan.password.tokens.includes(token)) pairs.push([token, plan.password.variable]);
  return pairs.map(([token, variable]) => `-e "s|${token}|\${${variable}-}|g"`);
}

/** What each of the suite's unknown ids names nothing of, for the script's comments. */
const UNKNOWN_ID_NAMES: Readonly<Record<string, string>> = {
  [UNKNOWN_USER_POOL_ID]: 'user pool',
  [UNKNOWN_CLIENT_ID]: 'app client',
};

function setupLines(plan: ReproductionPlan): string[] {
  const lines = plan.unknownIds.map(
    (id) =>
      `# ${id} names no ${UNKNOWN_ID_NAMES[id] ?? 'resource'}, on purpose: the suite's own made-up id, sent as it is.`,
  );
  const pools = [...plan.pools, ...(plan.ownPool ? [plan.ownPool] : [])];
  if (pools.length > 0 || plan.client || plan.user) lines.push('# Set-up');
  for (const pool of pools)
    lines.push(
      `${pool.variable}=$(idp create-user-pool --pool-name "\${PREFIX}${pool.variable.toLowerCase().replace(/_/g, '-')}" --query UserPool.Id --output text)`,
    );
  const home = plan.homePool ?? 'POOL_ID';
  if (plan.client)
    lines.push(
      `${plan.client.variable}=$(idp create-user-pool-client --user-pool-id "$${home}" --client-name "\${PREFIX}client" --explicit-auth-flows ADMIN_NO_SRP_AUTH USER_PASSWORD_AUTH --query UserPoolClient.ClientId --output text)`,
    );
  if (plan.user) {
    const user = plan.user.variable;
    const email = plan.user.username.includes('@') ? ` --user-attributes Name=email,Value="$${user}"` : '';
    lines.push(
      `${user}=$(fill ${shellQuote(plan.user.username)})`,
      `idp admin-create-user --user-pool-id "$${home}" --username "$${user}" --message-action SUPPRESS${email} >/dev/null`,
      `idp admin-set-user-password --user-pool-id "$${home}" --username "$${user}" --permanent --cli-input-json "$(fill '{"Password":"<redacted:Password>"}')"`,
    );
  }
  if (plan.refreshToken && plan.user) {
    const signIn = (flow: string) =>
      shellQuote(
        JSON.stringify({
          ClientId: '<redacted:ClientId>',
          AuthFlow: flow,
          AuthParameters: { USERNAME: REDACTED_USERNAME, PASSWORD: '<redacted:PASSWORD>' },
        }),
      );
    const token = plan.refreshToken.variable;
    lines.push(
      '# A refresh token: either password flow gives one, and a target may implement only one of them.',
      `${token}=$(idp admin-initiate-auth --user-pool-id "$${home}" --cli-input-json "$(fill ${signIn('ADMIN_NO_SRP_AUTH')})" --query AuthenticationResult.RefreshToken --output text 2>/dev/null) ||`,
      `  ${token}=$(idp initiate-auth --cli-input-json "$(fill ${signIn('USER_PASSWORD_AUTH')})" --query AuthenticationResult.RefreshToken --output text)`,
    );
  }
  return lines;
}

function regionOf(target: Pick<ReportTarget, 'kind' | 'endpoint'>): string {
  return /cognito-idp[.-]([a-z]{2}(?:-[a-z]+)+-\d)\./.exec(target.endpoint)?.[1] ?? 'us-east-1';
}

/**
 * The deviation with its `reproduce.command` turned into a {@link reproductionScript}, unless it is one already.
 * The report builder applies it to each deviation once the tokens are numbered.
 */
export function withReproductionScript(
  deviation: ReportDeviation,
  context: Omit<ReproductionScriptInput, 'deviation' | 'raw'>,
): ReportDeviation {
  if (deviation.reproduce.command.startsWith(SCRIPT_SHEBANG)) return deviation;
  return {
    ...deviation,
    reproduce: { ...deviation.reproduce, command: reproductionScript({ ...context, deviation }) },
  };
}
