// UDP ports for externalMedia, one per call, from the configured range
// [min, max]. Ports are handed out round-robin so a port released by one call
// is not reused at once: stray packets of the old call would land in the new.
import dgram from 'node:dgram';
import net from 'node:net';

export class PortPoolExhaustedError extends Error {
  readonly code = 'RTP_PORTS_EXHAUSTED';
  constructor(readonly min: number, readonly max: number) {
    super(`no free RTP port in ${min}-${max}`);
    this.name = 'PortPoolExhaustedError';
  }
}

export interface PortLease {
  socket: dgram.Socket;
  port: number;
  /** Closes the socket and frees the port; safe to call more than once. */
  release(): void;
}

export interface PortPoolOptions {
  host: string;
  min: number;
  max: number;
}

export class PortPool {
  private readonly host: string;
  private readonly min: number;
  private readonly max: number;
  private readonly type: dgram.SocketType;
  private readonly leased = new Set<number>();
  private cursor: number;

  constructor(opts: PortPoolOptions) {
    if (!Number.isInteger(opts.min) || !Number.isInteger(opts.max) || opts.min > opts.max || opts.min < 1 || opts.max > 65535) {
      throw new RangeError(`invalid RTP port range ${opts.min}-${opts.max}`);
    }
    this.host = opts.host;
    this.min = opts.min;
    this.max = opts.max;
    this.type = net.isIPv6(opts.host) ? 'udp6' : 'udp4';
    this.cursor = opts.min;
  }

  get inUse(): number {
    return this.leased.size;
  }

  get capacity(): number {
    return this.max - this.min + 1;
  }

  /** Binds the next free port; ports taken by other processes are skipped. */
  async acquire(): Promise<PortLease> {
    for (let tried = 0; tried < this.capacity; tried++) {
      const port = this.cursor;
      this.cursor = port === this.max ? this.min : port + 1;
      if (this.leased.has(port)) continue;
      // Reserved before the bind so a concurrent acquire() skips it.
      this.leased.add(port);
      try {
        const socket = await this.bind(port);
        return this.lease(socket, port);
      } catch (err) {
        this.leased.delete(port);
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'EADDRINUSE' && code !== 'EACCES') throw err;
      }
    }
    throw new PortPoolExhaustedError(this.min, this.max);
  }

  private bind(port: number): Promise<dgram.Socket> {
    return new Promise((resolve, reject) => {
      const socket = dgram.createSocket({ type: this.type, reuseAddr: false });
      const onError = (err: Error) => {
        socket.close();
        reject(err);
      };
      socket.once('error', onError);
      socket.bind(port, this.host, () => {
        socket.off('error', onError);
        resolve(socket);
      });
    });
  }

  private lease(socket: dgram.Socket, port: number): PortLease {
    let released = false;
    return {
      socket,
      port,
      release: () => {
        if (released) return;
        released = true;
        this.leased.delete(port);
        try {
          socket.close();
        } catch {
          // Already closed by its owner: the port is free either way.
        }
      },
    };
  }
}
