/**
 * The shape of `specs/operations/<Operation>.json`, generated from the API document by `npm run specs`.
 *
 * Schema conventions (JSON Schema 2020-12):
 * - structures: `{"type":"object","properties":{…},"required":[…],"additionalProperties":false}`
 * - maps (`{'string': 'string'}`): `{"type":"object","additionalProperties":{"type":"string"}}`
 * - timestamps (`datetime(...)`): `{"type":"number","format":"epoch-seconds"}`
 * - enums: `{"type":"string","enum":[…]}`; arrays: `{"type":"array","items":…}`
 * - overlay constraints from the model: `minLength`, `maxLength`, `pattern`, `minimum`, `maximum`,
 *   `minItems`, `maxItems`.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** A change the document announces for this release, used by the `changes` check. */
export interface SpecChange {
  readonly direction: 'request' | 'response' | 'operation';
  /** `member`: a new member; `enum-value`: a new enum value; `operation`: a new operation. */
  readonly kind: 'member' | 'enum-value' | 'operation';
  /** JSON pointer into the request or response instance; `*` stands for any array item. `''` for operations. */
  readonly path: string;
  /** The added enum value, for `enum-value`. */
  readonly value?: string;
  /**
   * Set when the current reference no longer lists what this change announced (the shape id of the member
   * that says so): the change's verdict is "withdrawn by the current reference", never a deviation.
   */
  readonly withdrawnBy?: string;
}

/** Where the document's prose narrows what its syntax block allows (e.g. an enum value that is not valid here). */
export interface SpecNarrowing {
  readonly direction: 'request' | 'response';
  readonly path: string;
  readonly excluded: readonly string[];
  /** Our own words on why; never text copied from the document. */
  readonly reason: string;
  /** The document that narrows, where it is not the operation's own page (a shape id of the current reference). */
  readonly source?: string;
}

/**
 * One operation's spec as the suite judges by it, written by `npm run specs` to `specs/operations/<Operation>.json`:
 * its request and response JSON Schemas (2020-12, with the model's constraints and the `sensitive` annotation),
 * modeled errors, the changes and narrowings its document announces, and where each fact came from.
 *
 * Two files give one: a page spec (spec version 1, this shape) for each operation an API reference page describes,
 * and for every other operation of the service its model spec (spec version 2, {@link ModelOperationSpec}), which
 * `loadOperationSpecs` reads as this shape with no page facts (`asOperationSpec`).
 */
export interface OperationSpec {
  readonly specVersion: 1 | 2;
  readonly operation: string;
  /** The awsJson1.1 `X-Amz-Target` value. */
  readonly target: string;
  /** Whether the document marks the operation `new` or `updated` in this release; absent for a model spec. */
  readonly status?: 'new' | 'updated';
  /**
   * The document and where in it: a page's `section` and `line`, or the model's operation `shape` id
   * (`com.amazonaws.cognitoidentityprovider#ListUsers`).
   */
  readonly source: {
    readonly document: string;
    readonly section?: string;
    readonly line?: number;
    readonly shape?: string;
  };
  /** How the SDK sends the operation (the current reference's auth traits); absent on page specs (`sigv4`). */
  readonly auth?: 'sigv4' | 'none';
  readonly request: JsonSchema;
  readonly response: JsonSchema;
  readonly changes: readonly SpecChange[];
  readonly narrowings: readonly SpecNarrowing[];
  /**
   * Response members the current reference defines and this document does not (JSON pointers, `*` for list
   * items): drift since the document's release. A response carrying one is up to date, never unexpected.
   */
  readonly laterResponseMembers: readonly string[];
  /**
   * The response's enum members in the current reference: JSON pointer (`*` for list items and map values) → the
   * Smithy enum shape's name (`/UserPool/Status` → `StatusType`). The sdk-parse check asks the SDK what it knows
   * of each enum by that name.
   */
  readonly responseEnums: Readonly<Record<string, string>>;
  /** How the operation pages (the current reference's `smithy.api#paginated`); absent for one that does not. */
  readonly pagination?: ModelPagination;
  /**
   * Request members the document requires and the current reference no longer does (JSON pointers): the
   * request schema leaves them out of `required`, since where the documents disagree the later one stands.
   */
  readonly laterOptionalMembers: readonly string[];
  /**
   * Request constraints of the document that the current reference states otherwise; the request schema holds
   * the reference's value, since the later document stands (see {@link LaterConstraint}).
   */
  readonly laterConstraints: readonly LaterConstraint[];
  /** The operation's modeled error types (from the model overlay), e.g. `ResourceNotFoundException`. */
  readonly errors: readonly string[];
  /**
   * What the current reference adds, removes or changes against this document (see {@link SpecDrift}); absent
   * for a model spec, which is the current reference.
   */
  readonly drift?: SpecDrift;
}

/**
 * The drift record of one operation: every difference between the spec's document and the current reference,
 * as facts, computed by `npm run specs` from the spec before the reference's overlay (the page side), the model
 * spec of the same operation (from the current reference alone, the model side) and the spec as written (what the
 * suite judges by). No text of either document.
 *
 * - The page side is the page's schemas with the document's model overlay (min/max/pattern and errors where the
 *   page is silent) and its own prose narrowings, before `laterOptionalMembers` and `laterConstraints` apply; an
 *   enum value the current reference withdrew for the operation (a narrowing with a `source`) is on the page side.
 * - The model side is the model spec; a withdrawn value is off it (the reference's member says so), and a pattern
 *   the model spec leaves out as not checkable is its `relaxedConstraints` value.
 * - Bounds are compared by what they allow: `minLength`, `minItems` and `minProperties` of 0 are no bound, and a
 *   pattern equals the model's when it is the model's in whole-match form (anchors off, or `[\s\S]*` around).
 * - Pointers use `*` for list items and map values; a member only one side has is listed once, not its members.
 * - Every list is sorted (direction, then path, then keyword or value); `errors` by name.
 */
export interface SpecDrift {
  /** The current reference's file name (the model spec's `source.document`). */
  readonly model: string;
  /** Request and response members only one side has. */
  readonly members: readonly DriftMember[];
  /** Members both sides have that one requires and the other does not. */
  readonly required: readonly DriftRequired[];
  /** Types, lengths, ranges, item and property counts and patterns the sides state otherwise (enums aside). */
  readonly constraints: readonly DriftConstraint[];
  /** Enum values only one side lists, one entry per value. */
  readonly enumValues: readonly DriftEnumValue[];
  /** Modeled errors only one side lists. */
  readonly errors: readonly DriftError[];
}

/**
 * Which side the suite judges by, where a verdict depends on the difference: `model` (the later document
 * stands), `page` (the spec keeps the document's statement), or `neither` (the spec states no rule there, as
 * for a model pattern that cannot be checked).
 */
export type DriftSide = 'page' | 'model' | 'neither';

/**
 * The field of the spec that records the suite's choice for a difference. Absent on an entry when the spec
 * records nothing: the choice then follows from the schemas alone.
 */
export type DriftRecord = 'laterResponseMembers' | 'laterOptionalMembers' | 'laterConstraints' | 'narrowings';

/** What a difference is about and whether, and how, a verdict depends on it. */
export interface DriftPlace {
  readonly direction: 'request' | 'response';
  /** JSON pointer into the request or response instance; `*` for list items and map values. */
  readonly path: string;
  /**
   * Absent where no verdict depends on the difference: a request member only the model has (no generated
   * request carries it), and a response's length, range, item count or pattern (the response-schema check
   * notes those as `info`, which no verdict counts).
   */
  readonly applies?: DriftSide;
  readonly recordedIn?: DriftRecord;
}

/** A member the model adds (`added`: the page lacks it) or no longer has (`removed`). */
export interface DriftMember extends DriftPlace {
  readonly change: 'added' | 'removed';
}

/** A member both sides have, required on one side only. */
export interface DriftRequired extends DriftPlace {
  readonly page: boolean;
  readonly model: boolean;
}

/**
 * A keyword the sides state otherwise: `type` (the model's vocabulary: `structure`, `map`, `list`, `timestamp`,
 * `string`, `integer`, …), `minLength`, `maxLength`, `minimum`, `maximum`, `pattern`, `minItems`, `maxItems`,
 * `minProperties`, `maxProperties`, or one of those on a map's keys as `propertyNames/<keyword>`. `null` where the
 * side states none.
 */
export interface DriftConstraint extends DriftPlace {
  readonly keyword: string;
  readonly page: unknown;
  readonly model: unknown;
}

/** An enum value the model adds (`added`: the page lacks it) or no longer lists (`removed`). */
export interface DriftEnumValue extends DriftPlace {
  readonly value: string;
  readonly change: 'added' | 'removed';
}

/**
 * A modeled error the model adds or no longer lists. `applies`: `page` when the spec's `errors` keep the page's
 * list (the negative check allows the spec's errors only), `model` when they follow the model.
 */
export interface DriftError {
  readonly error: string;
  readonly change: 'added' | 'removed';
  readonly applies: 'page' | 'model';
}

/**
 * One request constraint the current reference states otherwise than the document: where (JSON pointer, `*` for
 * list items and map values), which JSON Schema keyword, the document's value and the reference's (`null` where
 * the reference has none the suite can check, so the rule is left out).
 */
export interface LaterConstraint {
  readonly path: string;
  readonly keyword: string;
  readonly document: unknown;
  readonly reference: unknown;
}

/** The members a paginated operation pages with, as `smithy.api#paginated` names them (paths into input/output). */
export interface ModelPagination {
  readonly inputToken: string;
  readonly outputToken: string;
  /** The output member holding a page's items, when the trait names one. */
  readonly items?: string;
  /** The input member bounding a page's size, when the trait names one. */
  readonly pageSize?: string;
}

/**
 * Constraint keywords the model overlay adds (length, range, pattern, item count) that describe what a service
 * accepts as input. Cognito's own responses break some of them (the standard attribute `phone_number_verified` is
 * longer than the 20 characters allowed for custom attribute names), so the response-schema check notes them on the
 * response side instead of reporting deviations, and the drift record gives their response differences no verdict.
 */
export const RESPONSE_NOTE_KEYWORDS: ReadonlySet<string> = new Set([
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'pattern',
  'minItems',
  'maxItems',
]);

/** The service prefix of every awsJson1.1 `X-Amz-Target` header. */
export const TARGET_PREFIX = 'AWSCognitoIdentityProviderService';
