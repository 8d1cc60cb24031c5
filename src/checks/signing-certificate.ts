import { X509Certificate } from 'node:crypto';
import { compactVerify } from 'jose';
import type { CheckName, Finding } from '../deviations/index.ts';
import type { Exchange } from '../protocol/index.ts';
import { checkAccepted } from './positive.ts';

/** The check name of GetSigningCertificate findings. */
export const SIGNING_CERTIFICATE_CHECK: CheckName = 'signing-certificate';

const CERTIFICATE_PATH = '/Certificate';

/**
 * Reads a certificate as PEM or, failing that, as base64 DER (the document does not say which encoding
 * `Certificate` uses, so both are accepted). Undefined when neither parses.
 */
export function parseCertificate(text: string): X509Certificate | undefined {
  const candidates: (() => X509Certificate)[] = [
    () => new X509Certificate(text),
    () => new X509Certificate(Buffer.from(text.replace(/\s+/g, ''), 'base64')),
  ];
  for (const candidate of candidates) {
    try {
      return candidate();
    } catch {
      // try the next encoding
    }
  }
  return undefined;
}

/** What the GetSigningCertificate response yielded: the findings, and the certificate when it parsed. */
export interface CertificateResult {
  readonly findings: Finding[];
  readonly certificate?: X509Certificate;
}

/**
 * GetSigningCertificate must be accepted for a live pool and return a `Certificate` that parses as an
 * X.509 certificate (PEM or base64 DER); otherwise a `constraint` finding on `/Certificate`.
 */
export function checkCertificateResponse(exchange: Exchange): CertificateResult {
  const rejected = checkAccepted(exchange);
  if (rejected.length > 0) return { findings: rejected };
  const value = (exchange.body as { Certificate?: unknown } | undefined)?.Certificate;
  const certificate = typeof value === 'string' ? parseCertificate(value) : undefined;
  if (certificate) return { findings: [], certificate };
  return {
    findings: [
      {
        kind: 'constraint',
        severity: 'error',
        path: CERTIFICATE_PATH,
        expected: 'an X.509 certificate (PEM or base64 DER)',
        actual: typeof value === 'string' ? excerpt(value) : (value ?? null),
        message:
          typeof value === 'string'
            ? 'Certificate does not parse as an X.509 certificate'
            : 'the response has no Certificate',
      },
    ],
  };
}

/**
 * Whether the certificate's public key verifies the pool's ID token signature. Nothing when it does; a
 * `token` warning when it does not. A warning, not an error: real Cognito's signing certificate is the
 * pool's SAML signing certificate, which need not be the key its JWTs are signed with, so even AWS may
 * not pass; the finding says what a client relying on the certificate would experience.
 */
export async function checkCertificateVerifiesToken(
  certificate: X509Certificate,
  idToken: string,
): Promise<Finding[]> {
  try {
    await compactVerify(idToken, certificate.publicKey);
    return [];
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? code : (error as Error).name;
    return [
      {
        kind: 'token',
        severity: 'warning',
        path: CERTIFICATE_PATH,
        expected: "a public key that verifies the pool's ID tokens",
        actual: reason,
        message: `the signing certificate's public key (${certificate.publicKey.asymmetricKeyType ?? 'unknown type'}) does not verify the pool's IdToken (${reason})`,
      },
    ];
  }
}

function excerpt(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
