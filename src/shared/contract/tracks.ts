import { z } from 'zod';
import type { Track } from '../domain';
import { method } from './define';
import { id } from './fields';

export const trackMethods = {
  'tracks.list': method<Track[]>()(z.object({ filmId: id }).strict())
};
