// @stomp/stompjs over WebSocket against the STOMP Explorer sandbox.
// Usage: node sandbox_stompjs.js ws://127.0.0.1:PORT/ws
// Runs every scenario in turn and prints one JSON object with what it observed; the Python
// test (tests/integration/test_sandbox_node.py) asserts on it.
'use strict';
Object.assign(global, { WebSocket: require('ws') });
const { Client } = require('@stomp/stompjs');

const url = process.argv[2];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout(promise, ms, what) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`timeout: ${what}`)), ms)),
  ]);
}

async function connect(options = {}) {
  const client = new Client({
    brokerURL: url,
    connectHeaders: { host: 'sandbox' },
    reconnectDelay: 0,
    heartbeatIncoming: 0,
    heartbeatOutgoing: 0,
    ...options,
  });
  client.closes = 0;
  client.errors = [];
  client.onWebSocketClose = () => { client.closes += 1; };
  client.onStompError = (frame) => { client.errors.push(frame.headers.message); };
  const connected = new Promise((resolve) => { client.onConnect = resolve; });
  client.activate();
  client.connectedFrame = await withTimeout(connected, 5000, 'connect');
  return client;
}

function receipt(client, id) {
  return withTimeout(new Promise((resolve) => client.watchForReceipt(id, resolve)), 5000,
    `receipt ${id}`);
}

function collector() {
  const messages = [];
  let waiters = [];
  const onMessage = (message) => {
    messages.push(message);
    waiters = waiters.filter((w) => (messages.length >= w.count ? (w.resolve(), false) : true));
  };
  const waitFor = (count) => withTimeout(new Promise((resolve) => {
    if (messages.length >= count) resolve();
    else waiters.push({ count, resolve });
  }), 5000, `${count} messages`);
  return { messages, onMessage, waitFor };
}

async function roundTrip() {
  const client = await connect();
  const got = collector();
  client.subscribe('/topic/greetings', got.onMessage, { id: 'greet', receipt: 'sub-1' });
  await receipt(client, 'sub-1');
  client.publish({
    destination: '/topic/greetings',
    body: '{"title":"주문이 발송되었습니다","message":"Your order has shipped"}',
    headers: { 'content-type': 'application/json;charset=utf-8', 'x-trace-id': 'abc123' },
  });
  await got.waitFor(1);
  const m = got.messages[0];
  const result = {
    version: client.connectedFrame.headers.version,
    server: client.connectedFrame.headers.server,
    body: m.body,
    headers: m.headers,
  };
  await client.deactivate();
  return result;
}

async function queueVsTopic() {
  const a = await connect();
  const b = await connect();
  const gotA = collector();
  const gotB = collector();
  for (const [client, got] of [[a, gotA], [b, gotB]]) {
    client.subscribe('/queue/work', got.onMessage, { id: 'q' });
    client.subscribe('/topic/news', got.onMessage, { id: 't', receipt: 'ready' });
    await receipt(client, 'ready');
  }
  for (let n = 0; n < 4; n += 1) a.publish({ destination: '/queue/work', body: `job${n}` });
  a.publish({ destination: '/topic/news', body: 'all' });
  await gotA.waitFor(3);
  await gotB.waitFor(3);
  const result = { a: gotA.messages.map((m) => m.body), b: gotB.messages.map((m) => m.body) };
  await a.deactivate();
  await b.deactivate();
  return result;
}

async function nackAndRedelivery() {
  const client = await connect();
  const got = collector();
  client.subscribe('/queue/retry', got.onMessage, { id: 'r', ack: 'client-individual',
    receipt: 'sub' });
  await receipt(client, 'sub');
  client.publish({ destination: '/queue/retry', body: 'again' });
  await got.waitFor(1);
  got.messages[0].nack();
  await got.waitFor(2);
  got.messages[1].ack({ receipt: 'acked' });
  await receipt(client, 'acked');
  await sleep(100);
  const result = got.messages.map((m) => ({
    body: m.body, redelivered: m.headers.redelivered || null,
    count: m.headers['redelivery-count'] || null, id: m.headers['message-id'],
  }));
  await client.deactivate();
  return result;
}

async function transactions() {
  const client = await connect();
  const got = collector();
  client.subscribe('/queue/tx', got.onMessage, { id: 'x', receipt: 'sub' });
  await receipt(client, 'sub');
  const kept = client.begin('keep');
  client.publish({ destination: '/queue/tx', body: 'committed', headers: { transaction: kept.id } });
  const dropped = client.begin('drop');
  client.publish({ destination: '/queue/tx', body: 'aborted', headers: { transaction: dropped.id } });
  dropped.abort();
  kept.commit();
  await got.waitFor(1);
  await sleep(200);
  const result = got.messages.map((m) => m.body);
  await client.deactivate();
  return result;
}

async function heartBeats() {
  const client = await connect({ heartbeatIncoming: 100, heartbeatOutgoing: 100 });
  await sleep(1200);
  const got = collector();
  client.subscribe('/queue/alive', got.onMessage, { id: 'a' });
  client.publish({ destination: '/queue/alive', body: 'alive' });
  await got.waitFor(1);
  const result = {
    heartBeat: client.connectedFrame.headers['heart-beat'],
    closes: client.closes,
    errors: client.errors,
    body: got.messages[0].body,
  };
  await client.deactivate();
  return result;
}

async function main() {
  const results = {};
  for (const [name, scenario] of Object.entries({
    roundTrip, queueVsTopic, nackAndRedelivery, transactions, heartBeats,
  })) {
    results[name] = await scenario();
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
