import { Suspense, useRef, useState } from 'react';
import { FilmSidebar } from './films/FilmSidebar';
import { FilmHeader } from './films/FilmHeader';
import type { Found, FoundInFilm } from './films/reveal';
import { SceneList } from './scenes/SceneList';
import { SceneDetail } from './scenes/SceneDetail';
import { seekToScene } from './scenes/scene-film-time';
import { seekFilm } from './films/film-clock';
import { FILM_NOT_ON_DESK } from './films/playhead';
import { useNotify } from './notices/notify';
import { SubtitleTracks } from './subtitles/SubtitleTracks';
import { SubtitleLine } from './subtitles/SubtitleLine';
import { DropOverlay } from './ui/DropOverlay';
import { RecoveryBanner } from './backups/RecoveryBanner';
import { LibraryWarnings } from './backups/LibraryWarnings';
import { SearchRepairNotice } from './backups/SearchRepairNotice';
import { PaneBoundary } from './data/PaneBoundary';
import { useOpenFilm } from './films/queries';
import { useFilmPageImport } from './films/useFilmPageImport';
import { useFilmCommands } from './films/useFilmCommands';
import { useDeskLinkInAddress } from './films/desk-link';
import { useItemMenu } from './exchange/item-menu';
import { useCommand, useKeymap } from './keymap/keymap';
import { navigate, useVisit, type Place } from './navigation/place';
import { usePlaceLeft } from './films/usePlaceLeft';
import { AnnotationsSection } from './notes/AnnotationsSection';
import { FilmViewTabs } from './films/FilmViewTabs';
import { SearchBox, type SearchBoxHandle } from './search/SearchBox';
import { TagEditor } from './tags/TagEditor';
import { TagPanel } from './tags/TagPanel';
import { useNotesDesk } from './notes/useNotesDesk';
import { useFilmTimeInsertion } from './notes/useFilmTimeInsertion';
import type { SearchHit } from '../../shared/notes';
import { ScoreProvider } from './player/ScoreContext';
import { DeskLayout } from './ui/DeskLayout';
import { lazyComponent } from './lazy';
import styles from './App.module.css';

// Not on the first screen: their code (the waveform and cues, the virtual list, the dialogs) loads after it.
const ScoreWorkspace = lazyComponent(() => import('./recordings/ScoreWorkspace').then((m) => m.ScoreWorkspace));
const AllAnnotations = lazyComponent(() => import('./notes/AllAnnotations').then((m) => m.AllAnnotations));
const TrashView = lazyComponent(() => import('./notes/TrashView').then((m) => m.TrashView));
const BackupsDialog = lazyComponent(() => import('./backups/BackupsDialog').then((m) => m.BackupsDialog));
const FilmVideo = lazyComponent(() => import('./films/FilmVideo').then((m) => m.FilmVideo));
const Timeline = lazyComponent(() => import('./timeline/Timeline').then((m) => m.Timeline));

const emptyScore = <section className="score-pending" aria-label="Score player" />;

export function App() {
  const { place, at } = useVisit();
  // Until the address names a film, the desk opens where the person left it (or on the first film of the library).
  const opened = useOpenFilm(place.filmId);
  const [backupsOpen, setBackupsOpen] = useState(false);

  const filmId = place.filmId ?? opened.data?.film?.id ?? null;
  // While another film loads, the previous answer is still in hand: only the chosen film's is shown.
  const shown = opened.data?.film && opened.data.film.id === filmId ? opened.data : null;
  const currentFilm = shown?.film ?? null;
  const sceneList = shown?.scenes ?? [];
  const scene = sceneList.find((s) => s.id === place.sceneId) ?? null;
  usePlaceLeft(opened.data, place);
  const desk = useNotesDesk(filmId);
  const shownScenes = desk.visibleSceneIds ? sceneList.filter((s) => desk.visibleSceneIds!.has(s.id)) : sceneList;
  const search = useRef<SearchBoxHandle>(null);
  const notify = useNotify();
  useKeymap();
  // Ctrl/⌘+K, or / when not typing, and View › Search.
  useCommand('focus-search', () => search.current?.focus());
  useFilmTimeInsertion(filmId);
  useDeskLinkInAddress();
  useItemMenu();

  // Every move on the desk is a step in the history; a note is asked for only by the move that names it.
  const go = (to: Partial<Place>) => navigate({ ...place, filmId, noteId: null, ...to });
  const chooseFilm = (id: number) => go({ filmId: id, sceneId: null });
  const chooseScene = (id: number | null) => {
    go({ sceneId: id });
    seekToScene(sceneList.find((s) => s.id === id));
  };

  useFilmCommands({ film: currentFilm, onView: (view) => go({ view }), onShowBackups: () => setBackupsOpen(true) });

  const importer = useFilmPageImport({
    filmHasTracks: (shown?.tracks.length ?? 0) > 0,
    onImported: (result) => chooseFilm(result.film.id)
  });

  const openNote = (note: { id: number; sceneId: number | null }) => go({ view: 'scenes', sceneId: note.sceneId, noteId: note.id });

  // The dialogue or quote line, or the synopsis, that a search hit last opened in the film view.
  const [foundInFilm, setFoundInFilm] = useState<Found | null>(null);

  const openHit = (hit: SearchHit) => {
    if (hit.kind === 'subtitle') {
      // A subtitle is a moment of the film: the film goes there, and the scene that holds it opens.
      if (hit.sceneId !== null) go({ view: 'scenes', sceneId: hit.sceneId });
      if (hit.filmTimeMs !== null && !seekFilm(hit.filmTimeMs)) notify.failed(FILM_NOT_ON_DESK);
    } else if (hit.kind === 'annotation') openNote(hit);
    else if (hit.kind === 'scene' || (hit.kind === 'cue' && hit.sceneId !== null)) go({ view: 'scenes', sceneId: hit.sceneId });
    else if (hit.kind !== 'cue') {
      go({ view: 'scenes' });
      const target: FoundInFilm = hit.kind === 'synopsis' ? { kind: 'synopsis', filmId: hit.filmId } : { kind: 'line', lineId: hit.id };
      setFoundInFilm((last) => ({ target, opening: (last?.opening ?? 0) + 1 }));
    }
  };

  // What every list of notes shares, whether it is a scene's or the film's.
  const notesDesk = { filmId, allTags: desk.tags, focus: place.noteId === null ? null : { noteId: place.noteId, at } };

  return (
    <ScoreProvider film={currentFilm} tracks={shown?.tracks ?? []}>
      <div className="app" {...importer.dropTarget}>
        <DeskLayout
          library={
            <PaneBoundary pane="the film list" className="sidebar" label="Library">
              <FilmSidebar
                films={opened.data?.films ?? []}
                error={opened.error?.message}
                selectedId={filmId}
                onSelect={chooseFilm}
                onImport={importer.pickFile}
                onShowBackups={() => setBackupsOpen(true)}
                importing={importer.busy}
              >
                <LibraryWarnings />
                <TagPanel tags={desk.tags} filter={desk.filter} onFilter={desk.setFilter} />
              </FilmSidebar>
            </PaneBoundary>
          }
          film={
            <PaneBoundary pane="the film" className="film-pane" label="Film">
              <main className="film-pane" aria-label="Film">
                {currentFilm ? (
                  <>
                    <div className={styles.filmBar}>
                      <SearchBox ref={search} filmId={filmId} onOpen={openHit} />
                      <FilmViewTabs view={place.view} onChange={(view) => go({ view })} />
                    </div>
                    <Suspense fallback={null}>
                      <FilmVideo filmId={currentFilm.id} underPicture={<SubtitleLine filmId={currentFilm.id} />} />
                      {place.view === 'scenes' && <Timeline filmId={currentFilm.id} filmTitle={currentFilm.title} tags={desk.tags} />}
                    </Suspense>
                    {place.view === 'scenes' && (
                      <>
                        <FilmHeader
                          film={currentFilm}
                          tracks={shown?.tracks ?? []}
                          found={foundInFilm}
                          subtitles={<SubtitleTracks filmId={currentFilm.id} />}
                        />
                        <SceneList
                          scenes={shownScenes}
                          selectedId={scene?.id ?? null}
                          onSelect={chooseScene}
                          loading={opened.isPlaceholderData || opened.isLoading}
                          tagsByScene={desk.tagsByScene}
                          filterNote={
                            desk.visibleSceneIds ? `Filtered by tags: ${shownScenes.length} of ${sceneList.length} scenes.` : undefined
                          }
                        />
                      </>
                    )}
                    {place.view === 'annotations' && (
                      <Suspense fallback={null}>
                        <AllAnnotations filmId={currentFilm.id} filter={desk.filter} onOpen={openNote} />
                      </Suspense>
                    )}
                    {place.view === 'trash' && (
                      <Suspense fallback={null}>
                        <TrashView filmId={currentFilm.id} />
                      </Suspense>
                    )}
                  </>
                ) : (
                  <div className="empty-state">
                    {opened.error?.message ??
                      (opened.data?.films.length === 0 ? 'Your library is empty: import a film page to begin.' : 'Opening the library…')}
                  </div>
                )}
              </main>
            </PaneBoundary>
          }
          scene={
            <PaneBoundary pane="the scene" className="detail-pane" label="Scene">
              <SceneDetail scene={scene} tracks={shown?.tracks ?? []}>
                {scene ? (
                  <>
                    <div className={styles.sceneTags}>
                      <h3 className="section-label">Tags</h3>
                      <TagEditor
                        key={scene.id}
                        target={{ kind: 'scene', id: scene.id }}
                        tags={desk.tagsByScene.get(scene.id) ?? []}
                        allTags={desk.tags}
                        label="Add a tag to this scene"
                      />
                    </div>
                    <AnnotationsSection
                      key={`scene-${scene.id}`}
                      target={{ kind: 'scene', id: scene.id }}
                      heading="Annotations"
                      {...notesDesk}
                    />
                  </>
                ) : (
                  filmId !== null && (
                    <AnnotationsSection
                      key={`film-${filmId}`}
                      target={{ kind: 'film', id: filmId }}
                      heading="Notes on the film"
                      {...notesDesk}
                    />
                  )
                )}
              </SceneDetail>
            </PaneBoundary>
          }
          score={
            <PaneBoundary pane="the score player" className="score-pending" label="Score player">
              {shown?.film ? (
                <Suspense fallback={emptyScore}>
                  <ScoreWorkspace film={shown.film} tracks={shown.tracks} scenes={sceneList} />
                </Suspense>
              ) : (
                emptyScore
              )}
            </PaneBoundary>
          }
        />
        {importer.input}
        {importer.drop && <DropOverlay {...importer.drop} />}
        <Suspense fallback={null}>
          <BackupsDialog open={backupsOpen} onClose={() => setBackupsOpen(false)} />
        </Suspense>
        <RecoveryBanner />
        <SearchRepairNotice />
      </div>
    </ScoreProvider>
  );
}
