import { describe, expect, it } from 'vitest';
import { hostOf } from '../../../../src/core';

describe('hostOf', () => {
  it('reads the host of an absolute URL, lowercased, without port or user info', () => {
    expect(hostOf('https://Login.Example.com:8443/authorize?x=1')).toBe('login.example.com');
    expect(hostOf('  http://user:pass@[::1]:3000/cb ')).toBe('[::1]');
  });

  it('with port, keeps a port other than the scheme default, as URL.host does', () => {
    expect(hostOf('http://127.0.0.1:3000/api', { port: true })).toBe('127.0.0.1:3000');
    expect(hostOf('https://a.example:443/x', { port: true })).toBe('a.example');
    expect(hostOf('http://a.example:80/x', { port: true })).toBe('a.example');
    expect(hostOf('https://a.example:80/x', { port: true })).toBe('a.example:80');
    expect(hostOf('http://[::1]:03000/', { port: true })).toBe('[::1]:3000');
    for (const url of ['http://127.0.0.1:3000/api', 'https://a.example:443/', 'http://[::1]:8080/x', 'https://a.example/']) {
      expect(hostOf(url, { port: true })).toBe(new URL(url).host);
    }
  });

  it('answers undefined for what is not an absolute URL, and never throws', () => {
    expect(hostOf('/relative/path')).toBeUndefined();
    expect(hostOf('login.example.com')).toBeUndefined();
    expect(hostOf('https://')).toBeUndefined();
    expect(hostOf(42 as unknown as string)).toBeUndefined();
  });
});
