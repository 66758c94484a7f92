import { useCallback, useState } from 'react';
import type { Scene } from '../../shared/domain';
import { FilmSidebar } from './components/FilmSidebar';
import { FilmHeader } from './components/FilmHeader';
import { SceneList } from './components/SceneList';
import { SceneDetail } from './components/SceneDetail';
import { DropOverlay } from './components/DropOverlay';
import { Notices, type Notice } from './components/Notices';
import { BackupsDialog } from './components/BackupsDialog';
import { RecoveryBanner } from './components/RecoveryBanner';
import { useCall } from './hooks/useCall';
import { useFilmPageImport } from './hooks/useFilmPageImport';

export function App() {
  const films = useCall('films.list', {});
  const [chosenFilmId, setFilmId] = useState<number | null>(null);
  const [sceneId, setSceneId] = useState<number | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [backupsOpen, setBackupsOpen] = useState(false);

  const notify = useCallback((notice: Omit<Notice, 'id'>) => {
    setNotices((list) => [...list.slice(-2), { ...notice, id: Date.now() + Math.random() }]);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  // Until the person chooses, the desk opens on the first film of the library.
  const filmId = chosenFilmId ?? films.data?.[0]?.id ?? null;

  const film = useCall('films.get', filmId === null ? null : { filmId });
  const scenes = useCall('scenes.list', filmId === null ? null : { filmId });
  const tracks = useCall('tracks.list', filmId === null ? null : { filmId });
  const sceneList = scenes.data?.filter((s) => s.filmId === filmId) ?? [];
  const scene = sceneList.find((s) => s.id === sceneId) ?? null;

  const chooseFilm = useCallback((id: number) => {
    setFilmId(id);
    setSceneId(null);
  }, []);

  const importer = useFilmPageImport({
    onImported: (result) => {
      films.reload();
      chooseFilm(result.film.id);
      notify({ kind: 'success', text: `Imported “${result.film.title}”: ${result.film.sceneCount} scenes, ${result.trackCount} soundtrack entries.` });
    },
    onFailed: (message) => notify({ kind: 'error', text: message })
  });

  const onSceneSaved = useCallback(
    (saved: Scene) => {
      scenes.reload();
      notify({ kind: 'success', text: `Saved “${saved.title}”.` });
    },
    [scenes, notify]
  );

  return (
    <div className="app" {...importer.dropTarget}>
      <FilmSidebar
        films={films.data ?? []}
        error={films.error}
        selectedId={filmId}
        onSelect={chooseFilm}
        onImport={importer.pickFile}
        onShowBackups={() => setBackupsOpen(true)}
        importing={importer.busy}
      />
      <main className="film-pane" aria-label="Film">
        {film.data && film.data.id === filmId ? (
          <>
            <FilmHeader film={film.data} tracks={tracks.data ?? []} onError={(text) => notify({ kind: 'error', text })} />
            <SceneList scenes={sceneList} selectedId={sceneId} onSelect={setSceneId} loading={scenes.loading} />
          </>
        ) : (
          <div className="empty-state">{film.error ?? films.error ?? (films.data?.length === 0 ? 'Your library is empty: import a film page to begin.' : 'Opening the library…')}</div>
        )}
      </main>
      <SceneDetail scene={scene} onSaved={onSceneSaved} onError={(text) => notify({ kind: 'error', text })} />
      {importer.input}
      {importer.dragging && <DropOverlay />}
      <BackupsDialog open={backupsOpen} onClose={() => setBackupsOpen(false)} onError={(text) => notify({ kind: 'error', text })} />
      <RecoveryBanner onError={(text) => notify({ kind: 'error', text })} />
      <Notices notices={notices} onDismiss={dismiss} />
    </div>
  );
}
