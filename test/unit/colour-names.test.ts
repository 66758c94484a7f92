import { describe, expect, it } from 'vitest';
import { colourName } from '../../src/shared/colour-names';
import { CUE_COLOURS } from '../../src/shared/score';

describe('colour names', () => {
  it('name every colour of the cue palette, each differently', () => {
    const names = CUE_COLOURS.map(colourName);
    expect(names).toEqual(['red', 'amber', 'teal', 'green', 'violet', 'coral']);
    expect(new Set(names).size).toBe(CUE_COLOURS.length);
  });

  it('name any other colour by its hue and lightness, never by its hex', () => {
    expect(colourName('#123abc')).toBe('blue');
    expect(colourName('#FF0000')).toBe('red');
    expect(colourName('#ffccdd')).toBe('light pink');
    expect(colourName('#003300')).toBe('dark green');
    expect(colourName('#808080')).toBe('grey');
    expect(colourName('#ffffff')).toBe('white');
    expect(colourName('#000000')).toBe('black');
    expect(colourName('#f4a300')).toBe('orange');
  });
});
