import * as z from 'zod/mini';

/*
 * The contract's schemas are written for zod/mini: the same checks as zod's chained API, as
 * functions the bundler can leave out when unused, so the player carries a third of zod's
 * bytes. zod/mini ships without messages; English ones are what staff and the logs read.
 */
z.config(z.locales.en());

export { z };

/**
 * Builds a schema when its module is used for it: a pure-marked `schema(() => …)` lets a bundle
 * that only wants the module's types, defaults or rules leave the schema (and zod) out. A bare
 * chain such as `z.string().check(…)` cannot be marked pure as a whole.
 */
export function schema<T>(build: () => T): T {
  return build();
}
