// Drain a queue with @stomp/stompjs over sockjs-client (a Spring page's way of connecting),
// for benchmarks/drain_bench.py: the same load our client drains through the same relay.
//   node drain_stompjs_sockjs.js SOCKJS_URL QUEUE N websocket|xhr-streaming|xhr-polling
// Prints {"seconds": S, "cpu": C, "transport": "..."}: SUBSCRIBE -> the N-th MESSAGE, and the
// process's CPU time over the same span. Exits 1 on an
// error or after 600 s.
'use strict';
const SockJS = require('sockjs-client');
const { Client } = require('@stomp/stompjs');

const [url, queue, n, transport] = process.argv.slice(2);
const wanted = Number(n);
const fail = (why) => { process.stderr.write(`drain_stompjs_sockjs: ${why}\n`); process.exit(1); };
setTimeout(() => fail('not drained within 600 s'), 600000).unref();

let socket = null;
const client = new Client({
  webSocketFactory: () => {
    socket = new SockJS(url, null, { transports: [transport] });
    return socket;
  },
  connectHeaders: { host: '/' },
  reconnectDelay: 0,
  heartbeatIncoming: 0,
  heartbeatOutgoing: 0,
  debug: () => {},
  onStompError: (frame) => fail(`ERROR ${frame.headers.message}`),
  onWebSocketClose: (event) => { if (count < wanted) fail(`closed ${event.code} after ${count}`); },
});

let count = 0;
let start = 0n;
let cpu = null;
client.onConnect = () => {
  start = process.hrtime.bigint();
  cpu = process.cpuUsage();
  client.subscribe(queue, () => {
    count += 1;
    if (count === wanted) {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      const answer = { seconds, cpu: cpuSeconds, transport: socket.transport };
      process.stdout.write(JSON.stringify(answer) + '\n');
      client.deactivate().then(() => process.exit(0));
    }
  });
};
client.activate();
