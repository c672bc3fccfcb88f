"""
The .xlsm of the corpus: LibreOffice Calc (headless, private profile, over UNO) opens the progress fixture,
adds a Basic module that its VBA export writes as xl/vbaProject.bin, and saves with the
"Calc MS Excel 2007 VBA XML" filter. Run by scripts/build-corpus.sh with /usr/bin/python3.
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from build_libreoffice import FIXTURES, CORPUS, start_office, load, prop  # noqa: E402
import uno  # noqa: E402

MODULE = '''Option VBASupport 1
Sub 評価メモ()
    MsgBox "KPI の評価は kpi-sheet evaluate で"
End Sub
'''

if __name__ == '__main__':
    profile = tempfile.mkdtemp(prefix='kpi-sheet-corpus-lo-vba-')
    proc, ctx = start_office(profile)
    try:
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        doc = load(desktop, os.path.join(FIXTURES, 'asakuchi-progress.xlsx'))
        libs = doc.BasicLibraries
        if not libs.hasByName('VBAProject'):
            libs.createLibrary('VBAProject')
        lib = libs.getByName('VBAProject')
        lib.insertByName('Module1', MODULE)
        out = os.path.join(CORPUS, 'libreoffice-macro.xlsm')
        doc.storeToURL(uno.systemPathToFileUrl(out), (prop('FilterName', 'Calc MS Excel 2007 VBA XML'),))
        doc.close(True)
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
