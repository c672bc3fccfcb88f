/**
 * 「シートに書き込む列の見方」: one line for each column 評価する adds beside the city's table
 * (最新値 and its (R5), 達成率 / 進捗率, 傾向, 判定 and X, 方向 and its drop-down).
 */
import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { cardSection } from '../card';
import { help } from '../controls';
import { h } from '../dom';
import type { PaneCard } from '../view';

const LINES: readonly [string, MessageKey][] = [
  ['col-latest', 'colLatest'],
  ['col-rates', 'colRates'],
  ['col-trend', 'colTrend'],
  ['col-grade', 'colGrade'],
  ['col-direction', 'colDirection'],
];

export function columnsCard(): PaneCard {
  const element = cardSection(
    'columns',
    h('h2', { className: 'card__title', id: 'columns-title' }, t('columnsTitle')),
    ...LINES.map(([id, key]) => help(id, t(key))),
  );
  return { element, render: () => undefined };
}
