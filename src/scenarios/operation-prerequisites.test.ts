import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordedExchange } from '../../test/support/recorded-exchange.ts';
import { loadOperationSpecs, specFor } from '../spec/index.ts';
import type { CallResult } from '../wire/index.ts';
import { createPrerequisites } from './operation-prerequisites.ts';

const SPECS = loadOperationSpecs();
const POOL = 'us-east-1_Pool1';
/** RFC 6238's base32 test secret ("12345678901234567890"). */
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** A target that answers every call of a set-up: sign-ins with tokens, AssociateSoftwareToken with the secret. */
function fakeTarget() {
  const sent: { operation: string; input: Record<string, unknown> }[] = [];
  const answers: Record<string, Record<string, unknown>> = {
    AdminInitiateAuth: { AuthenticationResult: { AccessToken: 'access.1', RefreshToken: 'refresh.1' } },
    AssociateSoftwareToken: { SecretCode: SECRET },
    CreateGroup: { Group: { GroupName: 'made-group' } },
  };
  return {
    sent,
    wire: {
      async send(operation: string, input: object): Promise<CallResult> {
        sent.push({ operation, input: input as Record<string, unknown> });
        const body = answers[operation] ?? {};
        return {
          exchange: recordedExchange({ operation, request: input, status: 200, body }),
          output: body,
        } as CallResult;
      },
    },
    resources: {
      pool: async () => ({ id: POOL, name: 'cc-t-pool' }),
      appClient: async () => ({ userPoolId: POOL, clientId: 'client1' }),
      user: async () => ({ userPoolId: POOL, username: 'u@example.com', password: 'Aa1!pw' }),
      onCleanup: (what: string, run: () => Promise<CallResult>) => cleanups.push({ what, run }),
      uniqueName: (label: string) => `cc-t-${label}`,
    },
  };
}

const cleanups: { what: string; run: () => Promise<CallResult> }[] = [];

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) by hand, to check the library's code independently. */
function totp(secretBase32: string, at: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secretBase32) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)?.map((byte) => parseInt(byte, 2)) ?? []);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0xf;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

describe('createPrerequisites: a walk of the resource graph', () => {
  it('makes what AdminAddUserToGroup needs: a pool, a user and a group from CreateGroup, deleted before the pool', async () => {
    const target = fakeTarget();
    const live = await createPrerequisites(
      specFor(SPECS, 'AdminAddUserToGroup'),
      target.resources,
      target.wire,
      SPECS,
    );

    expect(live).toMatchObject({
      userPoolId: POOL,
      username: 'u@example.com',
      identifiers: { GroupName: 'made-group' },
    });
    expect(live.unavailable).toBeUndefined();
    expect(target.sent.map((call) => call.operation)).toEqual(['CreateGroup']);
    expect(cleanups.at(-1)?.what).toBe('DeleteGroup of GroupName');
  });

  it("computes VerifySoftwareToken's code from AssociateSoftwareToken's secret, as an authenticator app does", async () => {
    const target = fakeTarget();
    const before = Date.now();
    const live = await createPrerequisites(
      specFor(SPECS, 'VerifySoftwareToken'),
      target.resources,
      target.wire,
      SPECS,
    );

    expect(target.sent.map((call) => call.operation)).toEqual([
      'AdminInitiateAuth',
      'AssociateSoftwareToken',
    ]);
    expect(target.sent[1]?.input).toEqual({ AccessToken: 'access.1' });
    expect([totp(SECRET, before), totp(SECRET, Date.now())]).toContain(
      live.identifiers?.['AuthenticatorAppCode'],
    );
    expect(live.unavailable).toBeUndefined();
  });

  it('names what it cannot make: a code sent by email or SMS, and a session that only a challenge gives', async () => {
    const target = fakeTarget();
    const confirm = await createPrerequisites(
      specFor(SPECS, 'ConfirmSignUp'),
      target.resources,
      target.wire,
      SPECS,
    );
    expect(confirm.unavailable).toBe(
      'needs EmailOrSmsCode (email-or-sms), which no operation of the API returns',
    );

    const respond = await createPrerequisites(
      specFor(SPECS, 'RespondToAuthChallenge'),
      target.resources,
      target.wire,
      SPECS,
    );
    expect(respond.unavailable).toContain('a Session (a password sign-in gave none)');
  });
});
