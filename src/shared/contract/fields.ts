import { z } from 'zod';

/** Row ids are positive integers; anything else is refused before it reaches SQL. */
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Methods that take no arguments still take an object, so that one may be added later. */
export const nothing = z.object({}).strict();
