import { fileURLToPath } from 'node:url';

/** The console's browser code, Vite's root. */
export const CONSOLE_APP_DIR = fileURLToPath(new URL('./app/', import.meta.url));

/** Where Vite builds the console (git-ignored, beside the embedded database) and `npm start` serves it from. */
export const CONSOLE_BUILD_DIR = fileURLToPath(new URL('../../.warden/console/', import.meta.url));
