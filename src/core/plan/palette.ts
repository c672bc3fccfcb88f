/** Colours and shared cell styles of everything the add-in writes. */
import type { CellStyle, Color, FillStyle, Grade } from '../types';

/** Every grade, in the order tables and rules list them. */
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D', 'X', '廃止'];

/** Strong fills for the 判定 cell: green, light blue, yellow, red, grey (Excel's own good/neutral/bad hues). */
export const GRADE_FILL: Readonly<Record<Grade, FillStyle>> = {
  A: { fill: '#C6EFCE', fontColor: '#006100' },
  B: { fill: '#DDEBF7', fontColor: '#1F4E78' },
  C: { fill: '#FFEB9C', fontColor: '#7F6000' },
  D: { fill: '#FFC7CE', fontColor: '#9C0006' },
  X: { fill: '#E7E6E6', fontColor: '#595959' },
  廃止: { fill: '#D9D9D9', fontColor: '#595959' },
};

/** Light row tints over the city's own table: readable in black and white print. */
export const GRADE_TINT: Readonly<Record<Grade, FillStyle>> = {
  A: { fill: '#EEF8F0' },
  B: { fill: '#EEF4FB' },
  C: { fill: '#FFF8E1' },
  D: { fill: '#FDECEE' },
  X: { fill: '#F4F4F4' },
  廃止: { fill: '#EDEDED' },
};

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
