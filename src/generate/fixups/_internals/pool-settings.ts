import type { FixupContext } from '../../request-fixup.ts';
import { lambdaArn, roleArn, SENDER_EMAIL, sesIdentityArn } from './aws-values.ts';
import { clampIfPresent, isPresent, type JsonObject, objectAt, replaceIfPresent } from './edit.ts';

/**
 * Fix-ups shared by CreateUserPool and UpdateUserPool: the settings both accept. Messages keep their
 * generated text when it already has the placeholders Cognito requires, otherwise a fixed text that
 * satisfies the model patterns replaces it.
 */

const CODE = '{####}';
const USERNAME = '{username}';

export const SMS_MESSAGE = `Your code is ${CODE}`;
export const EMAIL_MESSAGE = `Your code is ${CODE}`;
export const EMAIL_BY_LINK_MESSAGE = 'Verify your address: {##Verify##}';
export const INVITE_SMS = `User ${USERNAME} code ${CODE}`;
export const INVITE_EMAIL = `User ${USERNAME} temporary password ${CODE}`;

/** Every Lambda trigger present gets a Lambda ARN. */
export function fixLambdaConfig(request: JsonObject, context: FixupContext): void {
  const triggers = objectAt(request, 'LambdaConfig');
  if (triggers === undefined) return;
  for (const trigger of Object.keys(triggers)) triggers[trigger] = lambdaArn(context);
}

/** Well-formed SES identity, reply-to address and SNS caller role. */
export function fixDelivery(request: JsonObject, context: FixupContext): void {
  const email = objectAt(request, 'EmailConfiguration');
  replaceIfPresent(email, 'SourceArn', sesIdentityArn(context));
  replaceIfPresent(email, 'ReplyToEmailAddress', SENDER_EMAIL);
  replaceIfPresent(objectAt(request, 'SmsConfiguration'), 'SnsCallerArn', roleArn('ccf-sns-caller'));
}

function ensurePlaceholders(
  parent: JsonObject | undefined,
  key: string,
  required: readonly string[],
  fallback: string,
): void {
  const value = parent?.[key];
  if (parent === undefined || typeof value !== 'string') return;
  if (!required.every((placeholder) => value.includes(placeholder))) parent[key] = fallback;
}

/**
 * Verification, authentication and invitation messages carry their placeholders; where the
 * top-level message and its `VerificationMessageTemplate` twin are both given they are made equal
 * (Cognito rejects two different texts for the same message).
 */
export function fixMessages(request: JsonObject): void {
  ensurePlaceholders(request, 'SmsVerificationMessage', [CODE], SMS_MESSAGE);
  ensurePlaceholders(request, 'EmailVerificationMessage', [CODE], EMAIL_MESSAGE);
  ensurePlaceholders(request, 'SmsAuthenticationMessage', [CODE], SMS_MESSAGE);
  const template = objectAt(request, 'VerificationMessageTemplate');
  ensurePlaceholders(template, 'SmsMessage', [CODE], SMS_MESSAGE);
  ensurePlaceholders(template, 'EmailMessage', [CODE], EMAIL_MESSAGE);
  ensurePlaceholders(template, 'EmailMessageByLink', ['{##', '##}'], EMAIL_BY_LINK_MESSAGE);
  if (template !== undefined) {
    const twins: [string, string][] = [
      ['SmsMessage', 'SmsVerificationMessage'],
      ['EmailMessage', 'EmailVerificationMessage'],
      ['EmailSubject', 'EmailVerificationSubject'],
    ];
    for (const [inner, outer] of twins) {
      if (isPresent(template, inner) && isPresent(request, outer)) template[inner] = request[outer];
    }
  }
  const invite = objectAt(objectAt(request, 'AdminCreateUserConfig'), 'InviteMessageTemplate');
  ensurePlaceholders(invite, 'SMSMessage', [USERNAME, CODE], INVITE_SMS);
  ensurePlaceholders(invite, 'EmailMessage', [USERNAME, CODE], INVITE_EMAIL);
}

/**
 * MFA can only be `ON` or `OPTIONAL` with an SMS configuration to send codes through (this API
 * version has no TOTP-only setting), so without one it is turned `OFF`.
 */
export function fixMfa(request: JsonObject): void {
  if (
    request.MfaConfiguration !== undefined &&
    request.MfaConfiguration !== 'OFF' &&
    !isPresent(request, 'SmsConfiguration')
  ) {
    request.MfaConfiguration = 'OFF';
  }
}

/** Service ranges narrower than (or absent from) the schema. */
export function fixRanges(request: JsonObject): void {
  clampIfPresent(objectAt(objectAt(request, 'Policies'), 'PasswordPolicy'), 'MinimumLength', 6, 99);
  clampIfPresent(objectAt(request, 'AdminCreateUserConfig'), 'UnusedAccountValidityDays', 0, 365);
}

const TAG_KEY_CHAR = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;

/**
 * Tag keys limited to the characters AWS allows, never with the reserved `aws:` prefix (the schema
 * only says "string" for map keys). Renamed keys keep their values.
 */
export function fixTags(request: JsonObject): void {
  const tags = objectAt(request, 'UserPoolTags');
  if (tags === undefined) return;
  const fixed: JsonObject = {};
  for (const [key, value] of Object.entries(tags)) {
    let clean = [...key].map((c) => (TAG_KEY_CHAR.test(c) ? c : '_')).join('');
    if (clean.toLowerCase().startsWith('aws:')) clean = `tag-${clean.slice(4)}`;
    if (clean === '') clean = 'tag';
    let unique = clean;
    for (let i = 1; Object.hasOwn(fixed, unique); i++) unique = `${clean}${i}`;
    fixed[unique] = value;
  }
  request.UserPoolTags = fixed;
}

/** Everything both pool operations share, in a fixed order. */
export function fixPoolSettings(request: JsonObject, context: FixupContext): void {
  fixLambdaConfig(request, context);
  fixDelivery(request, context);
  fixMessages(request);
  fixMfa(request);
  fixRanges(request);
  fixTags(request);
}
