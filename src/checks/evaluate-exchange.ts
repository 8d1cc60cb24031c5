import type { Evaluation } from '../run/explore.ts';
import type { OperationSpec } from '../spec/operation-spec.ts';
import type { SpecValidators } from '../spec/spec-validators.ts';
import type { Exchange } from '../wire/exchange.ts';
import { ERROR_SHAPE_CHECK, checkNotFound } from './error-shape.ts';
import { NEGATIVE_CHECK, checkRejected, type BrokenRule } from './negative.ts';
import { POSITIVE_CHECK, checkAccepted } from './positive.ts';
import { RESPONSE_SCHEMA_CHECK, checkResponseSchema } from './response-schema.ts';
import { WIRE_FORMAT_CHECK, checkWireFormat } from './wire-format.ts';

/** A valid request's exchange: it must be accepted, well-formed on the wire, and match the response schema. */
export function evaluateValidExchange(spec: OperationSpec, validators: SpecValidators, exchange: Exchange): Evaluation {
  const accepted = exchange.status >= 200 && exchange.status < 300;
  const judged = [POSITIVE_CHECK, WIRE_FORMAT_CHECK, ...(accepted ? [RESPONSE_SCHEMA_CHECK] : [])];
  return {
    judged,
    findings: [
      ...checkAccepted(exchange).map((finding) => ({ check: POSITIVE_CHECK, finding })),
      ...checkWireFormat(spec.response, exchange).map((finding) => ({ check: WIRE_FORMAT_CHECK, finding })),
      ...checkResponseSchema(validators, exchange).map((finding) => ({ check: RESPONSE_SCHEMA_CHECK, finding })),
    ],
  };
}

/** An invalid request's exchange: rejected as the spec allows; the envelope judged without the error body. */
export function evaluateInvalidExchange(spec: OperationSpec, exchange: Exchange, broken: BrokenRule): Evaluation {
  return {
    judged: [NEGATIVE_CHECK, WIRE_FORMAT_CHECK],
    findings: [
      ...checkRejected(spec, exchange, broken).map((finding) => ({ check: NEGATIVE_CHECK, finding })),
      ...checkWireFormat(spec.response, exchange, { judgeErrorBody: false }).map((finding) => ({ check: WIRE_FORMAT_CHECK, finding })),
    ],
  };
}

/** A request naming an unknown pool or client: `ResourceNotFoundException`, 400, JSON. */
export function evaluateNotFoundExchange(spec: OperationSpec, exchange: Exchange): Evaluation {
  return {
    judged: [ERROR_SHAPE_CHECK, WIRE_FORMAT_CHECK],
    findings: [
      ...checkNotFound(exchange).map((finding) => ({ check: ERROR_SHAPE_CHECK, finding })),
      ...checkWireFormat(spec.response, exchange, { judgeErrorBody: false }).map((finding) => ({ check: WIRE_FORMAT_CHECK, finding })),
    ],
  };
}
