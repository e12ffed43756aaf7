// Receive one message with @stomp/stompjs over WebSocket and print it as JSON.
//   node receive_one.js WS_URL DESTINATION [LOGIN PASSCODE VHOST]
// Prints {"ready": true} once the SUBSCRIBE is receipted, then {"body": ..., "headers": ...}
// for the first MESSAGE, and exits 0. Exits 1 on a STOMP or WebSocket error or after 30 s.
Object.assign(global, { WebSocket: require('ws') });
const { Client } = require('@stomp/stompjs');

const [url, destination, login = 'guest', passcode = 'guest', vhost = '/'] = process.argv.slice(2);
const say = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
const fail = (why) => { process.stderr.write(`receive_one: ${why}\n`); process.exit(1); };
setTimeout(() => fail('no message within 30 s'), 30000).unref();

const client = new Client({
  brokerURL: url,
  connectHeaders: { login, passcode, host: vhost },
  reconnectDelay: 0,
  heartbeatIncoming: 0,
  heartbeatOutgoing: 0,
  onStompError: (frame) => fail(`ERROR ${frame.headers.message}`),
  onWebSocketError: () => fail('WebSocket error'),
});
client.onConnect = () => {
  client.watchForReceipt('sub-ready', () => say({ ready: true }));
  client.subscribe(destination, (message) => {
    say({ body: message.body, headers: message.headers });
    client.deactivate().then(() => process.exit(0));
  }, { receipt: 'sub-ready' });
};
client.activate();
