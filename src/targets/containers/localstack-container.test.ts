import { describe, expect, it } from 'vitest';
import { launchContainerTarget } from './launch-container-target.ts';
import { LOCALSTACK_AUTH_TOKEN_ENV, LocalStackProContainer } from './localstack-container.ts';

describe('LocalStack Pro container', () => {
  it('fails at once, before looking for an engine, when LOCALSTACK_AUTH_TOKEN is missing', async () => {
    const started = Date.now();
    await expect(new LocalStackProContainer(undefined, {}).start()).rejects.toThrow(
      /^container:localstack: LOCALSTACK_AUTH_TOKEN is not set\. Cognito is a paid LocalStack feature/,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('treats a blank token as missing', async () => {
    await expect(
      new LocalStackProContainer(undefined, { [LOCALSTACK_AUTH_TOKEN_ENV]: '  ' }).start(),
    ).rejects.toThrow('LOCALSTACK_AUTH_TOKEN is not set');
  });

  it('is what --target container:localstack launches, with the same message', async () => {
    const saved = process.env[LOCALSTACK_AUTH_TOKEN_ENV];
    delete process.env[LOCALSTACK_AUTH_TOKEN_ENV];
    try {
      await expect(
        launchContainerTarget('localstack', { image: 'localstack/localstack-pro:4.14.0' }),
      ).rejects.toThrow(
        /container:localstack: LOCALSTACK_AUTH_TOKEN is not set.*localstack\/localstack-pro:4\.14\.0.*container:cognito-local or container:moto/s,
      );
    } finally {
      if (saved !== undefined) process.env[LOCALSTACK_AUTH_TOKEN_ENV] = saved;
    }
  });
});
