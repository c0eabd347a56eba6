"""Crash test (issue 7): ballots cast under load while the server is killed with SIGKILL at
random moments and restarted, round after round; then every ballot that got a receipt must
be in the database with its log entry, nothing half-written, and the log must verify.
One more round ends with SIGTERM instead: the server must answer the requests in flight and
exit cleanly (graceful shutdown).

    python3 Tests/scale/crash_test.py [--rounds 8] [--budget 60] [--seed N] [--keep]

SQLite by default; `--database postgres://…?schema=NAME` runs the same on PostgreSQL (the
schema must exist). Bounded: stops starting rounds when --budget seconds have passed.
"""

import argparse
import os
import random
import shutil
import sqlite3
import sys
import time

import common


def check_sqlite(path, vote, acknowledged):
    """Every acknowledged ballot is there with its log entry; nothing is half-written."""
    db = sqlite3.connect(path)
    try:
        for person, code in acknowledged:
            row = db.execute("SELECT log_index FROM ballots WHERE vote_id = ? AND person = ? AND receipt_code = ?",
                             (vote, person, code)).fetchone()
            assert row is not None, f"person {person}: receipt {code} was sent, but the ballot is missing"
            entry = db.execute("SELECT kind FROM audit_entries WHERE entry_index = ?", (row[0],)).fetchone()
            assert entry == ("ballot",), f"person {person}: ballot's log entry {row[0]} is missing"
        half = db.execute("SELECT COUNT(*) FROM ballots WHERE log_index < 0").fetchone()[0]
        assert half == 0, f"{half} ballots without a log entry"
        ballots = db.execute("SELECT COUNT(*) FROM ballots WHERE vote_id = ?", (vote,)).fetchone()[0]
        distinct = db.execute("SELECT COUNT(DISTINCT log_index) FROM ballots WHERE vote_id = ?", (vote,)).fetchone()[0]
        entries = db.execute("SELECT COUNT(*) FROM audit_entries WHERE kind = 'ballot' AND vote = ?", (vote,)).fetchone()[0]
        assert ballots == distinct == entries, f"{ballots} ballots, {distinct} log indexes, {entries} ballot entries"
        size, count, top = db.execute(
            "SELECT (SELECT size FROM audit_state WHERE id = 1), COUNT(*), MAX(entry_index) FROM audit_entries").fetchone()
        assert size == count == top + 1, f"log size {size}, {count} entries, last index {top}: a gap or a torn append"
        return ballots
    finally:
        db.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--budget", type=float, default=60, help="seconds; no round starts after them")
    parser.add_argument("--units", type=int, default=6000)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", action="store_true", help="keep the folder (database, logs)")
    options = parser.parse_args()
    random.seed(options.seed)
    started = time.time()
    folder = common.temporary_folder("quorum-crash-")
    path = os.path.join(folder, "quorum.sqlite")
    database = f"sqlite:///{path}"
    print(f"crash test: seed {options.seed}, folder {folder}")
    vote, choices, sessions = common.seed(database, os.path.join(folder, "owners.tsv"), options.units)
    random.shuffle(sessions)
    acknowledged = []
    position = 0
    rounds = 0
    for round_number in range(options.rounds):
        if time.time() - started > options.budget or position >= len(sessions):
            break
        server = common.Server(database, folder)
        load = common.Load(server.port, vote, choices, sessions[position:], threads=options.threads)
        time.sleep(random.uniform(0.2, 1.5))
        graceful = round_number == options.rounds - 1
        if graceful:
            code = server.terminate()
            assert code == 0, f"quorum serve exited with {code} after SIGTERM"
        else:
            server.kill()
        load.stop()
        position += load.next
        acknowledged += load.acknowledged
        rounds += 1
        print(f"round {round_number + 1}: {'SIGTERM' if graceful else 'SIGKILL'} after {len(load.acknowledged)} receipts "
              f"({len(load.refused)} refused, {load.errors} cut off)")
    assert acknowledged, "no ballot was acknowledged: the load never started"
    ballots = check_sqlite(path, vote, acknowledged)
    print(common.verify_log(database))
    print(f"crash test passed: {rounds} rounds, {len(acknowledged)} receipts, all {ballots} ballots in the log, "
          f"{time.time() - started:.1f} s")
    if not options.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
