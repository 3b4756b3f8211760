"""Test-only: loaded by wine_stand_ins.pth in the Windows *build* venv under Wine 8 (Debian 12),
never imported by the app, so PyInstaller never bundles it. Real Windows needs none of it.

* Wine has no propsys.VariantToString, which every _wmi query calls (the process aborts):
  without _wmi, platform.py asks sys.getwindowsversion() and the environment instead.
* Wine has no kernel32.CopyFile2: without it, shutil.copy2 copies and then copies the stat.
"""

import sys

sys.modules.setdefault("_wmi", None)  # a None entry makes "import _wmi" fail: platform falls back
try:
    import _winapi
except ImportError:  # not Windows: nothing to do
    pass
else:
    if hasattr(_winapi, "CopyFile2"):
        delattr(_winapi, "CopyFile2")
