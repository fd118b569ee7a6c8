import type { Logger, Registry } from '@ringfence/common';
import type { StoreDb } from '@ringfence/store';
import type { ActionRecorder } from './actions.js';
import type { ConsoleConfig } from './config.js';
import type { LoginThrottle } from './login-throttle.js';
import type { SessionStore } from './sessions.js';
import type { UserStore } from './users.js';

/** Everything the HTTP layer needs, built once by the service (or a test). */
export interface ConsoleContext {
  config: ConsoleConfig;
  db: StoreDb;
  users: UserStore;
  sessions: SessionStore;
  throttle: LoginThrottle;
  actions: ActionRecorder;
  logger: Logger;
  registry: Registry;
  /** Secret that signs session cookies. */
  cookieSecret: string;
}
