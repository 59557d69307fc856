"""Shared set-up for benchmarks: the checkout as package ``riskatlas``, a headless QGIS, timing.

Run a benchmark as ``.venv/bin/python bench/<name>.py`` (or ``make bench`` for all).
"""
import importlib.util
import os
import resource
import sys
import time

_KEEP_ALIVE = []
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def register_package():
    """Same registration as the root conftest.py (the root is never put on sys.path)."""
    spec = importlib.util.spec_from_file_location("riskatlas_root_conftest", os.path.join(ROOT, "conftest.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


def start_qgis():
    """A QgsApplication with Processing and the native algorithms, plus the riskatlas provider."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    register_package()
    from riskatlas.processing.provider import RiskAtlasProvider

    provider = RiskAtlasProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    _KEEP_ALIVE.extend([app, provider])  # a Python provider stops working once Python drops it
    return app


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


def peak_rss_mb():
    """Peak resident memory of this process so far (MB): VmHWM (Linux; getrusage's maxrss would also
    count the parent's peak before exec), else getrusage. Run each measured case in its own process
    when peaks must be told apart."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class StepFeedback:
    """A QgsProcessingFeedback that records when each step of the algorithm starts."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.start = time.perf_counter()
                self.steps = []

            def pushDebugInfo(self, message):  # noqa: N802
                self.steps.append((time.perf_counter() - self.start, message))

        return _Feedback()
