// A local HTTP server for contract fakes of CRM APIs: one per fake, on 127.0.0.1 and a free
// port, serving under a prefix (`/<connector id>`), with switches for the failures a connector
// must survive (a status, latency, a socket dropped without an answer) and a log of what it was
// asked. What the CRM answers is the fake's own `handle`; this module knows no CRM.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One failure to inflict instead of (or before) the fake's answer. */
export interface Fault {
  /** Answer this status with the CRM's own body for it (the fake's `faultResponse`). */
  status?: number;
  /** Wait this long before answering (or before dropping the socket). */
  latencyMs?: number;
  /** Destroy the socket without any response: the client sees a network error. */
  dropSocket?: boolean;
}

export interface FakeRequest {
  method: string;
  /** The path after the prefix, e.g. `/crm/v3/objects/calls`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  bodyText: string;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is a string (then sent as is, with the headers given). */
  body?: unknown;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  authorization: string | undefined;
  bodyText: string;
  /** The status answered; undefined when the socket was dropped. */
  status: number | undefined;
  fault: Fault | undefined;
}

/**
 * The switches a test flips: `next` queues faults for the coming requests in order, `nth` aims
 * one at the nth request from now, `always` applies to every request until `clear`.
 */
export class FaultSwitch {
  private queue: Fault[] = [];
  private aimed = new Map<number, Fault>();
  private standing: Fault | undefined;
  private seen = 0;

  next(fault: Fault): void {
    this.queue.push(fault);
  }

  /** The nth request from now (1 = the next one) gets `fault`. */
  nth(n: number, fault: Fault): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`nth wants a count from 1, got ${n}`);
    this.aimed.set(this.seen + n, fault);
  }

  always(fault: Fault): void {
    this.standing = fault;
  }

  clear(): void {
    this.queue = [];
    this.aimed.clear();
    this.standing = undefined;
  }

  /** Faults not yet used (queued and aimed; a standing one is not counted). */
  pending(): number {
    return this.queue.length + this.aimed.size;
  }

  /** Called once per request by the server: the fault this request gets, if any. */
  take(): Fault | undefined {
    this.seen += 1;
    const aimed = this.aimed.get(this.seen);
    if (aimed) {
      this.aimed.delete(this.seen);
      return aimed;
    }
    return this.queue.shift() ?? this.standing;
  }
}

/**
 * A rolling-window limiter per key (per token): at most `max` accepted requests in any
 * `intervalMs`. The clock is passed in so a test can step it instead of waiting.
 */
export class RollingWindowLimiter {
  private hits = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts a request if the window has room; says what is left either way. */
  hit(key: string): { allowed: boolean; remaining: number; retryAfterMs: number } {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.intervalMs);
    const allowed = recent.length < this.max;
    if (allowed) recent.push(now);
    this.hits.set(key, recent);
    const oldest = recent[0] ?? now;
    return {
      allowed,
      remaining: Math.max(0, this.max - recent.length),
      retryAfterMs: allowed ? 0 : Math.max(1, oldest + this.intervalMs - now),
    };
  }
}

export interface FaultServerOptions {
  /** `/hubspot`: every route is served below it; anything else is a 404. */
  prefix: string;
  handle: (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;
  /** The CRM's own answer to a forced status (its error body and headers). */
  faultResponse: (status: number, request: FakeRequest) => FakeResponse;
}

/** What every CRM fake takes besides its credentials: its rate window and its clock. */
export interface CrmFakeOptions {
  /** The rolling window per credential: at most `max` requests per `intervalMs`. */
  rateLimit?: { max: number; intervalMs: number };
  /** The fake's clock, for the rate window and timestamps: a test may step it. */
  now?: () => number;
}

export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `<origin><prefix>`, what a connector is pointed at. */
  baseUrl: string;
  faults: FaultSwitch;
  requests(): LoggedRequest[];
  stop(): Promise<void>;
}

function send(socket: { writableEnded: boolean }, write: () => void): void {
  if (!socket.writableEnded) write();
}

export async function startFaultServer(options: FaultServerOptions): Promise<FaultServer> {
  const faults = new FaultSwitch();
  const log: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://fake.invalid');
        const bodyText = Buffer.concat(chunks).toString('utf8');
        const inPrefix =
          url.pathname === options.prefix || url.pathname.startsWith(`${options.prefix}/`);
        const request: FakeRequest = {
          method: req.method ?? 'GET',
          path: inPrefix ? url.pathname.slice(options.prefix.length) || '/' : url.pathname,
          query: url.searchParams,
          headers: req.headers,
          bodyText,
        };
        const fault = faults.take();
        const entry: LoggedRequest = {
          method: request.method,
          path: request.path,
          query: url.search,
          authorization: req.headers.authorization,
          bodyText,
          status: undefined,
          fault,
        };
        log.push(entry);
        if (fault?.latencyMs) await sleep(fault.latencyMs);
        if (fault?.dropSocket) {
          req.socket.destroy();
          return;
        }
        let response: FakeResponse;
        try {
          if (fault?.status) response = options.faultResponse(fault.status, request);
          else if (!inPrefix) response = { status: 404, body: { message: 'not under the prefix' } };
          else response = await options.handle(request);
        } catch (error) {
          // A bug in the fake must not look like a CRM answer a connector could rely on.
          response = { status: 599, body: { fakeError: String(error) } };
        }
        entry.status = response.status;
        const text =
          response.body === undefined
            ? ''
            : typeof response.body === 'string'
              ? response.body
              : JSON.stringify(response.body);
        const headers: Record<string, string> = { ...response.headers };
        if (typeof response.body !== 'string' && response.body !== undefined) {
          headers['content-type'] ??= 'application/json;charset=utf-8';
        }
        send(res, () => {
          res.writeHead(response.status, headers);
          res.end(text);
        });
      })();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    baseUrl: `${origin}${options.prefix}`,
    faults,
    requests: () => log.map((entry) => ({ ...entry })),
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      // Keep-alive sockets (fetch pools them) would hold close() open.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
