import { describe, expect, it } from 'vitest';
import { startAwsTarget, type AwsRunAnnouncement } from './aws-target.ts';

const settings: AwsRunAnnouncement = { prefix: 'cc-test-', estimate: { requests: 123, pools: 45 } };

describe('aws target safety', () => {
  it('refuses to start without an explicit opt-in, before touching credentials or the network', async () => {
    const started = Date.now();
    await expect(
      startAwsTarget({ region: 'us-east-1', allowAws: false, log: () => undefined }, settings),
    ).rejects.toThrow(
      /refusing to run against real AWS without an explicit opt-in\. Pass --allow-aws \(or set COGNITO_CONFORMANCE_ALLOW_AWS=1\)/,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('fails clearly and quickly when no credentials can be found', async () => {
    const saved = { ...process.env };
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'])
      delete process.env[name];
    // No metadata service probes from a test: this sandbox may only talk to loopback.
    Object.assign(process.env, {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    });
    try {
      const started = Date.now();
      await expect(
        startAwsTarget(
          {
            region: 'us-east-1',
            allowAws: true,
            endpoint: 'http://127.0.0.1:9',
            log: () => undefined,
            credentialTimeoutMs: 3_000,
          },
          settings,
        ),
      ).rejects.toThrow(/aws target: no AWS credentials .*Configure the SDK's default chain/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      process.env = saved;
    }
  });

  it('announces the account, the load and the prefix before it starts', async () => {
    const lines: string[] = [];
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
      AWS_SECRET_ACCESS_KEY: 'example-secret-key-example-secret-key0',
    });
    try {
      const target = await startAwsTarget(
        {
          region: 'eu-west-1',
          allowAws: true,
          endpoint: 'http://127.0.0.1:9',
          log: (line) => lines.push(line),
        },
        settings,
      );
      await target.stop();
      expect(target.descriptor).toMatchObject({
        kind: 'aws',
        region: 'eu-west-1',
        endpoint: 'http://127.0.0.1:9',
      });
      expect(target.descriptor.credentials).toBeUndefined();
    } finally {
      process.env = saved;
    }
    const { requests, pools } = settings.estimate;
    expect(lines).toEqual([
      expect.stringContaining(`prefix cc-test-; about ${requests} requests and at most ${pools} user pools`),
    ]);
    expect(lines.join('\n')).not.toContain('example-secret-key');
  });
});
