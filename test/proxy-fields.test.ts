import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseProxyFields, proxyFieldProblems, proxyUrlFromFields, type ProxyFields } from '../source/core/proxy-settings.js';

const fields = (over: Partial<ProxyFields>): ProxyFields => ({ use: true, host: '', port: '', auth: false, user: '', password: '', ...over });

test('a whole proxy URL typed into the address field is split; full-width digits are read', () => {
  assert.deepEqual(normaliseProxyFields(fields({ host: ' http://proxy.example.co.jp:8080/ ' })), fields({ host: 'proxy.example.co.jp', port: '8080' }));
  assert.equal(normaliseProxyFields(fields({ host: 'proxy', port: '８０８０' })).port, '8080');
});

test('unusable fields are named; nothing is asked when no proxy is used', () => {
  assert.deepEqual(proxyFieldProblems(fields({ host: 'a b', port: '99999', auth: true })), ['host', 'port', 'user', 'password']);
  assert.deepEqual(proxyFieldProblems(fields({ use: false })), []);
  assert.deepEqual(proxyFieldProblems(fields({ host: 'proxy', port: '8080' })), []);
});

test('the proxy URL percent-encodes credentials', () => {
  assert.equal(proxyUrlFromFields(fields({ host: 'proxy', port: '8080', auth: true, user: 'CORP\\alice', password: 'p@ss/1' })), 'http://CORP%5Calice:p%40ss%2F1@proxy:8080');
  assert.equal(proxyUrlFromFields(fields({ use: false })), undefined);
});
