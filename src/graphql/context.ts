import type { Principal } from '../auth/principal.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';

/** What every resolver receives; built once per request by the server's context factory. */
export interface GatewayContext {
  db: Db;
  principal: Principal;
  requestId: string;
  logger: Logger;
}
