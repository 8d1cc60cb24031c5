import type { CheckName, Finding } from '../deviations/index.ts';
import type { JsonSchema } from '../../specs/format/index.ts';
import { pointerSegment } from '../spec/index.ts';
import { compareSent } from './compare-sent.ts';
import type { RoundTripPlan } from './round-trip-members.ts';

/** The check name of write-then-read findings. */
export const ROUND_TRIP_CHECK: CheckName = 'round-trip';

/**
 * How long to wait between reading a resource and updating it before demanding that `LastModifiedDate`
 * advanced. Timestamps travel as epoch seconds and Cognito may keep whole seconds only, so two changes
 * within the same second can legitimately share a LastModifiedDate; just over a second apart, they
 * cannot.
 */
export const LAST_MODIFIED_SETTLE_MS = 1_100;

/**
 * What a Describe response holds of a create/update request: every member the plan maps must come
 * back as sent (`missing-member` when absent, `state` when different), at its pointer into the Describe
 * response, e.g. `/UserPool/LambdaConfig/UserMigration`. Only what the request sent is judged.
 */
export function checkDescribed(
  plan: RoundTripPlan,
  sent: Readonly<Record<string, unknown>>,
  describeBody: unknown,
): Finding[] {
  const resource = memberOf(describeBody, plan.resource);
  const base = `/${pointerSegment(plan.resource)}`;
  if (!isObject(resource)) return [absentResource(base)];
  return readBack(plan, sent, resource, base);
}

/**
 * What a listing shows of a create/update request: the members the list item holds (Name,
 * LambdaConfig), at their pointer into the list page, e.g. `/UserPools/3/Name`.
 */
export function checkListed(
  plan: RoundTripPlan,
  sent: Readonly<Record<string, unknown>>,
  item: unknown,
  pointer: string,
): Finding[] {
  if (!isObject(item)) return [absentResource(pointer)];
  return readBack(plan, sent, item, pointer);
}

/**
 * A listed summary must agree with the Describe response of the same resource on every member both
 * hold (Name, LambdaConfig, Status, the timestamps): they describe one state. Members only one side
 * has are the response-schema check's business.
 */
export function checkListedMatchesDescribed(
  itemSchema: JsonSchema,
  item: unknown,
  pointer: string,
  described: unknown,
): Finding[] {
  if (!isObject(item) || !isObject(described)) return [];
  const properties = (itemSchema['properties'] ?? {}) as Record<string, JsonSchema>;
  return Object.keys(properties)
    .filter((member) => item[member] !== undefined && described[member] !== undefined)
    .flatMap((member) =>
      compareSent(
        described[member],
        item[member],
        properties[member],
        `${pointer}/${pointerSegment(member)}`,
      ),
    )
    .map((finding) => ({
      ...finding,
      message: `${finding.message} (the listing disagrees with DescribeUserPool)`,
    }));
}

/**
 * `LastModifiedDate` after an update, read at least {@link LAST_MODIFIED_SETTLE_MS} after the state
 * before it: it must have advanced, `CreationDate` must not have moved, and neither snapshot may be
 * modified before it was created. Timestamps that are not numbers are left to the wire-format check.
 */
export function checkLastModified(resource: string, beforeBody: unknown, afterBody: unknown): Finding[] {
  const before = timestampsOf(memberOf(beforeBody, resource));
  const after = timestampsOf(memberOf(afterBody, resource));
  const base = `/${pointerSegment(resource)}`;
  const findings = [...modifiedBeforeCreated(before, base), ...modifiedBeforeCreated(after, base)];
  if (before.modified !== undefined && after.modified !== undefined && !(after.modified > before.modified)) {
    findings.push(
      stateFinding(
        `${base}/LastModifiedDate`,
        { laterThan: { LastModifiedDate: before.modified } },
        after.modified,
        'LastModifiedDate did not advance after an update more than a second later',
      ),
    );
  }
  if (before.created !== undefined && after.created !== undefined && after.created !== before.created) {
    findings.push(
      stateFinding(
        `${base}/CreationDate`,
        before.created,
        after.created,
        'CreationDate changed when the resource was updated',
      ),
    );
  }
  return findings;
}

function readBack(
  plan: RoundTripPlan,
  sent: Readonly<Record<string, unknown>>,
  resource: Record<string, unknown>,
  base: string,
): Finding[] {
  const properties = (plan.schema['properties'] ?? {}) as Record<string, JsonSchema>;
  return plan.members.flatMap(({ request, response }) =>
    compareSent(
      sent[request],
      resource[response],
      properties[response],
      `${base}/${pointerSegment(response)}`,
    ),
  );
}

interface Timestamps {
  readonly created?: number;
  readonly modified?: number;
}

function timestampsOf(resource: unknown): Timestamps {
  if (!isObject(resource)) return {};
  const created = resource['CreationDate'];
  const modified = resource['LastModifiedDate'];
  return {
    ...(typeof created === 'number' ? { created } : {}),
    ...(typeof modified === 'number' ? { modified } : {}),
  };
}

function modifiedBeforeCreated(stamps: Timestamps, base: string): Finding[] {
  if (stamps.created === undefined || stamps.modified === undefined || stamps.modified >= stamps.created)
    return [];
  return [
    stateFinding(
      `${base}/LastModifiedDate`,
      { notBefore: { CreationDate: stamps.created } },
      stamps.modified,
      'LastModifiedDate is before CreationDate',
    ),
  ];
}

function stateFinding(path: string, expected: unknown, actual: unknown, message: string): Finding {
  return { kind: 'state', severity: 'error', path, expected, actual, message };
}

function absentResource(pointer: string): Finding {
  return {
    kind: 'missing-member',
    severity: 'error',
    path: pointer,
    expected: 'the resource just written',
    actual: 'absent',
    message: `${pointer} is absent, so nothing that was sent can be read back`,
  };
}

function memberOf(body: unknown, member: string): unknown {
  return isObject(body) ? body[member] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
