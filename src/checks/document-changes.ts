import { isDeepStrictEqual } from 'node:util';
import type { AnnouncedChange, ExpectedValue } from '../changes/index.ts';
import type { ChangeVerdict, CheckName, Finding } from '../deviations/index.ts';
import { errorTypeOf, isUnsupportedOperation, type Exchange } from '../protocol/index.ts';
import { STATUS_PATH } from './wire-format.ts';

/** The check name of findings about changes the document announces. */
export const CHANGES_CHECK: CheckName = 'changes';

/** What testing one change showed: the verdict (`null`: could not tell), why, and any findings. */
export interface ChangeOutcome {
  readonly supported: boolean | null;
  readonly evidence: string;
  readonly findings: readonly Finding[];
  /** The target does not implement the change's operation at all (one `unsupported` verdict, no findings). */
  readonly unsupportedOperation?: boolean;
}

/**
 * Judges the call that uses the change (sets the member, sends the enum value, calls the new operation).
 * Undefined when it was accepted, so the caller goes on to observe the effect. A refusal of a valid
 * request is `rejected-valid` and the change unsupported; no complete response means "could not tell".
 */
export function judgeUse(
  change: AnnouncedChange,
  operation: string,
  exchange: Exchange,
): ChangeOutcome | undefined {
  if (exchange.status === 0 || exchange.transportError !== undefined) {
    return {
      supported: null,
      evidence: `${operation} got no complete response (${exchange.transportError ?? 'no response'})`,
      findings: [],
    };
  }
  if (isUnsupportedOperation(exchange) && !namesValue(exchange, change.value)) {
    return {
      supported: false,
      evidence: `the target does not implement ${operation} (HTTP ${exchange.status}${typeSuffix(exchange)})`,
      findings: [],
      unsupportedOperation: operation === change.operation,
    };
  }
  if (exchange.status >= 200 && exchange.status < 300) return undefined;
  const answer = `HTTP ${exchange.status}${typeSuffix(exchange)}`;
  return {
    supported: false,
    evidence: `${operation} rejected a valid request using it (${answer})`,
    findings: [
      {
        kind: 'rejected-valid',
        severity: 'error',
        path: change.direction === 'operation' ? STATUS_PATH : change.path,
        expected: '2xx',
        actual: answer,
        message: `a valid request using the ${change.direction === 'operation' ? 'new operation' : `new ${change.kind} at ${change.path}`} was rejected with ${answer}`,
      },
    ],
  };
}

/** The use was accepted and nothing further is to be observed (a new operation, a new AuthFlow value). */
export function acceptedOutcome(operation: string, exchange: Exchange): ChangeOutcome {
  return {
    supported: true,
    evidence: `${operation} accepted a valid request using it (HTTP ${exchange.status})`,
    findings: [],
  };
}

/** A set-up call the change depends on failed, so the change could not be judged. */
export function setupFailedOutcome(operation: string, exchange: Exchange): ChangeOutcome {
  const answer = exchange.transportError ?? `HTTP ${exchange.status}${typeSuffix(exchange)}`;
  return {
    supported: null,
    evidence: `set-up call ${operation} failed (${answer}), so the change could not be judged`,
    findings: [],
  };
}

/** Where a set value was looked for, and what was there. */
export interface Observed {
  readonly operation: string;
  /** The concrete JSON pointer in that operation's response. */
  readonly path: string;
  readonly value: unknown;
}

/**
 * After the change was used, its effect must show: the enum value among the member's values, or the
 * member equal to what was set. Otherwise a `state` finding (on the request member for request changes,
 * on the response member for response changes) and the change is unsupported.
 */
export function judgeReflection(
  change: AnnouncedChange,
  expected: ExpectedValue,
  observed: Observed,
  accepted: string,
): ChangeOutcome {
  const wanted = 'contains' in expected ? expected.contains : expected.equals;
  const shown =
    'contains' in expected
      ? Array.isArray(observed.value) && observed.value.includes(expected.contains)
      : isDeepStrictEqual(observed.value, expected.equals);
  if (shown)
    return {
      supported: true,
      evidence: `${accepted}; ${observed.operation} returns it at ${observed.path}`,
      findings: [],
    };
  const request = change.direction === 'request';
  return {
    supported: false,
    evidence: `${accepted}; but ${observed.operation} ${observed.value === undefined ? 'has nothing' : 'has something else'} at ${observed.path}`,
    findings: [
      {
        kind: 'state',
        severity: 'error',
        path: request ? change.path : observed.path,
        expected: 'contains' in expected ? { contains: wanted } : wanted,
        actual: observed.value ?? null,
        message: request
          ? `${change.operation} accepted ${change.path} but ${observed.operation} does not return it at ${observed.path}`
          : `${observed.operation} does not return the ${change.kind === 'member' ? 'member' : 'enum value'} at ${observed.path} after it was set`,
      },
    ],
  };
}

/** The report's verdict for one change. */
export function toChangeVerdict(change: AnnouncedChange, outcome: ChangeOutcome): ChangeVerdict {
  return {
    operation: change.operation,
    direction: change.direction,
    path: change.path,
    ...(change.value !== undefined ? { value: change.value } : {}),
    supported: outcome.supported,
    evidence: outcome.evidence,
  };
}

/** A refusal whose body names the new enum value is about that value, not about the whole operation. */
function namesValue(exchange: Exchange, value: string | undefined): boolean {
  return value !== undefined && new RegExp(`\\b${value}\\b`).test(exchange.bodyText);
}

function typeSuffix(exchange: Exchange): string {
  const type = errorTypeOf(exchange);
  return type ? ` ${type}` : '';
}
