import { UNKNOWN_USER_POOL_ID } from '../../src/checks/index.ts';
import type { Mutation } from './mutation.ts';
import { jsonRequestOf, type ProxiedRequest } from './proxied-exchange.ts';
import { COGNITO_TARGET_PREFIX } from './upstream.ts';

/**
 * Faults of the target itself rather than deviations from the contract: the run must survive each one,
 * in bounded time, with the affected operation inconclusive or carrying `transport` findings and every
 * other operation keeping its results. Each applies to one operation's exchanges only.
 */

/** The response starts, then the connection is reset (TCP RST) halfway through the body. */
export function connectionResetMidResponse(operation: string): Mutation {
  return {
    name: 'connection-reset-mid-response',
    description: `${operation}: TCP reset halfway through the body`,
    operations: [operation],
    honest: [],
    rewriteResponse: (response) => ({ fault: 'reset', afterBytes: Math.floor(response.body.length / 2) }),
  };
}

/** Headers and a few bytes of the body, then nothing, ever; for every request of `operation`, or those `when` accepts. */
export function neverEndingResponse(
  operation: string,
  when?: (request: ProxiedRequest) => boolean,
): Mutation {
  return {
    name: 'never-ending-response',
    description: `${operation}: the body never ends`,
    operations: [operation],
    ...(when !== undefined ? { when } : {}),
    honest: [],
    rewriteResponse: () => ({ fault: 'never-end', afterBytes: 8 }),
  };
}

/** Requests naming the pool id the error-shape check uses for "no such pool" (one request per operation and run). */
export function namesUnknownPool(request: ProxiedRequest): boolean {
  return jsonRequestOf(request)?.['UserPoolId'] === UNKNOWN_USER_POOL_ID;
}

/** Not even a status line: the request is read and never answered. */
export function silentTarget(operation: string): Mutation {
  return {
    name: 'no-response',
    description: `${operation}: no response at all`,
    operations: [operation],
    honest: [],
    rewriteResponse: () => ({ fault: 'silent' }),
  };
}

/** The connection closes (orderly) halfway through a body whose Content-Length promised all of it. */
export function bodyCutShort(operation: string): Mutation {
  return {
    name: 'body-cut-short',
    description: `${operation}: connection closed before Content-Length bytes`,
    operations: [operation],
    honest: [],
    rewriteResponse: (response) => ({ fault: 'cut-short', afterBytes: Math.floor(response.body.length / 2) }),
  };
}

/** A complete HTTP response whose JSON body is cut in half (Content-Length matches what is sent). */
export function truncatedJson(operation: string): Mutation {
  return {
    name: 'truncated-json',
    description: `${operation}: the JSON body cut in half`,
    operations: [operation],
    honest: [],
    rewriteResponse: (response) => ({
      ...response,
      body: response.body.subarray(0, Math.floor(response.body.length / 2)),
    }),
  };
}

/** A 200 whose body is not JSON at all (a proxy's or framework's text page). */
export function bodyNotJson(operation: string): Mutation {
  return {
    name: 'body-not-json',
    description: `${operation}: a 200 whose body is plain text`,
    operations: [operation],
    honest: [],
    rewriteResponse: (response) => ({ ...response, body: Buffer.from('OK: request processed\n', 'utf8') }),
  };
}

/** Every answer held back `ms` milliseconds. */
export function slowTarget(operations: readonly string[], ms: number): Mutation {
  return {
    name: 'slow-target',
    description: `${operations.join(', ')}: ${ms} ms per response`,
    operations,
    honest: [],
    delayMs: ms,
  };
}

/**
 * DeleteUserPool deletes nothing and answers with a 500 HTML page, as a target whose deletes fail: the request goes
 * on as a harmless DescribeUserPool of the same pool, so the pool stays, and the answer is replaced.
 */
export function deleteRefused(): Mutation {
  return {
    name: 'delete-refused',
    description: 'DeleteUserPool: nothing deleted, and a 500 HTML page',
    operations: ['DeleteUserPool'],
    honest: [],
    rewriteRequest: (request) => ({
      ...request,
      headers: { ...request.headers, 'x-amz-target': `${COGNITO_TARGET_PREFIX}.DescribeUserPool` },
      operation: 'DescribeUserPool',
    }),
    rewriteResponse: () => ({
      status: 500,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: Buffer.from('<html><body><h1>500 Internal Server Error</h1></body></html>\n', 'utf8'),
    }),
  };
}
