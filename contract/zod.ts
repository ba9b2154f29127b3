import * as z from 'zod/mini';

/*
 * The contract's schemas are written for zod/mini: the same checks as zod's chained API, as
 * functions the bundler can leave out when unused, so the player carries a third of zod's
 * bytes. zod/mini ships without messages; English ones are what staff and the logs read.
 */
z.config(z.locales.en());

export { z };
