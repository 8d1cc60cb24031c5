import { describe, expect, it } from 'vitest';
import { loadOperationSpecs, specFor } from '../spec/index.ts';
import { authRequest, excludedFlowsOf, passwordFlowsOf } from './auth-request.ts';
import { secretHash } from '../protocol/index.ts';

const specs = loadOperationSpecs();
const initiateAuth = specFor(specs, 'InitiateAuth');
const adminInitiateAuth = specFor(specs, 'AdminInitiateAuth');

describe('auth flows read off the specs', () => {
  it('offers InitiateAuth only USER_PASSWORD_AUTH among the password flows (the document rules ADMIN_NO_SRP_AUTH out)', () => {
    expect(passwordFlowsOf(initiateAuth)).toEqual(['USER_PASSWORD_AUTH']);
    expect(excludedFlowsOf(initiateAuth)).toEqual(['ADMIN_NO_SRP_AUTH']);
  });

  it('offers AdminInitiateAuth its password flow, and excludes the one the current reference withdrew', () => {
    expect(passwordFlowsOf(adminInitiateAuth)).toEqual(['ADMIN_NO_SRP_AUTH']);
    expect(excludedFlowsOf(adminInitiateAuth)).toEqual(['USER_PASSWORD_AUTH']);
  });
});

describe('authRequest', () => {
  const call = {
    userPoolId: 'us-east-1_AbC',
    clientId: 'client1',
    flow: 'USER_PASSWORD_AUTH',
    parameters: { USERNAME: 'u', PASSWORD: 'p' },
  };

  it('names the pool only where the request schema has UserPoolId', () => {
    expect(authRequest(adminInitiateAuth, call)).toEqual({
      UserPoolId: 'us-east-1_AbC',
      ClientId: 'client1',
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'u', PASSWORD: 'p' },
    });
    expect(authRequest(initiateAuth, call)).not.toHaveProperty('UserPoolId');
  });
});

describe('secretHash', () => {
  it('is base64 HMAC-SHA256 keyed with the secret over username + client id', () => {
    // Independent vector: python3 -c "import hmac,hashlib,base64;print(base64.b64encode(hmac.new(b'secret',b'alice'+b'client1',hashlib.sha256).digest()).decode())"
    expect(secretHash('secret', 'alice', 'client1')).toBe('1f+jIZ5jrvd9T9LKNEBwDVXuGhIxTem62DTEPkKb29k=');
  });
});
