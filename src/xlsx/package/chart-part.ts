/**
 * A plan's chart as a DrawingML chart part (ECMA-376 Part 1, §21.2 DrawingML - Charts): `c:chartSpace` with
 * one `c:barChart`, its series taken from the sheet's cells by reference (`c:strRef` / `c:numRef`) and the
 * values those cells hold now written as the references' caches (§21.2.2 strCache, numCache), so Excel
 * and LibreOffice draw the chart as opened, before any recalculation. Every element is written in its
 * complex type's sequence (the schema's dml-chart.xsd); nothing random or dated, so the
 * same plan gives the same bytes.
 */
import { absoluteAddress, absoluteCellAddress, quoteSheet } from '../../core/a1';
import type { CellRange, CellValue, ChartSpec } from '../../core/types';
import { escapeXml } from './xml';

export const CONTENT_TYPE_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';

const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_MAIN = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The axes' ids: any two distinct numbers, shared by the bar chart and the axes it is drawn on. */
const CAT_AX = 111111111;
const VAL_AX = 222222222;

/** A cell's value as the chart part reads it (undefined: an empty cell). */
export type ReadCell = (row: number, col: number) => CellValue | undefined;

/** `'KPI評価サマリー'!$C$11:$C$14`; one cell without the colon (`'…'!$C$10`). */
function reference(sheet: string, range: CellRange): string {
  const single = range.top === range.bottom && range.left === range.right;
  return `${quoteSheet(sheet)}!${single ? absoluteCellAddress(range.top, range.left) : absoluteAddress(range)}`;
}

function text(value: CellValue | undefined): string {
  return value === undefined ? '' : String(value);
}

/** `c:strRef` with its `c:strCache` (strRef, CT_StrData: ptCount, pt*). */
function strRef(sheet: string, range: CellRange, read: ReadCell): string {
  const points: string[] = [];
  let count = 0;
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) {
      points.push(`<c:pt idx="${count}"><c:v>${escapeXml(text(read(row, col)))}</c:v></c:pt>`);
      count++;
    }
  }
  return (
    `<c:strRef><c:f>${escapeXml(reference(sheet, range))}</c:f>` +
    `<c:strCache><c:ptCount val="${count}"/>${points.join('')}</c:strCache></c:strRef>`
  );
}

/**
 * `c:numRef` with its `c:numCache` (numRef, CT_NumData: formatCode, ptCount, pt*); a cell that
 * holds no number has no point, as Excel writes a blank.
 */
function numRef(sheet: string, range: CellRange, read: ReadCell): string {
  const points: string[] = [];
  let count = 0;
  for (let row = range.top; row <= range.bottom; row++) {
    const value = read(row, range.left);
    if (typeof value === 'number' && Number.isFinite(value))
      points.push(`<c:pt idx="${count}"><c:v>${value}</c:v></c:pt>`);
    count++;
  }
  return (
    `<c:numRef><c:f>${escapeXml(reference(sheet, range))}</c:f>` +
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>${points.join('')}</c:numCache></c:numRef>`
  );
}

/** `#1F4E78` → `1F4E78` (a:srgbClr, ST_HexColorRGB). */
function rgb(color: string): string {
  return color.replace(/^#/, '').toUpperCase();
}

function solidFill(color: string): string {
  return `<a:solidFill><a:srgbClr val="${rgb(color)}"/></a:solidFill>`;
}

/** Text properties for titles, labels and the legend: East Asian text set in Japanese (txPr). */
function textProperties(size: number, bold: boolean): string {
  return (
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>' +
    `<a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"/>` +
    '</a:pPr><a:endParaRPr lang="ja-JP"/></a:p></c:txPr>'
  );
}

/** The chart's title as rich text (title, CT_Title: tx, layout, overlay). */
function title(textOf: string): string {
  return (
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="ja-JP" sz="1400" b="1"/><a:t>${escapeXml(textOf)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title>'
  );
}

/**
 * One `c:ser` per column of `chart.series` (ser, CT_BarSer: idx, order, tx, spPr,
 * invertIfNegative, cat, val): its name the column's first cell, its values the cells below, its
 * categories `chart.categories`, its fill the plan's colour.
 */
function seriesXml(sheet: string, chart: ChartSpec, read: ReadCell): string[] {
  const { series } = chart;
  const out: string[] = [];
  for (let col = series.left, i = 0; col <= series.right; col++, i++) {
    const name = { top: series.top, left: col, bottom: series.top, right: col };
    const values = { top: series.top + 1, left: col, bottom: series.bottom, right: col };
    const color = chart.colors[i];
    out.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx>${strRef(sheet, name, read)}</c:tx>` +
        (color === undefined ? '' : `<c:spPr>${solidFill(color)}</c:spPr>`) +
        '<c:invertIfNegative val="0"/>' +
        `<c:cat>${strRef(sheet, chart.categories, read)}</c:cat>` +
        `<c:val>${numRef(sheet, values, read)}</c:val></c:ser>`,
    );
  }
  return out;
}

/**
 * The chart part's text. `barDir="bar"` draws the bars horizontally, `grouping="stacked"` with overlap 100
 * stacks each category's series into one bar (§21.2.2 barChart, barDir, grouping, overlap). The category
 * axis stands on the left, the value axis along the bottom (catAx, valAx); the legend below, as the Excel
 * host places it.
 */
export function chartPartXml(sheet: string, chart: ChartSpec, read: ReadCell): string {
  const axisLine =
    '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    // Absent, roundedCorners reads as true in Excel (§21.2.2 roundedCorners): square, as Excel draws a new one.
    '<c:date1904 val="0"/><c:lang val="ja-JP"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    title(chart.title) +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>' +
    seriesXml(sheet, chart, read).join('') +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    '<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="1"/>' +
    '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    axisLine +
    textProperties(9, false) +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    '<c:delete val="0"/><c:axPos val="b"/>' +
    '<c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    '<c:numFmt formatCode="General" sourceLinked="1"/>' +
    '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    axisLine +
    textProperties(9, false) +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea>' +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProperties(9, false)}</c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>' +
    '</c:chartSpace>'
  );
}
