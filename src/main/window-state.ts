import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/** The window's last size and position, so that the desk opens where the person left it. */
export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(20_000),
  height: z.number().int().min(420).max(20_000),
  maximized: z.boolean()
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const defaultWindowState: WindowState = { width: 1360, height: 860, maximized: false };

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A remembered state, or the default one if the file is missing, damaged, or off every screen. */
export function loadWindowState(file: string, screens: Area[]): WindowState {
  let state: WindowState;
  try {
    state = windowStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return defaultWindowState;
  }
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  // A monitor that was unplugged must not leave the window somewhere nobody can reach it.
  const visible = screens.some((s) => x + 100 > s.x && x < s.x + s.width - 100 && y >= s.y && y < s.y + s.height - 50);
  return visible ? state : { ...state, x: undefined, y: undefined };
}

export function saveWindowState(file: string, state: WindowState): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}
