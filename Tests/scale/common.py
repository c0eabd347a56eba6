"""What the scale tests share: the built binaries, seeding, a server, casting over HTTP.

The binaries are those `swift test` built (.build/debug; $QUORUM_BIN_DIR overrides):
``quorum`` and ``quorum-load`` (whose ``seed`` writes signed-in owners straight into the
database: a binary of its own, never deployed).
"""

import http.client
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN_DIR = os.environ.get("QUORUM_BIN_DIR", os.path.join(ROOT, ".build", "debug"))
QUORUM = os.path.join(BIN_DIR, "quorum")
LOAD = os.path.join(BIN_DIR, "quorum-load")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(database, output, units, sessions_per_person=1, persons=None, estate=900):
    """`quorum-load seed`: an estate, an open vote, sessions; returns (vote, choices, sessions)."""
    arguments = [LOAD, "seed", "--database", database, "--units", str(units), "--estate", str(estate),
                 "--sessions-per-person", str(sessions_per_person), "-o", output]
    if persons:
        arguments += ["--persons", str(persons)]
    subprocess.run(arguments, check=True, capture_output=True, timeout=120)
    with open(output) as f:
        lines = f.read().splitlines()
    _, vote, choices = lines[0].split("\t")
    sessions = [(token, csrf, int(person), name) for token, csrf, person, name in (line.split("\t") for line in lines[1:])]
    return vote, choices, sessions


class Server:
    """`quorum serve` on a free port; `kill()` is kill -9, `terminate()` SIGTERM."""

    def __init__(self, database, folder, name="server", extra=()):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(folder, f"{name}.log"), "a")
        self.process = subprocess.Popen(
            [QUORUM, "serve", "--port", str(self.port), "--database", database, "--log-level", "warning", *extra],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"quorum serve exited with {self.process.returncode}; see {self.log.name}")
            try:
                if urllib.request.urlopen(self.url + "/health", timeout=1).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.1)
        self.kill()
        raise RuntimeError("quorum serve did not start; see " + self.log.name)

    def kill(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.log.close()

    def terminate(self, timeout=20):
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=timeout)
        self.log.close()
        return code


def cast(connection, vote, choices, session):
    """POSTs one ballot; returns (status, receipt code or None)."""
    token, csrf, person, name = session
    # The registered name of the owner signed in: a typed signature must be it (issue 13, item 20).
    body = urllib.parse.urlencode({"csrf": csrf, "person": person, "choices": choices, "signature_typed": name})
    connection.request("POST", f"/votes/{vote}/cast", body=body, headers={
        "Cookie": f"quorum_session={token}", "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    location = response.getheader("Location") or ""
    code = location[len("/receipts/"):] if response.status == 303 and location.startswith("/receipts/") else None
    return response.status, code


class Load:
    """Threads casting the given sessions, each once, at `port` until stopped or done.
    `acknowledged` collects (person, code) of every ballot answered with its receipt."""

    def __init__(self, port, vote, choices, sessions, threads=16):
        self.port, self.vote, self.choices = port, vote, choices
        self.sessions = sessions
        self.lock = threading.Lock()
        self.next = 0
        self.stop_event = threading.Event()
        self.acknowledged = []
        self.refused = []
        self.errors = 0
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(threads)]
        for thread in self.threads:
            thread.start()

    def take(self):
        with self.lock:
            if self.next >= len(self.sessions):
                return None
            session = self.sessions[self.next]
            self.next += 1
            return session

    def run(self):
        connection = None
        while not self.stop_event.is_set():
            session = self.take()
            if session is None:
                return
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                status, code = cast(connection, self.vote, self.choices, session)
                with self.lock:
                    if code:
                        self.acknowledged.append((session[2], code))
                    else:
                        self.refused.append((session[2], status))
            except (OSError, http.client.HTTPException):
                # The server died under this request: no receipt, so nothing is owed.
                with self.lock:
                    self.errors += 1
                connection = None
                time.sleep(0.02)

    def stop(self):
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout=30)


def verify_log(database):
    """`quorum verify --database URL`: every hash, signature and proof of the stored log."""
    result = subprocess.run([QUORUM, "verify", "--database", database], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, "quorum verify failed:\n" + result.stdout + result.stderr
    return result.stdout.strip()


def temporary_folder(prefix):
    return tempfile.mkdtemp(prefix=prefix)
