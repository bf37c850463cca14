"""JupyterHub for a class on one machine: `npm run hub` starts it with this file.

Each learner logs in with the class password and gets their own Jupyter server (JupyterLab, the tslab kernel) with
their own copy of the notebooks under `.hub/homes/<name>/`. Everything the hub writes lives in `.hub/` (its state
folder, git-ignored): the database, the cookie secret, the class password and the API token of the load test.

Settings come from environment variables (defaults in brackets):
  HUB_IP [127.0.0.1], HUB_PORT [8000]   where the hub listens; 127.0.0.1 keeps it on this machine. The hub's own
                                        API and the proxy's API listen on 127.0.0.1 at HUB_PORT + 81 and + 1
  HUB_STATE [<repo>/.hub]               the state folder
  HUB_IDLE_TIMEOUT [3600]               seconds before an idle learner's server is stopped (jupyterhub-idle-culler)
  HUB_PASSWORD                          the class password; otherwise one is generated at first start into
                                        .hub/class-password (only the owner can read it)
"""

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATE = Path(os.environ.get("HUB_STATE", ROOT / ".hub")).resolve()
HOMES = STATE / "homes"
ENV_BIN = Path(sys.executable).parent
NODE_BIN = ROOT / "node_modules" / ".bin"
MIN_PASSWORD_LENGTH = 8


def secret_file(name: str, make) -> str:
    """The secret in STATE/name, made by `make()` at first start into a file only its owner can read."""
    path = STATE / name
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(make())
    if path.stat().st_mode & 0o077:
        raise SystemExit(f"{path} is readable by others: chmod 600 it (or delete it to have a new one made)")
    return path.read_text().strip()


STATE.mkdir(mode=0o700, parents=True, exist_ok=True)
HOMES.mkdir(mode=0o700, exist_ok=True)
password = os.environ.get("HUB_PASSWORD") or secret_file("class-password", lambda: secrets.token_urlsafe(9))
if len(password) < MIN_PASSWORD_LENGTH:
    raise SystemExit(f"HUB_PASSWORD must be at least {MIN_PASSWORD_LENGTH} characters, got {len(password)}")
service_token = secret_file("api-token", lambda: secrets.token_hex(32))

c = get_config()  # noqa: F821 (JupyterHub's config loader defines get_config)

port = int(os.environ.get("HUB_PORT", "8000"))
c.JupyterHub.ip = os.environ.get("HUB_IP", "127.0.0.1")
c.JupyterHub.port = port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = port + 81
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 1}"
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
# The proxy from npm; JupyterHub generates its auth token at every start and passes it in the proxy's environment.
c.ConfigurableHTTPProxy.command = [str(NODE_BIN / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")

# One password for the class, any name: fine for a workshop on a trusted network, not for protecting learners
# from each other (see README, "A class on JupyterHub").
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = password
c.Authenticator.allow_all = True

# Every learner's server runs as this machine's user, in their own home folder with their own copy of the course.
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES / "{username}")
c.Spawner.cmd = [str(ENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab/tree/01-neuron.ipynb"
# The file browser shows the notebooks; the built library sits one folder up, where `import … from ".."` looks.
c.Spawner.notebook_dir = str(HOMES / "{username}" / "notebooks")
c.Spawner.args = ["--MappingKernelManager.default_kernel_name=tslab", *(["--allow-root"] if os.getuid() == 0 else [])]
c.Spawner.environment = {
    # The env's kernelspecs (our tslab) and this Node, as `npm start` gives them.
    "JUPYTER_PREFER_ENV_PATH": "1",
    "PATH": os.pathsep.join([str(ENV_BIN), str(Path(os.environ.get("HUB_NODE", shutil.which("node") or "node")).parent), os.environ["PATH"]]),
}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120


def give_learner_the_course(spawner) -> None:
    """Their own copy of the notebooks (made once; their edits stay) beside the built library: hub/course-home.sh."""
    subprocess.run([str(ROOT / "hub" / "course-home.sh"), str(ROOT), spawner.home_dir], check=True)


c.Spawner.pre_spawn_hook = give_learner_the_course

c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={int(os.environ.get('HUB_IDLE_TIMEOUT', '3600'))}"],
    },
    # The teacher's and the load test's way in through the REST API: the token in .hub/api-token.
    {"name": "class-admin", "api_token": service_token},
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    },
    {
        "name": "class-admin",
        "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users"],
        "services": ["class-admin"],
    },
]
