import type { ModelPagination } from '../format/index.ts';
import type { SmithyShapes } from './later-members.ts';

const NAMESPACE = 'com.amazonaws.cognitoidentityprovider';

/**
 * How an operation pages, from the current reference's `smithy.api#paginated` trait on the operation (Cognito's
 * service shape has none): the members named `inputToken`, `outputToken`, `items` and `pageSize`. Undefined when
 * the reference lacks the operation or the trait. Facts only (member names).
 */
export function referencePagination(operation: string, shapes: SmithyShapes): ModelPagination | undefined {
  const trait = shapes[`${NAMESPACE}#${operation}`]?.traits?.['smithy.api#paginated'] as
    Readonly<Record<string, unknown>> | undefined;
  if (trait === undefined) return undefined;
  const member = (key: string) => (typeof trait[key] === 'string' ? (trait[key] as string) : undefined);
  const inputToken = member('inputToken');
  const outputToken = member('outputToken');
  if (inputToken === undefined || outputToken === undefined) return undefined;
  const items = member('items');
  const pageSize = member('pageSize');
  return {
    inputToken,
    outputToken,
    ...(items === undefined ? {} : { items }),
    ...(pageSize === undefined ? {} : { pageSize }),
  };
}
