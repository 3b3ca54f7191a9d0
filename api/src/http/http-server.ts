// The API's HTTP server. Express 5 gives every request and response its own
// prototypes as it starts handling them (Object.setPrototypeOf in
// app.handle), and V8 pays for that in garbage: in a bare Node server with a
// minimal Express app, young-generation collections went from promoting
// nothing to promoting ~3.4 MB each, and allocation per request doubled
// (`--trace-gc-nvp`, 100,000 requests). Here the server builds requests and
// responses with Express's prototypes from the start, so that call finds the
// prototype already in place and changes nothing.
import http from 'node:http';
import type { Express } from 'express';

type RequestClass = typeof http.IncomingMessage;
type ResponseClass = typeof http.ServerResponse;

/** Constructors whose instances are Node's request and response objects, with the app's prototypes. */
export function expressServerOptions(app: Express): http.ServerOptions<RequestClass, ResponseClass> {
  function ExpressRequest(socket: unknown): object {
    return Reflect.construct(http.IncomingMessage, [socket], ExpressRequest) as object;
  }
  ExpressRequest.prototype = app.request;
  function ExpressResponse(req: unknown, options: unknown): object {
    return Reflect.construct(http.ServerResponse, [req, options], ExpressResponse) as object;
  }
  ExpressResponse.prototype = app.response;
  return {
    IncomingMessage: ExpressRequest as unknown as RequestClass,
    ServerResponse: ExpressResponse as unknown as ResponseClass,
  };
}

/** Listens like app.listen(), on a server whose requests already have the app's prototypes. */
export function listen(app: Express, port: number, host: string): Promise<http.Server> {
  const server = http.createServer(expressServerOptions(app), app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
