import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWindowState, loadWindowState, saveWindowState, type WindowState } from '../../src/main/window-state';
import { tempHome } from '../temp-library';

const laptop = { x: 0, y: 0, width: 1920, height: 1080 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1440 };

function stateFile(contents?: string): string {
  const file = join(tempHome(), 'window-state.json');
  if (contents !== undefined) writeFileSync(file, contents);
  return file;
}

describe('loading the window state', () => {
  it('gives the default when there is no file', () => {
    expect(loadWindowState(stateFile(), [laptop])).toEqual(defaultWindowState);
    expect(defaultWindowState).toEqual({ width: 1360, height: 860, maximized: false });
  });

  it.each([
    ['empty', ''],
    ['cut short', '{"width": 1200, "heig'],
    ['not JSON', 'width=1200'],
    ['null', 'null'],
    ['an array', '[1200, 800]'],
    ['missing maximized', '{"width": 1200, "height": 800}'],
    ['too small', '{"width": 10, "height": 10, "maximized": false}'],
    ['absurdly large', '{"width": 1e9, "height": 800, "maximized": false}'],
    ['fractional', '{"width": 1200.5, "height": 800, "maximized": false}'],
    ['strings for numbers', '{"width": "1200", "height": "800", "maximized": false}'],
    ['a string position', '{"x": "10", "y": 10, "width": 1200, "height": 800, "maximized": false}']
  ])('gives the default for a damaged file (%s)', (_what, contents) => {
    expect(loadWindowState(stateFile(contents), [laptop])).toEqual(defaultWindowState);
  });

  it('keeps a position on a screen that is still there', () => {
    const state: WindowState = { x: 2100, y: 40, width: 1400, height: 900, maximized: true };
    expect(loadWindowState(stateFile(JSON.stringify(state)), [laptop, rightMonitor])).toEqual(state);
  });

  it('forgets a position on a screen that has gone, keeping the size', () => {
    const file = stateFile(JSON.stringify({ x: 2100, y: 40, width: 1400, height: 900, maximized: false }));
    expect(loadWindowState(file, [laptop])).toEqual({ x: undefined, y: undefined, width: 1400, height: 900, maximized: false });
  });

  it.each([
    ['far left', -5000, 100],
    ['above every screen', 100, -400],
    ['below every screen', 100, 1070],
    ['only a sliver showing on the right', 1900, 100]
  ])('forgets a position %s', (_where, x, y) => {
    const loaded = loadWindowState(stateFile(JSON.stringify({ x, y, width: 1000, height: 700, maximized: false })), [laptop]);
    expect(loaded.x).toBeUndefined();
    expect(loaded.y).toBeUndefined();
    expect(loaded).toMatchObject({ width: 1000, height: 700 });
  });

  it('forgets any position when there are no screens at all', () => {
    const loaded = loadWindowState(stateFile(JSON.stringify({ x: 10, y: 10, width: 1000, height: 700, maximized: false })), []);
    expect(loaded).toMatchObject({ x: undefined, y: undefined, width: 1000, height: 700 });
  });

  it('keeps a state without a position as it is', () => {
    const state = { width: 1000, height: 700, maximized: true };
    expect(loadWindowState(stateFile(JSON.stringify(state)), [])).toEqual(state);
  });
});

describe('saving the window state', () => {
  it('round-trips through the file, leaving no temporary file behind', () => {
    const file = stateFile();
    const state: WindowState = { x: 120, y: 80, width: 1500, height: 950, maximized: false };
    saveWindowState(file, state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(loadWindowState(file, [laptop])).toEqual(state);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(readdirSync(join(file, '..'))).toEqual(['window-state.json']);
  });

  it('replaces a damaged file', () => {
    const file = stateFile('{"width": 12');
    const state: WindowState = { width: 900, height: 600, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file, [laptop])).toEqual(state);
  });
});
