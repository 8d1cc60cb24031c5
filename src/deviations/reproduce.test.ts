import { describe, expect, it } from 'vitest';
import { kebabCase, replayRunCommand, reproductionCommand } from './reproduce.ts';
import { redactString } from './redact.ts';

const local = { kind: 'embedded', endpoint: 'http://127.0.0.1:9229', region: 'us-east-1' };

describe('reproductionCommand', () => {
  it('uses the AWS CLI for requests the SDK would send', () => {
    const command = reproductionCommand(
      local,
      'CreateUserPoolClient',
      { UserPoolId: 'p', ClientName: "it's" },
      { raw: false },
    );
    expect(command).toBe(
      `aws cognito-idp create-user-pool-client --endpoint-url http://127.0.0.1:9229 --region us-east-1 --cli-input-json '{"UserPoolId":"p","ClientName":"it'\\''s"}'`,
    );
  });

  it('uses curl for raw requests, signed for AWS', () => {
    expect(reproductionCommand(local, 'ListUserPools', { MaxResults: 'ten' }, { raw: true })).toContain(
      `-H 'X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools' --data '{"MaxResults":"ten"}'`,
    );
    const aws = reproductionCommand(
      { kind: 'aws', endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com', region: 'eu-west-1' },
      'ListUserPools',
      {},
      { raw: true },
    );
    expect(aws).toContain('--aws-sigv4 aws:amz:eu-west-1:cognito-idp');
    expect(aws).toContain('https://cognito-idp.eu-west-1.amazonaws.com/');
  });

  it('carries the request as sent, and never a secret once written out (redacted at the boundary)', () => {
    const command = reproductionCommand(
      local,
      'InitiateAuth',
      { AuthParameters: { USERNAME: 'u', PASSWORD: 'Sup3r$ecret!', SECRET_HASH: 'aGFzaA==' } },
      { raw: false },
    );
    expect(command).toContain('Sup3r$ecret!');
    const written = redactString(command);
    expect(written).not.toContain('Sup3r$ecret!');
    expect(written).not.toContain('aGFzaA==');
    expect(written).toContain('<redacted:PASSWORD>');
  });

  it('names commands as the AWS CLI does', () => {
    expect(kebabCase('GetSigningCertificate')).toBe('get-signing-certificate');
  });
});

describe('replayRunCommand', () => {
  it('replays the run for one operation with its seed, aimed at the same target', () => {
    expect(replayRunCommand(local, 'ListUserPools', 7)).toBe(
      'npx cognito-conformance run --ops ListUserPools --seed 7',
    );
    expect(
      replayRunCommand({ kind: 'endpoint', endpoint: 'http://h:1', region: 'us-east-1' }, 'ListUserPools', 7),
    ).toContain('--endpoint http://h:1');
    expect(
      replayRunCommand(
        { kind: 'container', name: 'moto', endpoint: 'http://h:1', region: 'us-east-1' },
        'ListUserPools',
        7,
      ),
    ).toContain('--target container:moto');
    expect(
      replayRunCommand({ kind: 'aws', endpoint: 'https://x', region: 'eu-west-1' }, 'ListUserPools', 7),
    ).toContain('--target aws --region eu-west-1 --allow-aws');
  });
});
