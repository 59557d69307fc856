"""End-to-end tests drive /usr/bin/qgis_process.bin through tools/qgis_process_env.py, importable
here as ``qgis_process_env`` (tools/ holds no package that could shadow QGIS's own)."""
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOLS = os.path.join(ROOT, "tools")
if TOOLS not in sys.path:
    sys.path.append(TOOLS)


@pytest.fixture(scope="session")
def env(tmp_path_factory):
    """qgis_process.bin's environment with riskatlas enabled in a throw-away profile (one per session)."""
    import qgis_process_env

    environment = qgis_process_env.make_env(str(tmp_path_factory.mktemp("qgis_process")))
    qgis_process_env.enable_plugin(environment)
    return environment
