import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ContainerLogTail } from './container-log-tail.ts';

describe('ContainerLogTail', () => {
  it('keeps the most recent lines, without colour escapes or blank lines', () => {
    const tail = new ContainerLogTail(2);
    tail.append('one\n\u001b[32mINFO\u001b[39m: two\n\nthree\n');
    expect(tail.lines()).toEqual(['INFO: two', 'three']);
  });

  it('joins lines split across chunks and keeps an unfinished last line', () => {
    const tail = new ContainerLogTail();
    tail.append('start');
    tail.append('ing\nboo');
    expect(tail.lines()).toEqual(['starting', 'boo']);
  });

  it('follows a stream, including its stderr events, until it ends', () => {
    const tail = new ContainerLogTail();
    const stream = new PassThrough();
    tail.attach(stream);
    stream.emit('data', 'out\n');
    stream.emit('err', 'err line\n');
    stream.emit('data', 'last');
    stream.emit('end');
    expect(tail.lines()).toEqual(['out', 'err line', 'last']);
    expect(tail.format()).toBe('  | out\n  | err line\n  | last');
  });

  it('says so when there were no lines', () => {
    expect(new ContainerLogTail().format()).toBe('  (the container wrote no log lines)');
  });
});
