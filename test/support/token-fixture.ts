import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/** An RSA signing key made for one test run, with its public half as a JWK carrying `kid`. */
export interface TestSigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey | KeyObject;
  readonly publicJwk: JWK;
}

/** A fresh RS256 key pair; nothing is written to disk. */
export async function aSigningKey(kid: string): Promise<TestSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** Signs `claims` with RS256 and the key's `kid` (or `kid` given, to impersonate another key). */
export function signToken(
  key: Pick<TestSigningKey, 'kid' | 'privateKey'>,
  claims: JWTPayload,
  kid: string = key.kid,
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key.privateKey);
}

const FIXTURES = new URL('../fixtures/', import.meta.url);

/**
 * A self-signed certificate and its private key, generated once with
 * `openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj "/CN=cognito-conformance test signing certificate (test only)"`.
 * Test material only: the key signs nothing outside these tests.
 */
export function testCertificate(): { readonly pem: string; readonly privateKey: KeyObject } {
  return {
    pem: readFileSync(new URL('signing-certificate.pem', FIXTURES), 'utf8'),
    privateKey: createPrivateKey(readFileSync(new URL('signing-certificate.key.pem', FIXTURES), 'utf8')),
  };
}

/** A local HTTP server of the test's own that answers every GET with `status` and `body`. */
export interface StubServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `body` (a string as-is, anything else as JSON) on 127.0.0.1 at an OS-chosen port. */
export async function serveStub(body: unknown, status = 200): Promise<StubServer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const server: Server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
