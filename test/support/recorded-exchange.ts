import type { Exchange } from '../../src/protocol/index.ts';

/** A recorded exchange as the wire would have produced it, for checks under test. */
export function recordedExchange(partial: {
  operation: string;
  status?: number;
  body?: unknown;
  bodyText?: string;
  headers?: Record<string, string>;
  request?: unknown;
  transportError?: string;
}): Exchange {
  const bodyText = partial.bodyText ?? (partial.body === undefined ? '' : JSON.stringify(partial.body));
  let body: unknown;
  try {
    body = bodyText === '' ? undefined : JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  return {
    operation: partial.operation,
    request: partial.request ?? {},
    requestHeaders: {},
    status: partial.status ?? 200,
    headers: partial.headers ?? {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': 'b0a0c3c8-0000-4000-8000-000000000000',
    },
    bodyText,
    ...(body !== undefined ? { body } : {}),
    ms: 1,
    ...(partial.transportError ? { transportError: partial.transportError } : {}),
  };
}

/** A DescribeUserPool body that conforms to the spec, to break one rule at a time. */
export function conformingDescribeUserPool(): Record<string, unknown> {
  return {
    UserPool: {
      Id: 'us-east-1_AbCdEf123',
      Name: 'cc-test-pool',
      Status: 'Enabled',
      CreationDate: 1_700_000_000,
      LastModifiedDate: 1_700_000_100.5,
      MfaConfiguration: 'OFF',
      EstimatedNumberOfUsers: 0,
      LambdaConfig: { UserMigration: 'arn:aws:lambda:us-east-1:123456789012:function:migrate' },
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true } },
    },
  };
}
