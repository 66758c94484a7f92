import type { MethodName } from '../shared/contract';
import type { DomainHandlers } from './handler-types';
import { filmHandlers } from './films';
import { safetyHandlers } from './backups';
import { exchangeHandlers } from './exchange';
import { noteHandlers } from './annotations';
import { searchHandlers } from './search';
import { tagHandlers } from './tags';
import { cueHandlers } from './cues';
import { recordingHandlers } from './recordings';

/** Every contract method has exactly one handler: TypeScript refuses a missing or misspelt one. */
export const handlers: DomainHandlers<MethodName> = {
  ...filmHandlers,
  ...safetyHandlers,
  ...exchangeHandlers,
  ...noteHandlers,
  ...tagHandlers,
  ...searchHandlers,
  ...recordingHandlers,
  ...cueHandlers
};
