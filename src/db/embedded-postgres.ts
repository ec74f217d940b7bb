import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite served over the PostgreSQL wire protocol on a loopback port, so the embedded default
 * uses the same `pg` driver, TypeORM data source and migrations as a real server.
 *
 * PGlite is one session: the socket server multiplexes connections and, while one client is
 * inside a transaction, holds the others back, so transactions stay serial and row locks are
 * trivially honoured. That is fine for one county office on one machine; production uses
 * PostgreSQL.
 *
 * @param dataDir folder for the database files, or undefined for an in-memory database (tests).
 */
export async function startEmbeddedPostgres(dataDir: string | undefined): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 32 });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
