import { TARGET_PREFIX } from '../../specs/format/index.ts';

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
