import { committedSpecMembers } from './spec-members.ts';
import { UNKNOWN_CLIENT_ID, UNKNOWN_IDENTIFIERS } from './unknown-ids.ts';

/**
 * Secrets never leave the process: redaction happens once, at the boundary where data is written out (report
 * files, JUnit, HTML, the step summary, console lines), with `redactSecrets` (structure-aware, by member name
 * and by shape) and, for values the run saw on the wire, `redactKnownSecrets`. Nothing earlier redacts.
 * A redacted value reads `<redacted:NAME>`, NAME being the member it sat under or the kind of secret it looked
 * like (`jwt`, `aws-access-key-id`, `signature`, `known-secret`). One value is exempt: the suite's own public
 * unknown client id under `ClientId` (see `isRedactionExempt`).
 */

/**
 * Secrets of the protocol and of the run, which no operation spec marks `sensitive`: the AuthParameters and
 * ChallengeResponses keys (`PASSWORD`, `NEW_PASSWORD`, `SECRET_HASH`, `REFRESH_TOKEN`, the SRP proofs), AWS
 * credentials and request signing, and the members of the operations the suite calls for set-up that have no
 * spec yet (passwords, `Session`, `SecretCode`). Compared with case, `-` and `_` ignored (so `NEW_PASSWORD`,
 * `NewPassword` and `new-password` are one name); exact names only: `PasswordPolicy` is not a secret.
 */
const PROTOCOL_SECRETS: readonly string[] = [
  'password',
  'newpassword',
  'proposedpassword',
  'previouspassword',
  'temporarypassword',
  'refreshtoken',
  'session',
  'secrethash',
  'secretcode',
  'passwordclaimsignature',
  'secretblock',
  'accesskeyid',
  'awsaccesskeyid',
  'secretaccesskey',
  'awssecretaccesskey',
  'sessiontoken',
  'awssessiontoken',
  'xamzsecuritytoken',
  'authorization',
];

let secretMembers: ReadonlySet<string> | undefined;

/** Folds a member name for comparison: lower case, `-` and `_` dropped. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/**
 * Whether a member name holds a secret: every member a spec marks `sensitive` (Smithy's trait, e.g. `ClientId`,
 * `ClientSecret`, `AccessToken`) and the protocol's own secrets above. Source: the committed specs.
 */
export function isSecretMember(name: string): boolean {
  secretMembers ??= new Set([...PROTOCOL_SECRETS, ...[...committedSpecMembers().sensitive].map(fold)]);
  return secretMembers.has(fold(name));
}

/**
 * The one value a secret member keeps, by member (folded): the suite's own made-up app client id
 * (`UNKNOWN_CLIENT_ID`), which the error-shape check sends as `ClientId`. It is public (it is in this source)
 * and the same in every run, so it hides nothing, and a report must show it to say which id of a request named
 * nothing. Exactly this value under exactly `ClientId` (however spelled: `client_id`, `--client-id`); every other
 * client id, and this value under any other member, is still redacted.
 */
const EXEMPT_VALUES: ReadonlyMap<string, string> = new Map([
  ['clientid', UNKNOWN_CLIENT_ID],
  ['username', UNKNOWN_IDENTIFIERS['Username'] as string],
  ['accesstoken', UNKNOWN_IDENTIFIERS['AccessToken'] as string],
]);

/** Whether `value` under secret member `name` stays as it is: the suite's public unknown client id under `ClientId`. */
export function isRedactionExempt(name: string, value: unknown): boolean {
  return typeof value === 'string' && EXEMPT_VALUES.get(fold(name)) === value;
}

/**
 * Whether `value`, as it stands under `name` in text (JSON-escaped or shell-quoted), is to be redacted. A shell
 * variable (`"$USERNAME_1"`, as a reproduction script passes what its set-up made) holds no value of its own.
 */
function redacts(name: string, value: string): boolean {
  const unquoted = value.replace(/^(['"])(.*)\1$/, '$2');
  return isSecretMember(name) && !isRedactionExempt(name, unquoted) && !SHELL_VARIABLE.test(unquoted);
}

const SHELL_VARIABLE = /^\$(?:[A-Z_][A-Z0-9_]*|\{[A-Z_][A-Z0-9_]*\})$/;

function label(name: string): string {
  return `<redacted:${name}>`;
}

type Rewrite = (text: string) => string;

/** `"Password": "…"` in JSON text, e.g. a request inlined in a reproduction command. */
const jsonMember: Rewrite = (text) =>
  text.replace(
    /"([A-Za-z_][\w-]*)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g,
    (match, name: string, colon: string, value: string) =>
      redacts(name, value) ? `"${name}"${colon}"${label(name)}"` : match,
  );

/**
 * `"RefreshToken": 9876…` or `"AccessToken": zzz…`: a secret member's value that is not a JSON string (a number, or
 * the bare text of a body that is not JSON), up to the next `,`, `}` or `]`.
 */
const unquotedJsonMember: Rewrite = (text) =>
  text.replace(
    /"([A-Za-z_][\w-]*)"(\s*:\s*)([^\s"{[,}\]][^,}\]\n]*)/g,
    (match, name: string, colon: string, value: string) =>
      value !== 'null' && redacts(name, value) ? `"${name}"${colon}"${label(name)}"` : match,
  );

/** `\"Password\": \"…\"`: JSON escaped inside a double-quoted shell argument. */
const escapedJsonMember: Rewrite = (text) =>
  text.replace(
    /\\"([A-Za-z_][\w-]*)\\"(\s*:\s*)\\"((?:(?!\\").)*)\\"/g,
    (match, name: string, colon: string, value: string) =>
      redacts(name, value) ? `\\"${name}\\"${colon}\\"${label(name)}\\"` : match,
  );

/** `AWS_SECRET_ACCESS_KEY=…` and `--client-secret …` / `--password=…` in commands. */
const assignment: Rewrite = (text) =>
  text
    .replace(/\b([A-Za-z_][\w-]*)=([^\s&'",;]+)/g, (match, name: string, value: string) =>
      redacts(name, value) ? `${name}=${label(name)}` : match,
    )
    .replace(
      /(--([a-z][a-z-]*))(=|\s+)('[^']*'|"[^"]*"|[^\s'"]+)/g,
      (match, flag: string, name: string, sep: string, value: string) =>
        redacts(name, value) ? `${flag}${sep}${label(name)}` : match,
    );

/** Secrets recognisable by shape wherever they appear. */
const shapes: Rewrite = (text) =>
  text
    .replace(/\beyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){2,4}/g, label('jwt'))
    .replace(/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, label('aws-access-key-id'))
    .replace(/\b(Signature=)[0-9a-f]{64}\b/g, `$1${label('signature')}`);

const STRING_REWRITES: readonly Rewrite[] = [
  jsonMember,
  unquotedJsonMember,
  escapedJsonMember,
  assignment,
  shapes,
];

/** Redacts the secrets inside one string: inline JSON members, assignments and flags, JWTs, AWS key ids. */
export function redactString(text: string): string {
  return STRING_REWRITES.reduce((result, rewrite) => rewrite(result), text);
}

/**
 * Deep copy of `value` with secrets replaced: the value of any secret member (whatever its type), secrets by
 * shape inside every string, and — for deviation-like objects (`path`, `expected`, `actual`) whose path ends in
 * a secret member — the expected and actual values (of any type), which are that member's values without its name.
 */
export function redactSecrets<T>(value: T): T {
  return redactValue(value) as T;
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactString(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value === null || typeof value !== 'object') return value;
  const secretPath = secretPathMember(value);
  const copy = new Map<string, unknown>();
  for (const [member, item] of Object.entries(value)) {
    copy.set(member, redactMember(member, item, secretPath));
  }
  return Object.fromEntries(copy);
}

function redactMember(member: string, item: unknown, secretPath: string | undefined): unknown {
  if (item === null || item === undefined) return item;
  if (isSecretMember(member) && !isRedactionExempt(member, item)) return label(member);
  // Whatever its type: a secret the target sent as a number or an object is still the secret.
  if (
    secretPath !== undefined &&
    (member === 'expected' || member === 'actual') &&
    !isRedactionExempt(secretPath, item)
  ) {
    return label(secretPath);
  }
  return redactValue(item);
}

/** The secret member a deviation-like object's JSON pointer `path` ends in, if any. */
function secretPathMember(value: object): string | undefined {
  const path = (value as { path?: unknown }).path;
  if (typeof path !== 'string' || !('expected' in value || 'actual' in value)) return undefined;
  const last = path
    .slice(path.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
  return last !== '' && isSecretMember(last) ? last : undefined;
}

/** Secrets shorter than this are ignored: replacing them would shred the text while hiding nothing guessable. */
export const MIN_KNOWN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of values the run knows to be secret (the passwords it generated, the client secret
 * it was given, tokens it received), raw or JSON-escaped, with `<redacted:known-secret>`. Longest first, so a
 * secret that contains another never leaves a fragment behind.
 */
export function redactKnownSecrets(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_KNOWN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return ordered.reduce((result, form) => result.split(form).join(label('known-secret')), text);
}
