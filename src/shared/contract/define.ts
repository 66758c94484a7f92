import type { z } from 'zod';

/**
 * One method of the contract: the schema its input must pass, and (as a type only) what it returns.
 * The result type is carried by a phantom field so that hosts and clients can derive it without
 * any runtime cost.
 */
export interface MethodSpec<I extends z.ZodType, R> {
  readonly input: I;
  readonly result?: R;
}

export const method =
  <R>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input });
