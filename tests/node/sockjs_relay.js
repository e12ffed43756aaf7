// A SockJS endpoint (sockjs-node) relaying STOMP to a broker's TCP port, the way Spring's
// SockJS support with a broker relay behaves: one STOMP frame per SockJS message each way.
//
//   node sockjs_relay.js [--port N] [--prefix /stomp] [--broker 127.0.0.1:61613]
//                        [--heartbeat-ms 25000] [--no-websocket] [--response-limit BYTES]
//
// Prints {"port": N, "prefix": "/stomp"} on stdout once listening (port 0 = any free port),
// then one line per SockJS session opened or closed on stderr. Stops on SIGTERM or when
// stdin closes (so a test that dies takes the relay with it).
'use strict';
const http = require('http');
const net = require('net');
const sockjs = require('sockjs');

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const port = Number(option('--port', '0'));
const prefix = option('--prefix', '/stomp');
const [brokerHost, brokerPort] = option('--broker', '127.0.0.1:61613').split(':');
const heartbeatMs = Number(option('--heartbeat-ms', '25000'));
const responseLimit = Number(option('--response-limit', String(128 * 1024)));
const websocket = !process.argv.includes('--no-websocket');

// Splits the broker's byte stream into whole STOMP frames (content-length aware) and EOLs.
class FrameSplitter {
  constructor(onFrame, onHeartbeat) {
    this.buffer = Buffer.alloc(0);
    this.onFrame = onFrame;
    this.onHeartbeat = onHeartbeat;
    this.afterFrame = false; // the EOL a broker writes right after a frame's NUL
  }

  feed(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const buf = this.buffer;
      if (buf.length === 0) return;
      if (buf[0] === 0x0a || (buf[0] === 0x0d && buf[1] === 0x0a)) {
        const width = buf[0] === 0x0a ? 1 : 2;
        if (!this.afterFrame) this.onHeartbeat();
        this.afterFrame = false;
        this.buffer = buf.subarray(width);
        continue;
      }
      const headEnd = buf.indexOf('\n\n');
      if (headEnd < 0) return;
      const match = /\ncontent-length:(\d+)/.exec(buf.subarray(0, headEnd).toString('latin1'));
      let end;
      if (match) {
        end = headEnd + 2 + Number(match[1]);
        if (buf.length <= end) return;
      } else {
        end = buf.indexOf(0, headEnd);
        if (end < 0) return;
      }
      this.onFrame(buf.subarray(0, end + 1).toString('utf8'));
      this.afterFrame = true;
      this.buffer = buf.subarray(end + 1);
    }
  }
}

const server = sockjs.createServer({
  prefix,
  websocket,
  heartbeat_delay: heartbeatMs,
  response_limit: responseLimit,
  disconnect_delay: 5000,
  log: () => {},
});

server.on('connection', (conn) => {
  const broker = net.connect(Number(brokerPort), brokerHost);
  broker.setNoDelay(true);
  process.stderr.write(`open ${conn.protocol}\n`);
  const splitter = new FrameSplitter(
    (frame) => conn.write(frame),
    () => conn.write('\n'),
  );
  broker.on('data', (chunk) => splitter.feed(chunk));
  broker.on('close', () => conn.close(3000, 'broker connection closed'));
  broker.on('error', () => conn.close(3000, 'broker connection failed'));
  conn.on('data', (message) => broker.write(message, 'utf8'));
  conn.on('close', () => {
    process.stderr.write(`close ${conn.protocol}\n`);
    broker.destroy();
  });
});

const web = http.createServer((req, res) => {
  res.writeHead(404);
  res.end('not found');
});
server.installHandlers(web);
web.listen(port, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: web.address().port, prefix }) + '\n');
});

const stop = () => process.exit(0);
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
