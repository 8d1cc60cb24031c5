import { afterEach, describe, expect, it } from 'vitest';
import { aSigningKey, serveStub, type StubServer } from '../../test/support/token-fixture.ts';
import { fetchJwks, jwksUrl } from './jwks.ts';

let server: StubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('jwksUrl', () => {
  it('puts the pool id under the endpoint, AWS-style', () => {
    expect(jwksUrl('https://cognito-idp.eu-west-1.amazonaws.com', 'eu-west-1_AbC')).toBe(
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC/.well-known/jwks.json',
    );
    expect(jwksUrl('http://127.0.0.1:9229/', 'us-east-1_X')).toBe(
      'http://127.0.0.1:9229/us-east-1_X/.well-known/jwks.json',
    );
  });
});

describe('fetchJwks', () => {
  it('wraps a JWK Set it fetched in a key resolver', async () => {
    const key = await aSigningKey('k1');
    server = await serveStub({ keys: [key.publicJwk] });
    const source = await fetchJwks(`${server.url}/jwks.json`);
    expect('keys' in source).toBe(true);
  });

  it('reports an HTTP error as a failure, not a throw', async () => {
    server = await serveStub({ message: 'no such pool' }, 404);
    expect(await fetchJwks(`${server.url}/jwks.json`)).toEqual(
      expect.objectContaining({ failure: 'HTTP 404' }),
    );
  });

  it('reports a body that is not JSON', async () => {
    server = await serveStub('<html>nope</html>');
    expect(await fetchJwks(`${server.url}/jwks.json`)).toEqual(
      expect.objectContaining({ failure: 'the body is not JSON' }),
    );
  });

  it('reports JSON that is not a JWK Set', async () => {
    server = await serveStub({ key: 'value' });
    expect(await fetchJwks(`${server.url}/jwks.json`)).toEqual(
      expect.objectContaining({ failure: expect.stringContaining('not a JWK Set') }),
    );
  });

  it('reports an unreachable endpoint', async () => {
    const gone = await serveStub({});
    await gone.close();
    expect(await fetchJwks(`${gone.url}/jwks.json`, { timeoutMs: 2_000 })).toEqual(
      expect.objectContaining({ failure: expect.stringContaining('no response') }),
    );
  });
});
