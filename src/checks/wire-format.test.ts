import { describe, expect, it } from 'vitest';
import { conformingDescribeUserPool, recordedExchange } from '../../test/support/recorded-exchange.ts';
import { loadOperationSpecs, specFor } from '../spec/index.ts';
import { checkWireFormat } from './wire-format.ts';

const schema = specFor(loadOperationSpecs(), 'DescribeUserPool').response;

describe('checkWireFormat', () => {
  it('accepts the content type with parameters', () => {
    const exchange = recordedExchange({
      operation: 'DescribeUserPool',
      body: conformingDescribeUserPool(),
      headers: { 'content-type': 'application/x-amz-json-1.1; charset=utf-8', 'x-amzn-requestid': 'r' },
    });
    expect(checkWireFormat(schema, exchange)).toEqual([]);
  });

  it('reports a content type that is not the protocol one', () => {
    const exchange = recordedExchange({
      operation: 'DescribeUserPool',
      body: conformingDescribeUserPool(),
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'r' },
    });
    expect(checkWireFormat(schema, exchange)).toEqual([
      expect.objectContaining({
        kind: 'wire-format',
        path: '/$headers/content-type',
        severity: 'error',
        actual: 'application/json',
      }),
    ]);
  });

  it('reports a missing request id header', () => {
    const exchange = recordedExchange({
      operation: 'DescribeUserPool',
      body: conformingDescribeUserPool(),
      headers: { 'content-type': 'application/x-amz-json-1.1' },
    });
    expect(checkWireFormat(schema, exchange)).toEqual([
      expect.objectContaining({
        kind: 'wire-format',
        path: '/$headers/x-amzn-requestid',
        severity: 'warning',
      }),
    ]);
  });

  it('reports a successful body that is not JSON', () => {
    const exchange = recordedExchange({ operation: 'DescribeUserPool', bodyText: '<html>ok</html>' });
    expect(checkWireFormat(schema, exchange)).toEqual([
      expect.objectContaining({ kind: 'wire-format', path: '' }),
    ]);
  });

  it('reports an error body without __type, and a 5xx HTML page, as malformed errors', () => {
    const noType = recordedExchange({
      operation: 'DescribeUserPool',
      status: 400,
      body: { message: 'nope' },
    });
    const html = recordedExchange({
      operation: 'DescribeUserPool',
      status: 502,
      bodyText: '<html>Bad Gateway</html>',
    });

    expect(checkWireFormat(schema, noType)).toEqual([
      expect.objectContaining({ kind: 'malformed-error', path: '/__type' }),
    ]);
    expect(checkWireFormat(schema, html)).toEqual([
      expect.objectContaining({ kind: 'malformed-error', path: '' }),
    ]);
    expect(checkWireFormat(schema, html, { judgeErrorBody: false })).toEqual([]);
  });

  it('says nothing about an exchange that got no response', () => {
    expect(
      checkWireFormat(
        schema,
        recordedExchange({ operation: 'DescribeUserPool', status: 0, transportError: 'ECONNRESET' }),
      ),
    ).toEqual([]);
  });
});
