import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/contract';
import { call } from '../api';

/** A method's domain is its prefix (`notes` for `notes.forTarget`): the unit a change invalidates. */
export type Domain = MethodName extends `${infer D}.${string}` ? D : never;

const domainOf = (method: MethodName) => method.slice(0, method.indexOf('.')) as Domain;

/** Every answer is cached under its domain, its method and its input: `['notes', 'notes.forTarget', { target }]`. */
export function queryKeyOf<M extends MethodName>(method: M, input: MethodInput<M>) {
  return [domainOf(method), method, input] as const;
}

/**
 * The library is the only source of truth, and editors (a note's text, a scene's title) take their
 * first state from an answer: an answer kept after its view closed could be out of date when the
 * view opens again, so it is let go at once (`gcTime` 0) and asked for again. While a view is open,
 * its answer stands until a change in its domain invalidates it (`staleTime` Infinity): nothing is
 * fetched twice, and nothing is fetched again on focus or on a timer.
 */
export function createLibraryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { gcTime: 0, staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false }
    }
  });
}

/**
 * One contract method's answer, asked again when its input changes. `input` of null means "not
 * yet": nothing is asked. The previous answer stays on screen while the next one loads (no flash
 * of empty panes); callers that must not show another input's answer check it themselves.
 */
export function useLibraryQuery<M extends MethodName>(method: M, input: MethodInput<M> | null) {
  return useQuery({
    queryKey: queryKeyOf(method, input as MethodInput<M>),
    queryFn: () => call(method, input as MethodInput<M>),
    enabled: input !== null,
    placeholderData: keepPreviousData
  });
}

/**
 * Views that draw several domains at once: the timeline holds scenes (films), placements, notes and
 * their tags, cues' labels and colours, subtitles and the video's running time. A change to any of
 * them marks the view out of date too, so no mutation of those domains has to know it exists.
 */
const drawnFrom: Partial<Record<Domain, readonly Domain[]>> = {
  timeline: ['films', 'placements', 'notes', 'tags', 'cues', 'subtitles', 'video'],
  // The cue finder leaves out what is placed already, and searches a cue's span as it is now.
  soundtrack: ['placements', 'cues']
};

/** Marks every answer of these domains (and of the views drawn from them) out of date; those on screen are asked for again. */
export function invalidateDomains(client: QueryClient, domains: readonly Domain[]): Promise<void> {
  const views = Object.entries(drawnFrom)
    .filter(([, sources]) => sources.some((source) => domains.includes(source)))
    .map(([view]) => view as Domain);
  const all = [...new Set([...domains, ...views])];
  return Promise.all(all.map((domain) => client.invalidateQueries({ queryKey: [domain] }))).then(() => undefined);
}

/**
 * A change to the library through one method. Once it succeeds, the domains it touches are
 * invalidated (a note's tags change the tag counts too), so every view showing them follows.
 */
export function useLibraryMutation<M extends MethodName>(method: M, changes: readonly Domain[]) {
  const client = useQueryClient();
  return useMutation<MethodResult<M>, Error, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => invalidateDomains(client, changes)
  });
}

/** Invalidates domains from an event handler (a change made outside a mutation, such as an upload). */
export function useInvalidate(): (...domains: Domain[]) => Promise<void> {
  const client = useQueryClient();
  return (...domains) => invalidateDomains(client, domains);
}
