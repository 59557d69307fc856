"""End-to-end tests drive /usr/bin/qgis_process.bin through tools/qgis_process_env.py, importable
here as ``qgis_process_env`` (tools/ holds no package that could shadow QGIS's own)."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOLS = os.path.join(ROOT, "tools")
if TOOLS not in sys.path:
    sys.path.append(TOOLS)
