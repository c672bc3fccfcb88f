"""
The openpyxl part of the package-editor corpus (tests/fixtures/corpus/): openpyxl loads the progress
fixture and writes it back with what a city's workbook holds beside the KPI table: a chart on the KPI sheet
and a chart sheet, an image, notes, hidden and very hidden sheets, a password-protected sheet, names
(a constant, a sheet-scoped one), custom document properties, number formats with backslash escapes,
page breaks, the city's own conditional format and data validation. Run by scripts/build-corpus.sh.
"""
import os
import sys

from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
FIXTURES = os.path.join(ROOT, 'tests', 'fixtures')
CORPUS = os.path.join(FIXTURES, 'corpus')
PNG = os.path.join(ROOT, 'assets', 'icon-32.png')


class PngImage(Image):
    """openpyxl's Image reads its size with Pillow; the corpus image's size is known, so no Pillow."""

    def __init__(self, path, width, height):  # noqa: D107 - no super().__init__: it imports PIL
        self.ref = path
        self.anchor = 'A1'
        self.width = width
        self.height = height
        self.format = 'png'

    def _data(self):
        with open(self.ref, 'rb') as f:
            return f.read()


def build_city(out):
    wb = load_workbook(os.path.join(FIXTURES, 'asakuchi-progress.xlsx'))
    kpi = wb['KPI一覧']
    kpi['C10'].comment = Comment('担当: 産業振興課 (2025/4 確認済み)', '企画課')
    chart = BarChart()
    chart.title = '創業者数'
    chart.add_data(Reference(kpi, min_col=6, min_row=10, max_col=11, max_row=10), from_rows=True)
    kpi.add_chart(chart, 'T3')
    kpi.conditional_formatting.add(
        'K9:K18', CellIsRule(operator='lessThan', formula=['0'], fill=PatternFill('solid', bgColor='FFFF00'))
    )
    data = wb.create_sheet('資料')
    data.append(['課', '件数', '率', '距離'])
    for row in [['産業振興課', 12, 68.5, 1200], ['市民課', 30, 55.25, 800], ['まちづくり課', 7, 91.0, 2500]]:
        data.append(row)
    for r in range(2, 5):
        data.cell(r, 3).number_format = '0.0\\%'
        data.cell(r, 4).number_format = '#,##0\\m'
    data['F1'] = '区分'
    dv = DataValidation(type='list', formula1='"市,県,国"', allow_blank=True)
    data.add_data_validation(dv)
    dv.add('F2:F10')
    data.row_breaks.append(Break(id=3))
    data['B2'].comment = Comment('件数は年度末時点', '企画課')
    data.add_image(PngImage(PNG, 32, 32), 'H2')
    data.protection.sheet = True
    data.protection.password = 'asakuchi'
    data.protection.formatCells = False
    chart_sheet = wb.create_chartsheet('件数グラフ')
    bars = BarChart()
    bars.add_data(Reference(data, min_col=2, min_row=1, max_row=4), titles_from_data=True)
    chart_sheet.add_chart(bars)
    hidden = wb.create_sheet('作業用')
    hidden['A1'] = '作業用のメモ (非表示)'
    hidden.sheet_state = 'hidden'
    very = wb.create_sheet('内部')
    very['A1'] = '内部データ (VBA からだけ見える)'
    very.sheet_state = 'veryHidden'
    wb.defined_names['市名'] = DefinedName('市名', attr_text='"浅口市"')
    data.defined_names['資料範囲'] = DefinedName('資料範囲', attr_text="'資料'!$A$1:$D$4")
    wb.custom_doc_props.append(StringProperty(name='担当課', value='企画課'))
    wb.custom_doc_props.append(StringProperty(name='MSIP_Label_Demo_Enabled', value='true'))
    wb.save(out)


if __name__ == '__main__':
    os.makedirs(CORPUS, exist_ok=True)
    build_city(os.path.join(CORPUS, 'openpyxl-city.xlsx'))


def build_macro(out):
    """An .xlsm: the progress fixture with a VBA project (vba_project.py), written by openpyxl."""
    import io
    import zipfile

    from vba_project import vba_project_bin

    # openpyxl keeps a VBA project it loaded (keep_vba); the project is put into a copy of the fixture first.
    holder = io.BytesIO()
    with open(os.path.join(FIXTURES, 'asakuchi-progress.xlsx'), 'rb') as f:
        holder.write(f.read())
    with zipfile.ZipFile(holder, 'a') as z:
        z.writestr('xl/vbaProject.bin', vba_project_bin())
    holder.seek(0)
    wb = load_workbook(holder, keep_vba=True)
    wb['KPI一覧']['C10'].comment = Comment('マクロ付きのブック', '企画課')
    wb.save(out)


if __name__ == '__main__':
    sys.path.insert(0, os.path.dirname(__file__))
    build_macro(os.path.join(CORPUS, 'openpyxl-macro.xlsm'))
