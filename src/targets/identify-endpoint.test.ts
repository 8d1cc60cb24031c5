import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { identifyEndpoint } from './identify-endpoint.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server answering the given paths with JSON, everything else with 404. */
async function serving(routes: Record<string, unknown>): Promise<string> {
  server = createServer((req, res) => {
    const body = routes[req.url ?? ''];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    res.end(body === undefined ? '{}' : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
}

describe('identifyEndpoint', () => {
  it('names moto by its management route, which lists the cognitoidp backend', async () => {
    const endpoint = await serving({ '/moto-api/data.json': { cognitoidp: { CognitoIdpUserPool: [] } } });
    expect(await identifyEndpoint(endpoint)).toEqual({ emulator: 'moto' });
  });

  it('names LocalStack and its version by its health route', async () => {
    const endpoint = await serving({ '/_localstack/health': { version: '4.14.0', services: {} } });
    expect(await identifyEndpoint(endpoint)).toEqual({ emulator: 'localstack', version: '4.14.0' });
  });

  it('names cognito-local by the error type it gives an operation no API has, whatever the status', async () => {
    server = createServer((req, res) => {
      const named =
        req.method === 'POST' && String(req.headers['x-amz-target']).endsWith('.CognitoConformanceIdentify');
      res.writeHead(named ? 500 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(named ? { __type: 'CognitoLocal#Unsupported', message: 'x' } : {}));
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await identifyEndpoint(endpoint)).toEqual({ emulator: 'cognito-local' });
  });

  it('leaves an endpoint unnamed when neither route answers, or answers something else', async () => {
    expect(await identifyEndpoint(await serving({}))).toEqual({});
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    expect(await identifyEndpoint(await serving({ '/moto-api/data.json': ['not', 'moto'] }))).toEqual({});
  });

  it('never throws for an endpoint that does not answer', async () => {
    expect(await identifyEndpoint('http://127.0.0.1:9', 500)).toEqual({});
  });
});
