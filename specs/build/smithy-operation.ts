import type { ModelAuth, ModelPagination } from '../format/index.ts';
import { modelError, shapeName, shapeOf, type SmithyModel, type SmithyShape } from './smithy-ast.ts';

const AUTH = 'smithy.api#auth';
const OPTIONAL_AUTH = 'smithy.api#optionalAuth';
const SIGV4 = 'aws.auth#sigv4';
const PAGINATED = 'smithy.api#paginated';

/** How the SDK sends an operation, and the operation's own auth traits it was decided from. */
export interface OperationAuth {
  readonly auth: ModelAuth;
  readonly traits: Readonly<Record<string, unknown>>;
}

/**
 * `none` when the operation carries `smithy.api#optionalAuth` or a `smithy.api#auth` that lists no scheme (the
 * SDK then sends it unsigned); otherwise `sigv4`, which the operation's `smithy.api#auth` or else the service
 * must offer.
 * @throws Error naming the file and the operation when `smithy.api#auth` is not a list of shape ids, or
 *   names only schemes other than SigV4.
 */
export function operationAuth(model: SmithyModel, id: string, operation: SmithyShape): OperationAuth {
  const own = operation.traits ?? {};
  const traits = Object.fromEntries(
    [AUTH, OPTIONAL_AUTH].filter((name) => name in own).map((name) => [name, own[name]]),
  );
  const schemes = ownSchemes(model, id, own[AUTH]);
  if (OPTIONAL_AUTH in own || schemes?.length === 0) return { auth: 'none', traits };
  const offered = schemes ?? (model.service.traits?.[SIGV4] === undefined ? [] : [SIGV4]);
  if (!offered.includes(SIGV4)) {
    const found = JSON.stringify(offered);
    throw modelError(model, id, `expected ${SIGV4} among the operation's auth schemes, found ${found}`);
  }
  return { auth: 'sigv4', traits };
}

/** The operation's `smithy.api#auth` scheme ids, or undefined when it has none (the service's apply). */
function ownSchemes(model: SmithyModel, id: string, value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((scheme) => typeof scheme === 'string')) return value as string[];
  throw modelError(
    model,
    id,
    `expected ${AUTH} to be a list of auth scheme ids, found ${JSON.stringify(value)}`,
  );
}

/**
 * The operation's `smithy.api#paginated` over the service's, or undefined when the operation has none. Each
 * member it names is looked up: `inputToken` and `pageSize` in the input, `outputToken` and `items` (paths with
 * `.`) in the output.
 * @throws Error naming the file and the operation when a token is missing or names no member.
 */
export function operationPagination(
  model: SmithyModel,
  id: string,
  operation: SmithyShape,
): ModelPagination | undefined {
  const own = operation.traits?.[PAGINATED] as Record<string, unknown> | undefined;
  if (own === undefined) return undefined;
  const trait = { ...(model.service.traits?.[PAGINATED] as Record<string, unknown> | undefined), ...own };
  const path = (key: keyof ModelPagination) => paginationPath(model, id, operation, trait, key);
  const inputToken = path('inputToken');
  const outputToken = path('outputToken');
  if (inputToken === undefined || outputToken === undefined) {
    const found = JSON.stringify(trait);
    throw modelError(model, id, `expected ${PAGINATED} to name inputToken and outputToken, found ${found}`);
  }
  const items = path('items');
  const pageSize = path('pageSize');
  return {
    inputToken,
    outputToken,
    ...(items === undefined ? {} : { items }),
    ...(pageSize === undefined ? {} : { pageSize }),
  };
}

/** Where each `smithy.api#paginated` member lives. */
const PAGINATION_SIDE = {
  inputToken: 'input',
  outputToken: 'output',
  items: 'output',
  pageSize: 'input',
} as const;

/** One member path the trait names, checked against the input or output; undefined when it names none. */
function paginationPath(
  model: SmithyModel,
  id: string,
  operation: SmithyShape,
  trait: Readonly<Record<string, unknown>>,
  key: keyof ModelPagination,
): string | undefined {
  const value = trait[key];
  if (value === undefined) return undefined;
  const target = operation[PAGINATION_SIDE[key]]?.target ?? 'smithy.api#Unit';
  if (typeof value !== 'string' || !hasPath(model, target, value.split('.'), id)) {
    const found = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
    throw modelError(
      model,
      id,
      `expected ${PAGINATED} ${key} ${found} to name a member of ${target}, found none`,
    );
  }
  return value;
}

/**
 * The short names of the operation's modeled errors and the service's, sorted.
 * @throws Error naming the file and the operation when an error shape is missing or lacks `smithy.api#error`.
 */
export function operationErrors(model: SmithyModel, id: string, operation: SmithyShape): string[] {
  const references = [...(operation.errors ?? []), ...(model.service.errors ?? [])];
  const names = references.map(({ target }) => {
    if (shapeOf(model, target, id).traits?.['smithy.api#error'] === undefined)
      throw modelError(model, id, `expected ${target} to be an error shape (smithy.api#error), found none`);
    return shapeName(target);
  });
  return [...new Set(names)].sort();
}

function hasPath(model: SmithyModel, shapeId: string, path: readonly string[], where: string): boolean {
  const [name, ...rest] = path;
  if (name === undefined) return true;
  const member = shapeOf(model, shapeId, where).members?.[name];
  return member !== undefined && hasPath(model, member.target, rest, where);
}
