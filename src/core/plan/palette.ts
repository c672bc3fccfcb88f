/** Colours and shared cell styles of everything the add-in writes. */
import { gradeColorOf, gradeSymbols } from '../settings/scale';
import type { CellStyle, Color, FillStyle, Grade, GradeScale } from '../types';

/** Every grade of the scale, in the order tables and rules list them: its levels, then X and 廃止. */
export function gradesOf(scale: GradeScale): readonly Grade[] {
  return gradeSymbols(scale);
}

/** Text colour and row tint of the preset fills: Excel's own good/neutral/bad pairs, as before scales. */
const KNOWN_FILLS: Readonly<Record<string, { fontColor: Color; tint: Color }>> = {
  '#C6EFCE': { fontColor: '#006100', tint: '#EEF8F0' },
  '#A9D08E': { fontColor: '#375623', tint: '#E8F2E0' },
  '#DDEBF7': { fontColor: '#1F4E78', tint: '#EEF4FB' },
  '#FFEB9C': { fontColor: '#7F6000', tint: '#FFF8E1' },
  '#FFC7CE': { fontColor: '#9C0006', tint: '#FDECEE' },
  '#E7E6E6': { fontColor: '#595959', tint: '#F4F4F4' },
  '#D9D9D9': { fontColor: '#595959', tint: '#EDEDED' },
};

function channels(hex: Color): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hexOf(rgb: readonly number[]): Color {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase()}`;
}

/** A city's own colour: its text a dark shade of the same hue, its tint a light one. */
function derived(fill: Color): { fontColor: Color; tint: Color } {
  const rgb = channels(fill);
  return {
    fontColor: hexOf(rgb.map((c) => c * 0.35)),
    tint: hexOf(rgb.map((c) => 255 - (255 - c) * 0.35)),
  };
}

function shadesOf(fill: Color): { fontColor: Color; tint: Color } {
  const key = fill.toUpperCase();
  return KNOWN_FILLS[key] ?? derived(key);
}

/** Strong fill for the 判定 cell. */
export function gradeFill(scale: GradeScale, grade: Grade): FillStyle {
  const fill = gradeColorOf(scale, grade).toUpperCase();
  return { fill, fontColor: shadesOf(fill).fontColor };
}

/** Light row tint over the city's own table: readable in black and white print. */
export function gradeTint(scale: GradeScale, grade: Grade): FillStyle {
  return { fill: shadesOf(gradeColorOf(scale, grade)).tint };
}

/** Light enough that the rate printed over it stays readable. */
export const DATA_BAR: Color = '#9DC3E6';
export const BORDER: Color = '#808080';

export const HEADER_STYLE: CellStyle = {
  fill: '#DCE6F1',
  bold: true,
  horizontal: 'center',
  vertical: 'middle',
  wrap: true,
  border: BORDER,
};

export const RATE_FORMAT = '0.0%';
