/**
 * Every distinct value text of both seeds (tests/fixtures/seeds), copied here with its expected reading
 * written out. Sources: `progress` = kpi-progress-table.txt value columns H30 (現状値) … R6 (目標値),
 * headline rows included; `strategy` = strategy-kpi-table.txt 現状値 / 目標値 columns; `headline` = the
 * values inside the strategy table's 数値目標 texts (【現状値（H30年度）】… ).
 */

/** What a test expects of a reading: its kind, value and unit, and the optional fields it must carry. */
export interface Expected {
  readonly kind: 'number' | 'percent' | 'age' | 'presence' | 'missing' | 'abolished' | 'text';
  readonly value: number | null;
  readonly unit: string;
  readonly qualifier?: string;
  readonly year?: number;
  readonly level?: string;
  readonly mark?: string;
}

interface Extras {
  readonly qualifier?: string;
  readonly year?: number;
}

export const num = (value: number, unit: string, extras: Extras = {}): Expected => ({
  kind: 'number',
  value,
  unit,
  ...extras,
});
export const pct = (value: number, extras: Extras = {}): Expected => ({
  kind: 'percent',
  value,
  unit: '%',
  ...extras,
});
export const age = (value: number): Expected => ({ kind: 'age', value, unit: '歳' });
export const presence = (level: string, value: number): Expected => ({
  kind: 'presence',
  value,
  unit: '',
  level,
});
export const missing = (mark: string): Expected => ({ kind: 'missing', value: null, unit: '', mark });
export const abolished = (): Expected => ({ kind: 'abolished', value: null, unit: '' });
/** Not a value: kept verbatim, reported as unreadable. */
export const text = (): Expected => ({ kind: 'text', value: null, unit: '' });

export const SEED_VALUES: readonly (readonly [cellText: string, expected: Expected])[] = [
  ['0人', num(0, '人')], // progress/strategy/headline
  ['0件', num(0, '件')], // progress/strategy
  ['0回', num(0, '回')], // progress
  ['0施設', num(0, '施設')], // strategy
  ['0組', num(0, '組')], // progress
  ['0館', num(0, '館')], // progress
  ['0.16', num(0.16, '')], // strategy
  ['0.2', num(0.2, '')], // strategy
  ['0.873', num(0.873, '')], // strategy
  ['1人', num(1, '人')], // progress/strategy
  ['1件', num(1, '件')], // progress
  ['1回', num(1, '回')], // progress
  ['1社', num(1, '社')], // progress/strategy
  ['1組', num(1, '組')], // progress/strategy
  ['1.27', num(1.27, '')], // progress
  ['1.32', num(1.32, '')], // progress
  ['1.47', num(1.47, '')], // progress
  ['1.6人', num(1.6, '人')], // headline
  ['1.64', num(1.64, '')], // progress
  ['1.76', num(1.76, '')], // progress
  ['1.8人', num(1.8, '人')], // headline
  ['2人', num(2, '人')], // progress/strategy
  ['2件', num(2, '件')], // progress/strategy
  ['2回', num(2, '回')], // progress/strategy
  ['2社', num(2, '社')], // progress
  ['2箇所', num(2, '箇所')], // progress/strategy
  ['3人', num(3, '人')], // progress
  ['3件', num(3, '件')], // progress
  ['3回', num(3, '回')], // progress/strategy
  ['3館', num(3, '館')], // progress/strategy
  ['4人', num(4, '人')], // progress/strategy
  ['4件', num(4, '件')], // progress
  ['4個', num(4, '個')], // progress/strategy
  ['4回', num(4, '回')], // progress/strategy
  ['4.4ha', num(4.4, 'ha')], // progress/strategy
  ['5件', num(5, '件')], // progress/strategy
  ['5回', num(5, '回')], // progress/strategy
  ['5地区', num(5, '地区')], // headline
  ['5社', num(5, '社')], // progress
  ['5組', num(5, '組')], // progress/strategy
  ['6人', num(6, '人')], // progress
  ['6件', num(6, '件')], // progress/strategy
  ['6個', num(6, '個')], // progress
  ['6回', num(6, '回')], // progress
  ['7事業', num(7, '事業')], // progress/strategy
  ['7件', num(7, '件')], // progress
  ['7個', num(7, '個')], // progress
  ['7回', num(7, '回')], // progress
  ['8%', pct(8)], // progress
  ['8人', num(8, '人')], // progress/strategy
  ['8件', num(8, '件')], // progress
  ['8回', num(8, '回')], // progress
  ['8社', num(8, '社')], // progress/strategy
  ['9事業', num(9, '事業')], // progress/strategy
  ['9回', num(9, '回')], // progress
  ['9社', num(9, '社')], // progress
  ['10事業', num(10, '事業')], // progress
  ['10人', num(10, '人')], // progress/headline
  ['10件', num(10, '件')], // progress/strategy
  ['10個', num(10, '個')], // progress/strategy
  ['10回', num(10, '回')], // progress/strategy
  ['10校区', num(10, '校区')], // progress/strategy
  ['10社', num(10, '社')], // progress/strategy
  ['11%', pct(11)], // progress
  ['11個', num(11, '個')], // progress
  ['12人', num(12, '人')], // progress/strategy
  ['12件', num(12, '件')], // progress/strategy
  ['12個', num(12, '個')], // progress/strategy
  ['12棟', num(12, '棟')], // strategy
  ['13人', num(13, '人')], // progress
  ['13件', num(13, '件')], // progress/strategy
  ['13個', num(13, '個')], // progress
  ['13.4ha', num(13.4, 'ha')], // progress/strategy
  ['14%', pct(14)], // progress
  ['14人', num(14, '人')], // progress/strategy
  ['14件', num(14, '件')], // progress
  ['15人', num(15, '人')], // progress/strategy
  ['15個', num(15, '個')], // progress/strategy
  ['△15人', num(-15, '人')], // progress
  ['16%', pct(16)], // progress
  ['16件', num(16, '件')], // progress
  ['17件', num(17, '件')], // progress
  ['18人', num(18, '人')], // progress/strategy
  ['19%', pct(19)], // progress
  ['20%', pct(20)], // progress
  ['20件', num(20, '件')], // strategy
  ['22回', num(22, '回')], // progress/strategy
  ['23人', num(23, '人')], // progress
  ['24人', num(24, '人')], // progress
  ['25人', num(25, '人')], // progress
  ['27棟', num(27, '棟')], // strategy
  ['30回', num(30, '回')], // progress/strategy
  ['31事業', num(31, '事業')], // progress/strategy
  ['32個', num(32, '個')], // progress/strategy
  ['34個', num(34, '個')], // progress
  ['35個', num(35, '個')], // progress
  ['36個', num(36, '個')], // progress
  ['△36人', num(-36, '人')], // progress
  ['37事業', num(37, '事業')], // progress
  ['37個', num(37, '個')], // progress/strategy
  ['38事業', num(38, '事業')], // progress
  ['39人', num(39, '人')], // progress/strategy
  ['40事業', num(40, '事業')], // progress
  ['40社', num(40, '社')], // progress/strategy
  ['41.2%', pct(41.2)], // progress
  ['45.7%', pct(45.7)], // progress
  ['46区画', num(46, '区画')], // progress/strategy
  ['46.2%', pct(46.2)], // progress
  ['46.8%', pct(46.8)], // progress
  ['48%', pct(48)], // progress
  ['50区画', num(50, '区画')], // strategy
  ['50回', num(50, '回')], // progress
  ['50社', num(50, '社')], // progress/strategy
  ['51回', num(51, '回')], // progress
  ['△51人', num(-51, '人')], // progress
  ['52回', num(52, '回')], // progress/strategy
  ['55事業', num(55, '事業')], // progress/strategy
  ['△59人', num(-59, '人')], // progress
  ['62組織', num(62, '組織')], // progress/strategy
  ['63件', num(63, '件')], // progress/strategy
  ['66区画', num(66, '区画')], // progress
  ['68.5%', pct(68.5)], // progress/headline
  ['70.6%', pct(70.6)], // progress
  ['72%', pct(72)], // headline
  ['75組織', num(75, '組織')], // progress/strategy
  ['76組織', num(76, '組織')], // progress
  ['77組織', num(77, '組織')], // progress
  ['78区画', num(78, '区画')], // progress
  ['78組織', num(78, '組織')], // progress
  ['86施設', num(86, '施設')], // progress
  ['87%', pct(87)], // progress
  ['87施設', num(87, '施設')], // progress
  ['90%', pct(90)], // progress
  ['90施設', num(90, '施設')], // progress/strategy
  ['92%', pct(92)], // progress
  ['98%', pct(98)], // progress
  ['100%', pct(100)], // progress
  ['101回', num(101, '回')], // progress
  ['103件', num(103, '件')], // progress
  ['104区画', num(104, '区画')], // progress
  ['112件', num(112, '件')], // progress
  ['122人', num(122, '人')], // progress
  ['123件', num(123, '件')], // progress
  ['137件', num(137, '件')], // progress
  ['147件', num(147, '件')], // progress
  ['150件', num(150, '件')], // progress/strategy
  ['169回', num(169, '回')], // progress
  ['194回', num(194, '回')], // progress
  ['195件', num(195, '件')], // progress
  ['211台', num(211, '台')], // strategy
  ['213回', num(213, '回')], // progress
  ['218回', num(218, '回')], // progress
  ['219件', num(219, '件')], // progress
  ['280件', num(280, '件')], // progress/strategy
  ['306件', num(306, '件')], // progress
  ['308件', num(308, '件')], // progress
  ['350件', num(350, '件')], // progress/strategy
  ['382件', num(382, '件')], // progress
  ['383件 52回', text()], // strategy
  ['804人', num(804, '人')], // progress
  ['823人', num(823, '人')], // progress
  ['835人', num(835, '人')], // progress
  ['881人', num(881, '人')], // progress
  ['896人', num(896, '人')], // progress
  ['919人', num(919, '人')], // progress/strategy
  ['940人', num(940, '人')], // progress/strategy
  ['1,159m', num(1159, 'm')], // progress/strategy
  ['1,500m', num(1500, 'm')], // progress/strategy
  ['2,016件', num(2016, '件')], // progress/strategy
  ['2,206m', num(2206, 'm')], // progress
  ['2,679m', num(2679, 'm')], // progress
  ['3,000件', num(3000, '件')], // progress
  ['3,000部', num(3000, '部')], // progress
  ['3,239m', num(3239, 'm')], // progress
  ['3,645m', num(3645, 'm')], // progress
  ['4,000部', num(4000, '部')], // progress/strategy
  ['4,370m', num(4370, 'm')], // progress
  ['4,749件', num(4749, '件')], // progress
  ['6,022件', num(6022, '件')], // progress
  ['6,347件', num(6347, '件')], // progress
  ['6,379件', num(6379, '件')], // progress
  ['7,000件', num(7000, '件')], // strategy
  ['7,275件', num(7275, '件')], // progress
  ['8,533人', num(8533, '人')], // progress
  ['8,935人', num(8935, '人')], // progress
  ['9,174人 (H28年)', num(9174, '人', { year: 2016 })], // progress
  ['9,518人', num(9518, '人')], // progress/headline
  ['10,225人', num(10225, '人')], // progress
  ['11,916人', num(11916, '人')], // progress
  ['12,667人', num(12667, '人')], // progress
  ['13,264人', num(13264, '人')], // progress
  ['24,000人', num(24000, '人')], // progress/strategy
  ['25,000人', num(25000, '人')], // progress/strategy
  ['27,684人', num(27684, '人')], // progress
  ['27,928人', num(27928, '人')], // progress
  ['28,150人', num(28150, '人')], // progress
  ['29,708人', num(29708, '人')], // progress
  ['30,239人', num(30239, '人')], // progress/strategy
  ['30,990人', num(30990, '人')], // progress
  ['35,000人', num(35000, '人')], // progress/strategy
  ['—', missing('—')], // progress/strategy/headline
  ['', missing('')], // strategy (就職面接会参加学生数, エアコン設置台数: no target)
  ['不育のみ有', presence('partial', 1)], // progress
  ['中3まで', age(15)], // progress/strategy
  ['希望者の100%', pct(100, { qualifier: '希望者の' })], // progress/strategy
  ['廃止', abolished()], // progress
  ['拡充', presence('expanded', 3)], // progress
  ['有', presence('present', 2)], // progress/strategy
  ['満18歳まで', age(18)], // progress
  ['継続', presence('present', 2)], // strategy
  ['設置済み', presence('present', 2)], // strategy
];
