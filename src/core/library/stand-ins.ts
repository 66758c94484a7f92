import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Library } from './library';
import { createCue } from '../cues/cues';
import { attachFile } from '../recordings/recordings';

const SEEDED = 'stand_ins_seeded';

interface StandInPlan {
  trackTitle: string;
  file: string;
  cues: { label: string; startMs: number; endMs: number; scene?: string }[];
}

/** The stand-ins of scripts/make-stand-ins.mjs, and the cues that follow their sections. */
const plans: StandInPlan[] = [
  {
    trackTitle: 'The Red Shoes Ballet',
    file: 'the-red-shoes-ballet.wav',
    cues: [
      { label: 'Overture', startMs: 0, endMs: 8_000 },
      { label: 'The dream', startMs: 8_000, endMs: 20_000, scene: 'The Dream Sequence' },
      { label: 'Premiere', startMs: 20_000, endMs: 30_000, scene: 'The Premiere Night' },
      { label: 'The fall', startMs: 30_000, endMs: 40_000, scene: 'The Tragic Fall' }
    ]
  },
  {
    trackTitle: "Entr'acte",
    file: 'entracte.wav',
    cues: [{ label: 'Interlude theme', startMs: 0, endMs: 9_600, scene: 'The Isolation' }]
  }
];

/**
 * On first launch, attaches the synthesised stand-ins to The Red Shoes' tracks, with cues linked
 * to the ballet scenes. Done once (recorded in library_facts) so a person who removes or replaces
 * them keeps their choice; skipped without a trace when the stand-ins have not been generated.
 */
export async function seedStandIns(library: Library, standInsDir: string): Promise<boolean> {
  const { db } = library;
  if (db.prepare('SELECT 1 FROM library_facts WHERE key = ?').get(SEEDED)) return false;
  if (!plans.every((plan) => existsSync(join(standInsDir, plan.file)))) return false;
  const film = db.prepare("SELECT id FROM films WHERE title = 'The Red Shoes'").pluck().get() as number | undefined;
  for (const plan of film === undefined ? [] : plans) {
    const trackId = db.prepare('SELECT id FROM tracks WHERE film_id = ? AND title = ?').pluck().get(film, plan.trackTitle) as
      number | undefined;
    if (trackId === undefined || db.prepare('SELECT 1 FROM recordings WHERE track_id = ?').get(trackId)) continue;
    await attachFile(library, trackId, join(standInsDir, plan.file), { standIn: true });
    const sceneId = db.prepare('SELECT id FROM scenes WHERE film_id = ? AND title = ?').pluck();
    db.transaction(() => {
      for (const cue of plan.cues) {
        const scene = cue.scene ? (sceneId.get(film, cue.scene) as number | undefined) : undefined;
        createCue(db, { trackId, label: cue.label, startMs: cue.startMs, endMs: cue.endMs, sceneIds: scene ? [scene] : [] });
      }
    })();
  }
  db.prepare('INSERT INTO library_facts (key, value) VALUES (?, ?)').run(SEEDED, new Date().toISOString());
  return true;
}
