import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JWTPayload } from 'jose';
import { recordedExchange } from '../../test/support/recorded-exchange.ts';
import {
  aSigningKey,
  serveStub,
  signToken,
  type StubServer,
  type TestSigningKey,
} from '../../test/support/token-fixture.ts';
import { fetchJwks, type JwksSource } from '../auth/index.ts';
import { CheckRecorder } from '../engine/index.ts';
import { type Finding, redactSecrets } from '../deviations/index.ts';
import { AUTH_CHECK, checkAuthenticationResult } from './auth-tokens.ts';
import { tokenExpectations, type TokenExpectations } from './token-claims.ts';

const POOL = 'us-east-1_TestPool1';
const CLIENT = 'testclient0000000000000001';
const AWS_ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
const IAT = 1_700_000_000;

let key: TestSigningKey;
let impostor: TestSigningKey;
let server: StubServer;
let jwks: JwksSource;

beforeAll(async () => {
  key = await aSigningKey('pool-key');
  impostor = await aSigningKey('impostor-key');
  server = await serveStub({ keys: [key.publicJwk] });
  jwks = await fetchJwks(`${server.url}/${POOL}/.well-known/jwks.json`);
});
afterAll(() => server.close());

const emulator: TokenExpectations = tokenExpectations(
  { kind: 'embedded', region: 'us-east-1' },
  { userPoolId: POOL, clientId: CLIENT },
  true,
);

function accessClaims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: AWS_ISSUER,
    token_use: 'access',
    client_id: CLIENT,
    sub: 'sub-1',
    iat: IAT,
    exp: IAT + 3600,
    ...overrides,
  };
}

function idClaims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: AWS_ISSUER,
    token_use: 'id',
    aud: CLIENT,
    sub: 'sub-1',
    iat: IAT,
    exp: IAT + 3600,
    ...overrides,
  };
}

interface ResultParts {
  readonly access?: JWTPayload;
  readonly id?: JWTPayload;
  readonly signer?: TestSigningKey;
  readonly kid?: string;
  readonly members?: Record<string, unknown>;
}

/** A 200 AuthenticationResult with tokens signed as told; conformant when nothing is overridden. */
async function authResult(
  parts: ResultParts = {},
): Promise<{ body: Record<string, unknown>; tokens: string[] }> {
  const signer = parts.signer ?? key;
  const accessToken = await signToken(signer, parts.access ?? accessClaims(), parts.kid ?? signer.kid);
  const idToken = await signToken(signer, parts.id ?? idClaims(), parts.kid ?? signer.kid);
  const result = {
    AccessToken: accessToken,
    IdToken: idToken,
    RefreshToken: 'opaque-refresh-token-value',
    ExpiresIn: 3600,
    TokenType: 'Bearer',
    ...parts.members,
  };
  return { body: { ChallengeParameters: {}, AuthenticationResult: result }, tokens: [accessToken, idToken] };
}

async function judge(
  parts: ResultParts = {},
  expectations: TokenExpectations = emulator,
  source: JwksSource = jwks,
): Promise<Finding[]> {
  const { body } = await authResult(parts);
  return checkAuthenticationResult(
    recordedExchange({ operation: 'InitiateAuth', body }),
    expectations,
    source,
  );
}

describe('checkAuthenticationResult', () => {
  it('finds nothing in a conformant result', async () => {
    expect(await judge()).toEqual([]);
  });

  it('reports a signature that does not verify against the JWKS', async () => {
    const findings = await judge({ signer: impostor, kid: 'pool-key' });
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'token',
          severity: 'error',
          path: '/AuthenticationResult/AccessToken/$signature',
          actual: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
        }),
        expect.objectContaining({
          kind: 'token',
          severity: 'error',
          path: '/AuthenticationResult/IdToken/$signature',
        }),
      ]),
    );
    expect(findings).toHaveLength(2);
  });

  it('reports a kid the JWKS does not have', async () => {
    const findings = await judge({ signer: impostor });
    expect(findings).toContainEqual(
      expect.objectContaining({
        path: '/AuthenticationResult/AccessToken/$signature',
        actual: 'ERR_JWKS_NO_MATCHING_KEY',
      }),
    );
  });

  it('reports a JWKS that could not be fetched once, about the key set, and judges no signature', async () => {
    // One cause, one finding: moto 5.0.1 answered the JWKS with HTTP 500, and the suite used to report a
    // broken signature on each token, though no signature was ever checked.
    const findings = await judge({}, emulator, { url: 'http://127.0.0.1:1/jwks.json', failure: 'HTTP 500' });
    expect(findings.map((finding) => finding.path)).toEqual(['/AuthenticationResult/$jwks']);
    expect(findings[0]).toMatchObject({ kind: 'token', severity: 'error', actual: 'HTTP 500' });
    expect(findings[0]?.message).toContain('no token signature was checked');
  });

  it('reports the wrong token_use', async () => {
    expect(await judge({ access: accessClaims({ token_use: 'id' }) })).toEqual([
      expect.objectContaining({
        kind: 'token',
        path: '/AuthenticationResult/AccessToken/token_use',
        expected: 'access',
        actual: 'id',
      }),
    ]);
  });

  it('reports an ID token whose aud is another client', async () => {
    expect(await judge({ id: idClaims({ aud: 'someotherclient' }) })).toEqual([
      expect.objectContaining({
        kind: 'token',
        path: '/AuthenticationResult/IdToken/aud',
        expected: CLIENT,
        actual: 'someotherclient',
      }),
    ]);
  });

  it('reports an access token whose client_id is another client, or missing', async () => {
    expect(await judge({ access: accessClaims({ client_id: 'someotherclient' }) })).toEqual([
      expect.objectContaining({ path: '/AuthenticationResult/AccessToken/client_id' }),
    ]);
    const { client_id: _dropped, ...withoutClientId } = accessClaims();
    expect(await judge({ access: withoutClientId })).toEqual([
      expect.objectContaining({ path: '/AuthenticationResult/AccessToken/client_id', actual: null }),
    ]);
  });

  it('reports an iss that does not end in the pool id as an error', async () => {
    expect(
      await judge({
        access: accessClaims({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' }),
      }),
    ).toEqual([
      expect.objectContaining({
        kind: 'token',
        severity: 'error',
        path: '/AuthenticationResult/AccessToken/iss',
      }),
    ]);
  });

  it('notes an emulator host in iss as info only, but holds AWS to its own issuer', async () => {
    const emulatorIssuer = `http://127.0.0.1:9229/${POOL}`;
    const parts = { access: accessClaims({ iss: emulatorIssuer }), id: idClaims({ iss: emulatorIssuer }) };
    const noted = await judge(parts);
    expect(noted.map((finding) => [finding.severity, finding.path])).toEqual([
      ['info', '/AuthenticationResult/AccessToken/iss'],
      ['info', '/AuthenticationResult/IdToken/iss'],
    ]);
    const aws = tokenExpectations(
      { kind: 'aws', region: 'us-east-1' },
      { userPoolId: POOL, clientId: CLIENT },
      true,
    );
    expect((await judge(parts, aws)).map((finding) => finding.severity)).toEqual(['error', 'error']);
  });

  it('reports exp - iat that differs from ExpiresIn', async () => {
    expect(await judge({ access: accessClaims({ exp: IAT + 86_400 }) })).toEqual([
      expect.objectContaining({
        kind: 'token',
        path: '/AuthenticationResult/AccessToken/exp',
        expected: 3600,
        actual: 86_400,
      }),
    ]);
  });

  it('reports a missing ExpiresIn once, without judging lifetimes against it', async () => {
    expect(await judge({ members: { ExpiresIn: undefined } })).toEqual([
      expect.objectContaining({ path: '/AuthenticationResult/ExpiresIn', actual: null }),
    ]);
  });

  it('reports a TokenType that is not Bearer', async () => {
    expect(await judge({ members: { TokenType: 'bearer' } })).toEqual([
      expect.objectContaining({
        kind: 'token',
        path: '/AuthenticationResult/TokenType',
        expected: 'Bearer',
        actual: 'bearer',
      }),
    ]);
  });

  it('wants a RefreshToken from password flows only', async () => {
    expect(await judge({ members: { RefreshToken: undefined } })).toEqual([
      expect.objectContaining({ path: '/AuthenticationResult/RefreshToken' }),
    ]);
    const refresh = tokenExpectations(
      { kind: 'embedded', region: 'us-east-1' },
      { userPoolId: POOL, clientId: CLIENT },
      false,
    );
    expect(await judge({ members: { RefreshToken: undefined } }, refresh)).toEqual([]);
  });

  it('reports a missing token without judging its claims', async () => {
    expect(await judge({ members: { IdToken: undefined } })).toEqual([
      expect.objectContaining({ path: '/AuthenticationResult/IdToken', actual: null }),
    ]);
  });

  it('reports a valid sign-in answered with a 5xx as rejected-valid', async () => {
    const exchange = recordedExchange({
      operation: 'AdminInitiateAuth',
      status: 500,
      body: { __type: 'CognitoLocal#Unsupported', message: 'AdminInitAuth with AuthFlow=ADMIN_NO_SRP_AUTH' },
    });
    expect(await checkAuthenticationResult(exchange, emulator, jwks)).toEqual([
      expect.objectContaining({ kind: 'rejected-valid', path: '/$status', actual: '500 Unsupported' }),
    ]);
  });

  it('reports a challenge instead of tokens', async () => {
    const exchange = recordedExchange({
      operation: 'InitiateAuth',
      body: { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'x'.repeat(40), ChallengeParameters: {} },
    });
    expect(await checkAuthenticationResult(exchange, emulator, jwks)).toEqual([
      expect.objectContaining({
        kind: 'token',
        path: '/AuthenticationResult',
        actual: 'challenge NEW_PASSWORD_REQUIRED',
      }),
    ]);
  });

  it('never puts a token into a finding, nor into the deviation as written out', async () => {
    const { body, tokens } = await authResult({
      signer: impostor,
      access: accessClaims({ token_use: 'id', exp: IAT + 1 }),
      members: { TokenType: 'mac', RefreshToken: undefined },
    });
    const exchange = recordedExchange({ operation: 'InitiateAuth', body });
    const findings = await checkAuthenticationResult(exchange, emulator, jwks);
    const recorder = new CheckRecorder(
      'InitiateAuth',
      { kind: 'embedded', name: 'cognito-local', endpoint: 'http://127.0.0.1:9229', region: 'us-east-1' },
      { profile: 'quick', seed: 1, startedAt: '2018-02-12T00:00:00.000Z' },
    );
    recorder.record(AUTH_CHECK, findings, {
      request: {
        ClientId: CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'alice', PASSWORD: 'Aa1!hunter2hunter2' },
      },
    });
    // Findings never hold a token; the record holds the request as sent, and is redacted where it is written.
    const text = JSON.stringify([findings, redactSecrets(recorder.toRecord())]);
    expect(findings.length).toBeGreaterThan(3);
    for (const secret of [...tokens, 'opaque-refresh-token-value', 'Aa1!hunter2hunter2'])
      expect(text).not.toContain(secret);
  });
});
