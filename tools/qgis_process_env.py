"""Environment for running /usr/bin/qgis_process.bin against this checkout as plugin ``riskatlas``.

Used by the end-to-end tests and the demo: a throw-away QGIS profile (never the user's real
one), a plugin folder holding a ``riskatlas`` link to the checkout, the venv's site-packages
on PYTHONPATH, and the plugin enabled.
"""
import os
import subprocess
import sysconfig

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # /usr/bin/qgis_process passes --noversioncheck, which 3.22 rejects


def make_env(workdir, plugin_source=ROOT):
    """Prepare ``workdir`` (profile + plugin link) and return the environment dict."""
    profile = os.path.join(workdir, "profile")
    plugins = os.path.join(workdir, "plugins")
    os.makedirs(profile, exist_ok=True)
    os.makedirs(plugins, exist_ok=True)
    link = os.path.join(plugins, "riskatlas")
    if not os.path.lexists(link):
        os.symlink(plugin_source, link)
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "QGIS_CUSTOM_CONFIG_PATH": profile,
        "QGIS_PLUGINPATH": plugins,
        "PYTHONPATH": os.pathsep.join(p for p in (sysconfig.get_paths()["purelib"], env.get("PYTHONPATH")) if p),
        "XDG_RUNTIME_DIR": env.get("XDG_RUNTIME_DIR") or os.path.join(workdir, "runtime"),
    })
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    return env


def qgis_process(args, env, timeout=600, check=True):
    completed = subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=timeout)
    if check and completed.returncode != 0:
        raise RuntimeError(f"qgis_process {' '.join(args)} failed ({completed.returncode}):\n"
                           f"{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}")
    return completed


def enable_plugin(env):
    return qgis_process(["plugins", "enable", "riskatlas"], env)


def run_json(algorithm, parameters, env, timeout=600):
    """Run an algorithm with every parameter as a --NAME=value string; return its results dict."""
    import json

    args = ["run", algorithm, "--json", *[f"--{name}={value}" for name, value in parameters.items()]]
    stdout = qgis_process(args, env, timeout=timeout).stdout
    return json.loads(stdout[stdout.index("{"):])["results"]
