import type { CheckName, Evaluation, Finding } from '../deviations/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import type { SpecValidators } from '../spec/index.ts';
import type { Exchange } from '../protocol/index.ts';
import { checkNotFound, ERROR_SHAPE_CHECK } from './error-shape.ts';
import { type BrokenRule, checkRejected, NEGATIVE_CHECK } from './negative.ts';
import { checkAccepted, POSITIVE_CHECK } from './positive.ts';
import { checkResponseSchema, RESPONSE_SCHEMA_CHECK } from './response-schema.ts';
import { transportFinding } from './transport-finding.ts';
import { checkWireFormat, WIRE_FORMAT_CHECK } from './wire-format.ts';

/**
 * A valid request's exchange: it must be accepted, well-formed on the wire, and match the response schema. With
 * `judgeAcceptance: false`, a refusal is no finding (positive is not judged): for a request whose optional members
 * the model cannot say are consistent with each other, only the answer's form is held against the target.
 */
export function evaluateValidExchange(
  spec: OperationSpec,
  validators: SpecValidators,
  exchange: Exchange,
  options: { readonly judgeAcceptance?: boolean } = {},
): Evaluation {
  const judgeAcceptance = options.judgeAcceptance ?? true;
  if (isTransportFailure(exchange)) return onlyTransport(POSITIVE_CHECK, checkAccepted(exchange));
  const accepted = exchange.status >= 200 && exchange.status < 300;
  const judged = [
    ...(judgeAcceptance ? [POSITIVE_CHECK] : []),
    WIRE_FORMAT_CHECK,
    ...(accepted ? [RESPONSE_SCHEMA_CHECK] : []),
  ];
  return {
    judged,
    findings: [
      ...(judgeAcceptance ? checkAccepted(exchange) : []).map((finding) => ({
        check: POSITIVE_CHECK,
        finding,
      })),
      ...checkWireFormat(spec.response, exchange).map((finding) => ({ check: WIRE_FORMAT_CHECK, finding })),
      ...checkResponseSchema(validators, exchange, spec.laterResponseMembers).map((finding) => ({
        check: RESPONSE_SCHEMA_CHECK,
        finding,
      })),
    ],
  };
}

/** An invalid request's exchange: rejected as the spec allows; the envelope judged without the error body. */
export function evaluateInvalidExchange(
  spec: OperationSpec,
  exchange: Exchange,
  broken: BrokenRule,
): Evaluation {
  if (isTransportFailure(exchange))
    return onlyTransport(NEGATIVE_CHECK, checkRejected(spec, exchange, broken));
  return {
    judged: [NEGATIVE_CHECK, WIRE_FORMAT_CHECK],
    findings: [
      ...checkRejected(spec, exchange, broken).map((finding) => ({ check: NEGATIVE_CHECK, finding })),
      ...checkWireFormat(spec.response, exchange, { judgeErrorBody: false }).map((finding) => ({
        check: WIRE_FORMAT_CHECK,
        finding,
      })),
    ],
  };
}

/** A request naming an unknown pool or client: `ResourceNotFoundException`, 400, JSON. */
export function evaluateNotFoundExchange(
  spec: OperationSpec,
  exchange: Exchange,
  expected?: string,
): Evaluation {
  if (isTransportFailure(exchange))
    return onlyTransport(ERROR_SHAPE_CHECK, checkNotFound(exchange, expected));
  return {
    judged: [ERROR_SHAPE_CHECK, WIRE_FORMAT_CHECK],
    findings: [
      ...checkNotFound(exchange, expected).map((finding) => ({ check: ERROR_SHAPE_CHECK, finding })),
      ...checkWireFormat(spec.response, exchange, { judgeErrorBody: false }).map((finding) => ({
        check: WIRE_FORMAT_CHECK,
        finding,
      })),
    ],
  };
}

/** No complete response (refused, reset, cut short, past the deadline): only the transport finding stands. */
export function isTransportFailure(exchange: Exchange): boolean {
  return transportFinding(exchange) !== undefined;
}

/**
 * What a transport failure lets a run judge: the check under test, which reports it as `transport`. The
 * envelope and schema checks saw no response, so they are not counted as having judged one.
 */
function onlyTransport(check: CheckName, findings: readonly Finding[]): Evaluation {
  return { judged: [check], findings: findings.map((finding) => ({ check, finding })) };
}
