import { createServer } from 'node:net';

/**
 * Asks the OS for an unused loopback port. cognito-local derives its token issuer from the PORT it is
 * given, so it must be started on a concrete port rather than on port 0.
 */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('findFreePort: no port assigned'))));
    });
  });
}
