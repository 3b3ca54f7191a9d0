// The floor's server (see bench-floor.ts): node:http and nothing else, in its
// own process like the API. It reads each request's body, as the API must,
// and answers with the bytes in the file it is given. Prints its URL.
import http from 'node:http';
import { readFileSync } from 'node:fs';

const answer = readFileSync(process.argv[2] ?? '');
const server = http.createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': answer.length });
    res.end(answer);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
