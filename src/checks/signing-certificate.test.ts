import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordedExchange } from '../../test/support/recorded-exchange.ts';
import { aSigningKey, signToken, testCertificate } from '../../test/support/token-fixture.ts';
import {
  checkCertificateResponse,
  checkCertificateVerifiesToken,
  parseCertificate,
} from './signing-certificate.ts';

const { pem, privateKey } = testCertificate();
const base64Der = new X509Certificate(pem).raw.toString('base64');

function response(body: unknown, status = 200) {
  return recordedExchange({ operation: 'GetSigningCertificate', status, body });
}

describe('parseCertificate', () => {
  it('reads PEM and base64 DER alike', () => {
    expect(parseCertificate(pem)?.subject).toContain('cognito-conformance test');
    expect(parseCertificate(base64Der)?.fingerprint256).toBe(new X509Certificate(pem).fingerprint256);
  });

  it('returns undefined for anything else', () => {
    expect(parseCertificate('not a certificate')).toBeUndefined();
    expect(parseCertificate('')).toBeUndefined();
  });
});

describe('checkCertificateResponse', () => {
  it('accepts a certificate in either encoding', () => {
    expect(checkCertificateResponse(response({ Certificate: pem })).findings).toEqual([]);
    const { findings, certificate } = checkCertificateResponse(response({ Certificate: base64Der }));
    expect(findings).toEqual([]);
    expect(certificate).toBeInstanceOf(X509Certificate);
  });

  it('reports garbage as a constraint finding on /Certificate', () => {
    expect(checkCertificateResponse(response({ Certificate: 'MIIgarbage==' })).findings).toEqual([
      expect.objectContaining({
        kind: 'constraint',
        severity: 'error',
        path: '/Certificate',
        actual: 'MIIgarbage==',
      }),
    ]);
  });

  it('reports a missing Certificate', () => {
    expect(checkCertificateResponse(response({})).findings).toEqual([
      expect.objectContaining({ kind: 'constraint', path: '/Certificate', actual: null }),
    ]);
  });

  it('reports a refused valid request as rejected-valid', () => {
    expect(
      checkCertificateResponse(response({ __type: 'InternalErrorException', message: 'x' }, 500)).findings,
    ).toEqual([expect.objectContaining({ kind: 'rejected-valid' })]);
  });
});

describe('checkCertificateVerifiesToken', () => {
  const certificate = new X509Certificate(pem);
  const claims = { token_use: 'id', aud: 'client', iat: 1_700_000_000, exp: 1_700_003_600 };

  it('finds nothing when the certificate key verifies the ID token', async () => {
    const token = await signToken({ kid: 'cert', privateKey }, claims);
    expect(await checkCertificateVerifiesToken(certificate, token)).toEqual([]);
  });

  it('warns when it does not', async () => {
    const other = await aSigningKey('other');
    const token = await signToken(other, claims);
    const findings = await checkCertificateVerifiesToken(certificate, token);
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'token',
        severity: 'warning',
        path: '/Certificate',
        actual: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
      }),
    ]);
    expect(JSON.stringify(findings)).not.toContain(token);
  });
});
