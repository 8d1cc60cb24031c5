import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * A value an older document announces for an operation that the current reference no longer lists there.
 * Where the documents disagree, the later one stands: the value leaves the request schema (a narrowing), and
 * the announced change gets the verdict "withdrawn by the current reference", never a deviation.
 */
export interface Withdrawal {
  readonly operation: string;
  /** JSON pointer of the request member whose enum loses the value. */
  readonly path: string;
  readonly value: string;
  /** Where the current reference says so: the Smithy member whose documentation lists the valid values. */
  readonly source: string;
}

/** Shape ids in the current reference. */
const NAMESPACE = 'com.amazonaws.cognitoidentityprovider';

/**
 * The withdrawals this project knows of. Each is checked against the current reference at build time
 * ({@link checkWithdrawals}): the member's documentation defines the values valid for the operation, one
 * definition term (`<dt>`) each, and the withdrawn value is not among them.
 * - AdminInitiateAuth `USER_PASSWORD_AUTH`: the 2018-02-12 page announces it as a new AuthFlow of
 *   AdminInitiateAuth; the current reference defines it for InitiateAuth only (AdminInitiateAuth has
 *   ADMIN_USER_PASSWORD_AUTH), and Cognito refuses it on AdminInitiateAuth.
 */
export const WITHDRAWALS: readonly Withdrawal[] = [
  {
    operation: 'AdminInitiateAuth',
    path: '/AuthFlow',
    value: 'USER_PASSWORD_AUTH',
    source: `${NAMESPACE}#AdminInitiateAuthRequest$AuthFlow`,
  },
];

/**
 * Confirms each withdrawal against the current reference (a Smithy JSON AST), reading only which values a
 * member's documentation defines, never copying its text.
 * @throws Error naming the file and the shape when a member is missing, defines no values, or still defines
 *   the withdrawn value (the reference changed: review the table).
 */
export function checkWithdrawals(
  referencePath: string,
  withdrawals: readonly Withdrawal[] = WITHDRAWALS,
): void {
  const name = basename(referencePath);
  const shapes = (JSON.parse(readFileSync(referencePath, 'utf8')) as { shapes?: Record<string, SmithyShape> })
    .shapes;
  if (shapes === undefined) throw new Error(`${name}: expected a Smithy JSON AST with 'shapes'`);
  for (const withdrawal of withdrawals) {
    const defined = definedValues(shapes, withdrawal.source);
    if (defined === undefined)
      throw new Error(`${name}: expected a documented member ${withdrawal.source}, found none`);
    if (defined.length === 0)
      throw new Error(`${name}: expected ${withdrawal.source} to define its values (<dt> terms), found none`);
    if (defined.includes(withdrawal.value))
      throw new Error(
        `${name}: ${withdrawal.source} defines ${withdrawal.value} again; the withdrawal of it from ${withdrawal.operation} no longer holds`,
      );
  }
}

interface SmithyShape {
  readonly members?: Record<string, { readonly traits?: Record<string, unknown> }>;
}

/** The values a member's documentation defines: the upper-case words of its `<dt>` terms. */
function definedValues(shapes: Record<string, SmithyShape>, memberId: string): string[] | undefined {
  const [shapeId, member] = memberId.split('$');
  const documentation = shapes[shapeId ?? '']?.members?.[member ?? '']?.traits?.['smithy.api#documentation'];
  if (typeof documentation !== 'string') return undefined;
  return [...documentation.matchAll(/<dt>([^<]*)<\/dt>/g)].flatMap(
    (term) => (term[1] ?? '').match(/\b[A-Z][A-Z_]+\b/g) ?? [],
  );
}
