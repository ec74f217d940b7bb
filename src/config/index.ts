/**
 * Configuration from the environment, validated once at start (see `EnvSchema` for every
 * variable and its default).
 */
export { loadConfig, EnvSchema } from './config.js';
export type { Config, Env } from './config.js';
export { InvalidConfigError } from './errors.js';
