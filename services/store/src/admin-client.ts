import { createClickHouse, type ClickHouseClient } from '@ringfence/common';

/** Where a server is and how to log in: a StoreTarget or one server of a cluster. */
export interface ServerLogin {
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
}

/** A client on the server, opened on `default` so a database can be created or dropped from it. */
export function admin(server: ServerLogin): ClickHouseClient {
  return createClickHouse({
    url: server.url,
    database: 'default',
    username: server.username ?? 'default',
    password: server.password ?? '',
  });
}
