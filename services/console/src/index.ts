import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './service.js';

export { startConsole, type ConsoleServer } from './service.js';
export { consoleConfigSchema, consoleConfigShape, type ConsoleConfig } from './config.js';
export { buildApp, CONTENT_SECURITY_POLICY } from './app.js';
export { UserStore, type Principal } from './users.js';
export { hashPassword, verifyPassword } from './password.js';
export { SessionStore, type Session } from './sessions.js';
export { LoginThrottle } from './login-throttle.js';
export { ROLES, can, isRole, type Permission, type Role } from './roles.js';
export { maskNumber } from './masking.js';
export { escapeHtml, html, SafeHtml } from './html.js';
export { ActionRecorder, feedbackKey } from './actions.js';

// Run as a service when this file is the process entry (directly or through the bin symlink).
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) main();
