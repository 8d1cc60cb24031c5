import type { FixupContext } from '../../request-fixup.ts';

/**
 * Well-formed AWS values for members whose schema only says "string": ARNs, e-mail addresses, URLs,
 * attribute and scope names. They satisfy the model patterns (ArnType, EmailAddressType, …) as well.
 */

/** The placeholder account id used in ARNs the suite does not own (documentation example account). */
export const PLACEHOLDER_ACCOUNT = '123456789012';

/** The region of the live user pool (its id starts with it), else `us-east-1`. */
export function regionOf(context: FixupContext): string {
  const match = /^([a-z]{2}(?:-[a-z]+)+-\d)_/u.exec(context.userPoolId ?? '');
  return match?.[1] ?? 'us-east-1';
}

/** A Lambda trigger ARN: the suite's own when it has one, else a well-formed placeholder. */
export function lambdaArn(context: FixupContext): string {
  return (
    context.lambdaArn?.() ?? `arn:aws:lambda:${regionOf(context)}:${PLACEHOLDER_ACCOUNT}:function:ccf-trigger`
  );
}

/** An IAM role ARN (SMS caller, analytics): IAM ARNs have no region. */
export function roleArn(name: string): string {
  return `arn:aws:iam::${PLACEHOLDER_ACCOUNT}:role/${name}`;
}

/** The placeholder sender address, on the reserved `example.com` domain. */
export const SENDER_EMAIL = 'noreply@example.com';

/** An SES identity ARN for the placeholder sender. */
export function sesIdentityArn(context: FixupContext): string {
  return `arn:aws:ses:${regionOf(context)}:${PLACEHOLDER_ACCOUNT}:identity/${SENDER_EMAIL}`;
}

/** The i-th placeholder callback / sign-out URL (HTTPS, no fragment, as Cognito requires). */
export function appUrl(kind: 'callback' | 'logout', index: number): string {
  return `https://example.com/${kind}/${index}`;
}

/** A Pinpoint application id shape (32 hex digits). */
export const PLACEHOLDER_PINPOINT_APP = '0123456789abcdef0123456789abcdef';

/** Standard user-pool attributes a client may be allowed to write. */
export const WRITABLE_STANDARD_ATTRIBUTES: readonly string[] = [
  'address',
  'birthdate',
  'email',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
];

/** Standard attributes a client may be allowed to read (the writable ones plus the verification flags). */
export const READABLE_STANDARD_ATTRIBUTES: readonly string[] = [
  ...WRITABLE_STANDARD_ATTRIBUTES,
  'email_verified',
  'phone_number_verified',
];

/** Every standard attribute name, which a custom attribute must not reuse. */
export const STANDARD_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([
  ...READABLE_STANDARD_ATTRIBUTES,
  'sub',
]);

/** OAuth scopes every user pool has. `email`, `phone` and `profile` need `openid` beside them. */
export const STANDARD_OAUTH_SCOPES: readonly string[] = [
  'openid',
  'email',
  'phone',
  'profile',
  'aws.cognito.signin.user.admin',
];
