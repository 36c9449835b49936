// Preloaded into the MCP SDK's example server, which hard-codes `app.listen(3000)` on every interface:
// binds it to 127.0.0.1 on BENCH_PEER_PORT instead, so the peer stays on loopback and needs no fixed port.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function patchedListen(...args) {
  if (args[0] === 3000) {
    const callback = args.find((a) => typeof a === 'function');
    return listen.call(this, Number(process.env.BENCH_PEER_PORT), '127.0.0.1', callback);
  }
  return listen.apply(this, args);
};
