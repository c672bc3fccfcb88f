"""
Builds the LibreOffice part of the package-editor corpus (tests/fixtures/corpus/) with LibreOffice Calc
itself: `soffice --headless` with a private -env:UserInstallation, driven over UNO (python3-uno), opens
the progress fixture and adds what a city's workbook holds beside the KPI table, then saves it with
LibreOffice's own "Calc MS Excel 2007 XML" filter. Run by scripts/build-corpus.sh with /usr/bin/python3.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno


def struct(name, *args):
    return uno.createUnoStruct(name, *args)


def Rect(x, y, w, h):
    return struct('com.sun.star.awt.Rectangle', x, y, w, h)


def Size(w, h):
    return struct('com.sun.star.awt.Size', w, h)


def Point(x, y):
    return struct('com.sun.star.awt.Point', x, y)


def CellRangeAddress(sheet, c1, r1, c2, r2):
    return struct('com.sun.star.table.CellRangeAddress', sheet, c1, r1, c2, r2)


def CellAddress(sheet, col, row):
    return struct('com.sun.star.table.CellAddress', sheet, col, row)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
FIXTURES = os.path.join(ROOT, 'tests', 'fixtures')
CORPUS = os.path.join(FIXTURES, 'corpus')
ASSET_PNG = os.path.join(ROOT, 'assets', 'icon-32.png')


def prop(name, value):
    p = struct('com.sun.star.beans.PropertyValue')
    p.Name = name
    p.Value = value
    return p


def start_office(profile):
    pipe = 'kpisheet_corpus_%d' % os.getpid()
    proc = subprocess.Popen([
        'soffice', '-env:UserInstallation=file://' + profile, '--headless', '--invisible', '--norestore',
        '--nologo', '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % pipe,
    ])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(120):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            return proc, ctx
        except Exception:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit('LibreOffice did not start')


def load(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), '_blank', 0, (prop('Hidden', True),))


def save_xlsx(doc, path):
    doc.storeToURL(uno.systemPathToFileUrl(path), (prop('FilterName', 'Calc MS Excel 2007 XML'),))


def add_chart(doc, sheet, name, rng, rect):
    charts = sheet.getCharts()
    charts.addNewByName(name, rect, (rng,), True, True)


def build_city(desktop, source_xlsx, out):
    doc = load(desktop, os.path.join(FIXTURES, 'asakuchi-progress.xlsx'))
    sheets = doc.getSheets()
    kpi = sheets.getByIndex(0)
    # A data sheet: numbers with the city's own number formats (backslash escapes), a page break.
    sheets.insertNewByName('資料', 1)
    data = sheets.getByName('資料')
    formats = doc.getNumberFormats()
    locale = uno.createUnoStruct('com.sun.star.lang.Locale')
    header = ['課', '件数', '率', '距離']
    rows = [['産業振興課', 12, 68.5, 1200], ['市民課', 30, 55.25, 800], ['まちづくり課', 7, 91.0, 2500],
            ['子育て支援課', 18, 40.5, 350]]
    for c, h in enumerate(header):
        data.getCellByPosition(c, 0).setString(h)
    for r, row in enumerate(rows):
        data.getCellByPosition(0, r + 1).setString(row[0])
        for c in range(1, 4):
            data.getCellByPosition(c, r + 1).setValue(row[c])
    def fmt(code):
        key = formats.queryKey(code, locale, False)
        return key if key != -1 else formats.addNew(code, locale)
    data.getCellRangeByName('C2:C5').NumberFormat = fmt('0.0\\%')
    data.getCellRangeByName('D2:D5').NumberFormat = fmt('#,##0\\m')
    data.getRows().getByIndex(3).IsStartOfNewPage = True
    # Notes on the KPI sheet and on the data sheet.
    kpi.getAnnotations().insertNew(CellAddress(0, 2, 9), '担当: 産業振興課 (2025/4 確認済み)')
    data.getAnnotations().insertNew(CellAddress(1, 1, 1), '件数は年度末時点')
    # A chart on the KPI sheet (beside the table) and one on the data sheet.
    rng = CellRangeAddress(1, 0, 0, 1, 4)
    add_chart(doc, data, '件数グラフ', rng, Rect(6000, 1000, 12000, 7000))
    kpi_rng = CellRangeAddress(0, 5, 9, 9, 17)
    add_chart(doc, kpi, 'KPI推移', kpi_rng, Rect(5000, 200000, 14000, 8000))
    # An image on the data sheet.
    shape = doc.createInstance('com.sun.star.drawing.GraphicObjectShape')
    provider = desktop_ctx.ServiceManager.createInstanceWithContext('com.sun.star.graphic.GraphicProvider', desktop_ctx)
    graphic = provider.queryGraphic((prop('URL', uno.systemPathToFileUrl(ASSET_PNG)),))
    shape.Graphic = graphic
    data.getDrawPage().add(shape)
    shape.setSize(Size(2000, 2000))
    shape.setPosition(Point(20000, 500))
    # A pivot table of the data sheet on its own sheet.
    sheets.insertNewByName('集計', 2)
    pivot_sheet = sheets.getByName('集計')
    tables = pivot_sheet.getDataPilotTables()
    desc = tables.createDataPilotDescriptor()
    desc.setSourceRange(CellRangeAddress(1, 0, 0, 3, 4))
    fields = desc.getDataPilotFields()
    dept = fields.getByIndex(0)
    dept.Orientation = uno.Enum('com.sun.star.sheet.DataPilotFieldOrientation', 'ROW')
    count = fields.getByIndex(1)
    count.Orientation = uno.Enum('com.sun.star.sheet.DataPilotFieldOrientation', 'DATA')
    count.Function = uno.Enum('com.sun.star.sheet.GeneralFunction', 'SUM')
    tables.insertNewByName('課別件数', CellAddress(2, 0, 0), desc)
    # An external link: a formula reading another workbook.
    link = sheets.getByName('資料')
    link.getCellByPosition(5, 1).setFormula("='%s'#$Sheet1.A1" % uno.systemPathToFileUrl(source_xlsx))
    # A constant name and a sheet-scoped name.
    names = doc.NamedRanges
    names.addNewByName('市名', '"浅口市"', CellAddress(0, 0, 0), 0)
    data.NamedRanges.addNewByName('資料範囲', '$資料.$A$1:$D$5', CellAddress(1, 0, 0), 0)
    # Hidden sheet and a password-protected sheet.
    sheets.insertNewByName('作業用', 3)
    work = sheets.getByName('作業用')
    work.getCellByPosition(0, 0).setString('作業用のメモ (非表示)')
    work.IsVisible = False
    data.protect('asakuchi')
    # Custom document properties (where Office keeps sensitivity labels too).
    user = doc.getDocumentProperties().getUserDefinedProperties()
    user.addProperty('担当課', 128, '企画課')
    user.addProperty('MSIP_Label_Demo_Enabled', 128, 'true')
    save_xlsx(doc, out)
    doc.close(True)


def build_source(desktop, out):
    doc = desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0, (prop('Hidden', True),))
    sheet = doc.getSheets().getByIndex(0)
    sheet.getCellByPosition(0, 0).setValue(38000)
    save_xlsx(doc, out)
    doc.close(True)


if __name__ == '__main__':
    os.makedirs(CORPUS, exist_ok=True)
    profile = tempfile.mkdtemp(prefix='kpi-sheet-corpus-lo-')
    proc, desktop_ctx = start_office(profile)
    try:
        desktop = desktop_ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', desktop_ctx)
        source = os.path.join(CORPUS, 'external-source.xlsx')
        build_source(desktop, source)
        build_city(desktop, source, os.path.join(CORPUS, 'libreoffice-city.xlsx'))
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=30)
        except Exception:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
