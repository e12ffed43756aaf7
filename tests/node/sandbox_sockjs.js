// sockjs-client + @stomp/stompjs (the way a Spring page connects) against the sandbox's SockJS
// endpoint, over one forced SockJS transport.
// Usage: node sandbox_sockjs.js http://127.0.0.1:PORT/sockjs websocket|xhr-streaming|xhr-polling
// Runs every scenario in turn and prints one JSON object with what it observed; the Python
// test (tests/integration/test_sandbox_sockjs.py) asserts on it.
'use strict';
const SockJS = require('sockjs-client');
const { Client } = require('@stomp/stompjs');

const [url, transport] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout(promise, ms, what) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`timeout: ${what}`)), ms)),
  ]);
}

async function connect(options = {}) {
  const sockets = [];
  const client = new Client({
    webSocketFactory: () => {
      const socket = new SockJS(url, null, { transports: [transport] });
      sockets.push(socket);
      return socket;
    },
    connectHeaders: { host: 'sandbox', ...(options.connectHeaders || {}) },
    reconnectDelay: 0,
    heartbeatIncoming: 0,
    heartbeatOutgoing: 0,
    ...options,
  });
  client.closes = [];
  client.errors = [];
  client.onWebSocketClose = (event) => { client.closes.push(event.code); };
  client.onStompError = (frame) => { client.errors.push(frame.headers.message); };
  const connected = new Promise((resolve) => { client.onConnect = resolve; });
  client.activate();
  client.connectedFrame = await withTimeout(connected, 10000, 'connect');
  client.transportUsed = sockets[sockets.length - 1].transport;
  return client;
}

function receipt(client, id) {
  return withTimeout(new Promise((resolve) => client.watchForReceipt(id, resolve)), 10000,
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
  }), 10000, `${count} messages`);
  return { messages, onMessage, waitFor };
}

async function roundTrip() {
  const client = await connect();
  const got = collector();
  client.subscribe('/queue/sockjs', got.onMessage, { id: 'q', receipt: 'sub-1' });
  await receipt(client, 'sub-1');
  const big = `${'가나다라마바사'.repeat(3121).slice(0, 21845)}!`; // 65,536 UTF-8 bytes
  client.publish({
    destination: '/queue/sockjs',
    body: '{"title":"주문이 발송되었습니다"}',
    headers: { 'content-type': 'application/json;charset=utf-8', 'x-trace-id': 'abc123' },
  });
  client.publish({ destination: '/queue/sockjs', body: big });
  await got.waitFor(2);
  const [first, second] = got.messages;
  const result = {
    transport: client.transportUsed,
    version: client.connectedFrame.headers.version,
    server: client.connectedFrame.headers.server,
    body: first.body,
    headers: first.headers,
    bigBytes: Buffer.byteLength(second.body, 'utf8'),
    bigIntact: second.body === big,
  };
  await client.deactivate();
  return result;
}

async function userDestinations() {
  const alice = await connect({ connectHeaders: { login: 'alice', passcode: 'x' } });
  const bob = await connect({ connectHeaders: { login: 'bob', passcode: 'x' } });
  const sender = await connect();
  const got = { alice: collector(), bob: collector() };
  for (const [name, client] of [['alice', alice], ['bob', bob]]) {
    client.subscribe('/user/queue/notices', got[name].onMessage, { id: 'n', receipt: 'ready' });
    await receipt(client, 'ready');
  }
  sender.publish({ destination: '/user/alice/queue/notices', body: '앨리스에게' });
  sender.publish({ destination: '/user/bob/queue/notices', body: 'for bob' });
  sender.publish({ destination: '/user/carol/queue/notices', body: 'nobody' });
  await got.alice.waitFor(1);
  await got.bob.waitFor(1);
  await sleep(200);
  const seen = (c) => c.messages.map((m) => ({ body: m.body, destination: m.headers.destination }));
  const result = { alice: seen(got.alice), bob: seen(got.bob) };
  for (const client of [alice, bob, sender]) await client.deactivate();
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
    closes: [...client.closes],
    errors: [...client.errors],
    body: got.messages[0].body,
  };
  await client.deactivate();
  return result;
}

async function errorCloses() {
  const client = await connect();
  const closed = new Promise((resolve) => { client.onWebSocketClose = resolve; });
  client.publish({ destination: '/nowhere', body: 'x' });
  const event = await withTimeout(closed, 10000, 'close after ERROR');
  const result = { errors: client.errors, code: event.code, reason: event.reason };
  await client.deactivate();
  return result;
}

async function main() {
  const results = {};
  for (const [name, scenario] of Object.entries({
    roundTrip, userDestinations, heartBeats, errorCloses,
  })) {
    results[name] = await scenario();
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
