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
 * One operation's spec (`specs/operations/<Operation>.json`, spec version 1), written by `npm run specs`: its
 * request and response JSON Schemas (2020-12, with the model's constraints and the `sensitive` annotation),
 * modeled errors, the changes and narrowings its document announces, and where each fact came from.
 */
export interface OperationSpec {
  readonly specVersion: 1;
  readonly operation: string;
  /** The awsJson1.1 `X-Amz-Target` value. */
  readonly target: string;
  /** Whether the document marks the operation `new` or `updated` in this release. */
  readonly status: 'new' | 'updated';
  readonly source: { readonly document: string; readonly section: string; readonly line: number };
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

/** The service prefix of every awsJson1.1 `X-Amz-Target` header. */
export const TARGET_PREFIX = 'AWSCognitoIdentityProviderService';
