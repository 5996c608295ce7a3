import http from 'node:http';
import { workerMetrics } from '../activities/metrics';

/**
 * The worker's `/metrics` for Prometheus, on 127.0.0.1 only: the worker has no web server of
 * its own and nothing it measures is for the public. Resolves once listening.
 */
export function serveWorkerMetrics(port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    workerMetrics.metrics().then(
      (body) => res.writeHead(200, { 'Content-Type': workerMetrics.contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
