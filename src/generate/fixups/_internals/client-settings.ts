import type { FixupContext } from '../../request-fixup.ts';
import {
  appUrl,
  PLACEHOLDER_PINPOINT_APP,
  READABLE_STANDARD_ATTRIBUTES,
  roleArn,
  STANDARD_OAUTH_SCOPES,
  WRITABLE_STANDARD_ATTRIBUTES,
} from './aws-values.ts';
import {
  arrayAt,
  clampIfPresent,
  distinct,
  isPresent,
  type JsonObject,
  objectAt,
  replaceIfPresent,
  stableHash,
} from './edit.ts';

/**
 * Fix-ups shared by CreateUserPoolClient and UpdateUserPoolClient: settings Cognito cross-checks.
 * Array members keep their generated length where possible (so generated variety and the paths an
 * invalid request may target survive); only their contents are replaced by meaningful values.
 */

/**
 * Each item becomes a distinct name from `names`: items already in `names` are kept, others get an
 * unused name chosen from the generated text (deterministic); items beyond `names.length` are dropped.
 */
function pickDistinct(items: readonly unknown[], names: readonly string[]): string[] {
  const used = new Set<string>();
  const offset = stableHash(items.map((item) => String(item)).join('|'));
  const picked: string[] = [];
  for (const item of items.slice(0, names.length)) {
    let name = typeof item === 'string' && names.includes(item) && !used.has(item) ? item : undefined;
    for (let step = 0; name === undefined; step++) {
      const candidate = names[(offset + step) % names.length] as string;
      if (!used.has(candidate)) name = candidate;
    }
    used.add(name);
    picked.push(name);
  }
  return picked;
}

/** Read/write permissions name standard attributes; whatever a client may write it may also read. */
function fixAttributePermissions(request: JsonObject): void {
  const read = arrayAt(request, 'ReadAttributes');
  const write = arrayAt(request, 'WriteAttributes');
  if (write !== undefined) request.WriteAttributes = pickDistinct(write, WRITABLE_STANDARD_ATTRIBUTES);
  if (read !== undefined) {
    const written = (request.WriteAttributes as string[] | undefined) ?? [];
    request.ReadAttributes = distinct([...pickDistinct(read, READABLE_STANDARD_ATTRIBUTES), ...written]);
  }
}

/** `CUSTOM_AUTH_FLOW_ONLY` excludes the other flows; legacy and `ALLOW_*` values cannot be mixed. */
function fixExplicitAuthFlows(request: JsonObject): void {
  const flows = arrayAt(request, 'ExplicitAuthFlows');
  if (flows === undefined) return;
  let fixed = flows.map((flow) => String(flow));
  if (fixed.some((flow) => flow.startsWith('ALLOW_')))
    fixed = fixed.filter((flow) => flow.startsWith('ALLOW_'));
  if (fixed.length > 1) fixed = fixed.filter((flow) => flow !== 'CUSTOM_AUTH_FLOW_ONLY');
  request.ExplicitAuthFlows = distinct(fixed);
}

/** Only the built-in Cognito provider is known to exist. */
function fixIdentityProviders(request: JsonObject): void {
  const providers = arrayAt(request, 'SupportedIdentityProviders');
  if (providers !== undefined) request.SupportedIdentityProviders = providers.length === 0 ? [] : ['COGNITO'];
}

/** HTTPS URLs; the default redirect is one of the callback URLs. */
function fixUrls(request: JsonObject): void {
  for (const [key, kind] of [
    ['CallbackURLs', 'callback'],
    ['LogoutURLs', 'logout'],
  ] as const) {
    const urls = arrayAt(request, key);
    if (urls !== undefined) request[key] = urls.map((_, index) => appUrl(kind, index));
  }
  if (!isPresent(request, 'DefaultRedirectURI')) return;
  const callbacks = arrayAt(request, 'CallbackURLs');
  if (callbacks === undefined || callbacks.length === 0) request.CallbackURLs = [appUrl('callback', 0)];
  request.DefaultRedirectURI = (request.CallbackURLs as string[])[0];
}

/**
 * A coherent OAuth configuration, or none. Any sign of OAuth (flows, scopes, or the enabling flag)
 * yields: the flag true; flows non-empty, `client_credentials` only alone and only when the client has
 * (or gets) a secret and the pool has custom scopes, else replaced by `code`; scopes from the standard
 * set (with `openid` whenever `email`/`phone`/`profile` is asked for) or the custom ones for
 * `client_credentials`; callback URLs for `code`/`implicit`; and the Cognito identity provider.
 */
function fixOAuth(
  request: JsonObject,
  context: FixupContext,
  secret: 'generate' | 'existing' | 'none',
): void {
  const flows = (arrayAt(request, 'AllowedOAuthFlows') ?? []).map((flow) => String(flow));
  const scopes = arrayAt(request, 'AllowedOAuthScopes') ?? [];
  if (request.AllowedOAuthFlowsUserPoolClient !== true && flows.length === 0 && scopes.length === 0) return;
  const customScopes = context.customScopes ?? [];
  const machineOnly = flows.length > 0 && flows.every((flow) => flow === 'client_credentials');
  const clientCredentials = machineOnly && customScopes.length > 0 && secret !== 'none';
  let fixedFlows: string[];
  if (clientCredentials) {
    fixedFlows = ['client_credentials'];
    if (secret === 'generate') request.GenerateSecret = true;
    request.AllowedOAuthScopes = scopes.length === 0 ? [customScopes[0]] : pickDistinct(scopes, customScopes);
  } else {
    fixedFlows = distinct(flows.map((flow) => (flow === 'client_credentials' ? 'code' : flow)));
    if (fixedFlows.length === 0) fixedFlows = ['code'];
    const picked = scopes.length === 0 ? ['openid'] : pickDistinct(scopes, STANDARD_OAUTH_SCOPES);
    const needsOpenid = picked.some((scope) => scope === 'email' || scope === 'phone' || scope === 'profile');
    request.AllowedOAuthScopes = needsOpenid && !picked.includes('openid') ? [...picked, 'openid'] : picked;
    const callbacks = arrayAt(request, 'CallbackURLs');
    if (callbacks === undefined || callbacks.length === 0) request.CallbackURLs = [appUrl('callback', 0)];
  }
  request.AllowedOAuthFlows = fixedFlows;
  request.AllowedOAuthFlowsUserPoolClient = true;
  if ((arrayAt(request, 'SupportedIdentityProviders') ?? []).length === 0)
    request.SupportedIdentityProviders = ['COGNITO'];
}

/** A well-formed analytics role and Pinpoint application id. */
function fixAnalytics(request: JsonObject): void {
  const analytics = objectAt(request, 'AnalyticsConfiguration');
  replaceIfPresent(analytics, 'RoleArn', roleArn('ccf-analytics'));
  replaceIfPresent(analytics, 'ApplicationId', PLACEHOLDER_PINPOINT_APP);
}

/**
 * Everything both client operations share. `secret` says whether `client_credentials` can be allowed:
 * `generate` (CreateUserPoolClient may set GenerateSecret), `existing` (the client has a secret) or `none`.
 */
export function fixClientSettings(
  request: JsonObject,
  context: FixupContext,
  secret: 'generate' | 'existing' | 'none',
): void {
  clampIfPresent(request, 'RefreshTokenValidity', 1, 3650);
  fixAttributePermissions(request);
  fixExplicitAuthFlows(request);
  fixIdentityProviders(request);
  fixUrls(request);
  fixOAuth(request, context, secret);
  fixAnalytics(request);
}
