import { CUE_COLOURS } from './score';

/** The cue palette by name: what a screen reader says and a tooltip shows, never the hex. */
const paletteNames: Record<(typeof CUE_COLOURS)[number], string> = {
  '#d1495b': 'red',
  '#edae49': 'amber',
  '#00798c': 'teal',
  '#66a182': 'green',
  '#8d6cab': 'violet',
  '#e07a5f': 'coral'
};

/** Hue names by where each range of the colour wheel starts, in degrees. */
const hues: [number, string][] = [
  [0, 'red'],
  [15, 'orange'],
  [45, 'yellow'],
  [70, 'green'],
  [165, 'teal'],
  [195, 'blue'],
  [255, 'violet'],
  [290, 'pink'],
  [345, 'red']
];

/**
 * A colour (`#rrggbb`, as the contract stores it) in words: the palette's own name, or for any other
 * colour (a cue imported or tagged elsewhere) its hue with "light" or "dark", or a grey.
 */
export function colourName(colour: string): string {
  const hex = colour.toLowerCase();
  if (hex in paletteNames) return paletteNames[hex as keyof typeof paletteNames];
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  if ([r, g, b].some(Number.isNaN)) return colour;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  if (chroma < 0.08)
    return lightness > 0.9 ? 'white' : lightness < 0.1 ? 'black' : lightness > 0.6 ? 'light grey' : lightness < 0.35 ? 'dark grey' : 'grey';
  const hue = (max === r ? ((g - b) / chroma + 6) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4) * 60;
  const name = hues.filter(([from]) => hue >= from).at(-1)![1];
  return lightness > 0.75 ? `light ${name}` : lightness < 0.25 ? `dark ${name}` : name;
}
