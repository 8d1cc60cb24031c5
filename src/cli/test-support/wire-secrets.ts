import { isSecretMember, UNKNOWN_CLIENT_ID } from '../../deviations/index.ts';
import type { RecordedExchange } from './recording-proxy.ts';

/**
 * Values shorter than this are left out: a generated invalid password such as `a` occurs in any text by chance,
 * and a value that short guards nothing. (The redaction itself ignores secrets under 4 characters.)
 */
const MIN_LENGTH = 8;

/**
 * Sensitive-member values that are no secret: the suite's own unknown app client id, which the error-shape check
 * sends as `ClientId`. It is made up by the suite, the same in every run and written in its source, so it hides
 * nothing; reports show it on purpose, to say which id of a request named nothing. Listed here by value, not
 * taken from the redaction's own exemption, so that this test does not trust the code it checks.
 */
const PUBLIC_VALUES: ReadonlySet<string> = new Set([UNKNOWN_CLIENT_ID]);

/**
 * Every secret that crossed the wire in recorded exchanges: the string values of secret members (passwords,
 * `SECRET_HASH`, `ClientSecret`, tokens, sessions — the names `redact.ts` treats as secret) anywhere in request
 * and response bodies, including inside `AuthParameters`, `ChallengeResponses` and `AuthenticationResult`; all
 * but {@link PUBLIC_VALUES}.
 */
export function secretsOnTheWire(exchanges: readonly RecordedExchange[]): Set<string> {
  const secrets = new Set<string>();
  for (const exchange of exchanges) {
    for (const body of [exchange.requestBody, exchange.responseBody]) collect(parseJson(body), secrets);
  }
  return secrets;
}

/** Which of `secrets` occur in `text`, raw or JSON-escaped. */
export function leakedSecrets(text: string, secrets: Iterable<string>): string[] {
  return [...secrets].filter(
    (secret) => text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1)),
  );
}

function collect(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [member, item] of Object.entries(value)) {
    if (isSecretMember(member) && typeof item === 'string' && item.trim().length >= MIN_LENGTH) {
      if (!PUBLIC_VALUES.has(item)) into.add(item);
    } else collect(item, into);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
