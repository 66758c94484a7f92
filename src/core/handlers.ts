import type { MethodName } from '../shared/contract';
import type { DomainHandlers } from './handler-types';
import { filmHandlers } from './films/films';
import { safetyHandlers } from './backups/backups';
import { exchangeHandlers } from './exchange';
import { noteHandlers } from './notes/notes';
import { searchHandlers } from './search/search';
import { tagHandlers } from './tags/tags';
import { cueHandlers } from './cues/cues';
import { recordingHandlers } from './recordings/recordings';

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
