import type { CheckName, Finding } from '../deviations/index.ts';
import { AWS_JSON_CONTENT_TYPE, REQUEST_ID_HEADERS, mediaType, type Exchange } from '../protocol/index.ts';
import type { JsonSchema } from '../../specs/format/index.ts';
import { isTimestampSchema, jsonTypeOf, walkInstance } from '../spec/index.ts';

export const WIRE_FORMAT_CHECK: CheckName = 'wire-format';

/** Paths for what is not in the body: headers and the status line. */
export const headerPath = (name: string): string => `/$headers/${name}`;
export const STATUS_PATH = '/$status';

/**
 * The awsJson1.1 envelope: content type, request id, a JSON body, error bodies carrying `__type` and
 * `message`, and timestamps as epoch-second numbers. Judged on every exchange that got a complete response.
 * Where another check judges the error body already (negative, error-shape), pass `judgeErrorBody: false`
 * so one malformed body is one finding.
 */
export function checkWireFormat(
  responseSchema: JsonSchema,
  exchange: Exchange,
  options: { readonly judgeErrorBody: boolean } = { judgeErrorBody: true },
): Finding[] {
  // A response cut off by a reset or a deadline is a transport failure (the calling check says so); its
  // headers and partial body say nothing about the envelope.
  if (exchange.status === 0 || exchange.transportError !== undefined) return [];
  const findings: Finding[] = [...headerFindings(exchange)];
  if (exchange.status >= 400)
    return options.judgeErrorBody ? [...findings, ...errorBodyFindings(exchange)] : findings;
  if (exchange.body === undefined) {
    findings.push({
      kind: 'wire-format',
      severity: 'error',
      path: '',
      expected: 'a JSON object body',
      actual: excerpt(exchange.bodyText),
      message: 'successful response body is not JSON',
    });
    return findings;
  }
  return [...findings, ...timestampFindings(responseSchema, exchange.body)];
}

function headerFindings(exchange: Exchange): Finding[] {
  const findings: Finding[] = [];
  const contentType = exchange.headers['content-type'];
  if (mediaType(contentType) !== AWS_JSON_CONTENT_TYPE) {
    findings.push({
      kind: 'wire-format',
      severity: 'error',
      path: headerPath('content-type'),
      expected: AWS_JSON_CONTENT_TYPE,
      actual: contentType ?? null,
      message: `content type is ${contentType ?? 'missing'}, not ${AWS_JSON_CONTENT_TYPE}`,
    });
  }
  if (!REQUEST_ID_HEADERS.some((name) => exchange.headers[name])) {
    findings.push({
      kind: 'wire-format',
      severity: 'warning',
      path: headerPath(REQUEST_ID_HEADERS[0]),
      expected: 'a request id header',
      actual: null,
      message: 'response carries no request id header (x-amzn-requestid)',
    });
  }
  return findings;
}

/** An error response must be JSON with a string `__type` and a `message`. */
export function errorBodyFindings(exchange: Exchange): Finding[] {
  const body = exchange.body as Record<string, unknown> | undefined;
  if (body === undefined || typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [
      {
        kind: 'malformed-error',
        severity: 'error',
        path: '',
        expected: 'a JSON error body with __type and message',
        actual: excerpt(exchange.bodyText),
        message: `error response (HTTP ${exchange.status}) is not a JSON object`,
      },
    ];
  }
  const findings: Finding[] = [];
  if (typeof body['__type'] !== 'string' || body['__type'] === '') {
    findings.push({
      kind: 'malformed-error',
      severity: 'error',
      path: '/__type',
      expected: 'a string error type',
      actual: body['__type'] ?? null,
      message: 'error body has no __type',
    });
  }
  if (typeof body['message'] !== 'string' && typeof body['Message'] !== 'string') {
    findings.push({
      kind: 'malformed-error',
      severity: 'warning',
      path: '/message',
      expected: 'a string message',
      actual: body['message'] ?? null,
      message: 'error body has no message',
    });
  }
  return findings;
}

function timestampFindings(schema: JsonSchema, body: unknown): Finding[] {
  const findings: Finding[] = [];
  walkInstance(schema, body, (node, value, pointer) => {
    if (!isTimestampSchema(node) || value === undefined) return;
    if (typeof value === 'number' && Number.isFinite(value)) return;
    findings.push({
      kind: 'wire-format',
      severity: 'error',
      path: pointer,
      expected: 'epoch seconds as a JSON number',
      actual: value,
      message: `timestamp sent as ${jsonTypeOf(value)} ${JSON.stringify(value)}, not as epoch seconds`,
    });
  });
  return findings;
}

function excerpt(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
