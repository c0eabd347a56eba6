"""Two instances, one PostgreSQL (issue 7): two `quorum serve` processes on different ports
share a database. Dozens of casts for the same voting person, at once, through both, must
leave exactly one effective ballot (one receipt, the rest refused); meanwhile other owners
cast through both, and the log must stay one consistent sequence that verifies.

    QUORUM_TEST_POSTGRES_URL='postgres://user@127.0.0.1:5432/db?sslmode=disable' \
        python3 Tests/scale/two_instances_test.py [--contested 6] [--casts 48]

Needs `psql` (Debian's postgresql-client). Makes a schema of its own and drops it after.
"""

import argparse
import http.client
import os
import subprocess
import sys
import threading
import time
import uuid

import common


def psql(base, sql):
    result = subprocess.run(["psql", base, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--contested", type=int, default=6, help="persons whose ballot is cast many times at once")
    parser.add_argument("--casts", type=int, default=48, help="casts at once for each contested person")
    parser.add_argument("--others", type=int, default=400, help="other persons casting once each, through both")
    options = parser.parse_args()
    base = os.environ.get("QUORUM_TEST_POSTGRES_URL")
    if not base:
        print("two-instance test skipped: QUORUM_TEST_POSTGRES_URL is not set")
        return
    started = time.time()
    schema = "two_instances_" + uuid.uuid4().hex[:8]
    psql(base, f"CREATE SCHEMA {schema}")
    database = base + ("&" if "?" in base else "?") + f"schema={schema}"
    folder = common.temporary_folder("quorum-two-")
    # PostgreSQL has no file beside it: every process of the test reads one key file (issue 13).
    os.environ["QUORUM_KEY_FILE"] = os.path.join(folder, "quorum.keys")
    servers = []
    try:
        # One person per unit for the contested, so each session set is one owner's.
        vote, choices, contested = common.seed(database, os.path.join(folder, "contested.tsv"), units=200,
                                               sessions_per_person=options.casts, persons=options.contested, estate=901)
        vote2, choices2, others = common.seed(database, os.path.join(folder, "others.tsv"), units=options.others + 50,
                                              persons=options.others, estate=902)
        servers = [common.Server(database, folder, name="a"), common.Server(database, folder, name="b")]
        # Every contested cast in its own thread, all released at once, alternately through a and b.
        results = {}
        lock = threading.Lock()
        barrier = threading.Barrier(len(contested) + 1)

        def contest(number, session):
            port = servers[number % 2].port
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.connect()
            barrier.wait()
            status, code = common.cast(connection, vote, choices, session)
            with lock:
                results.setdefault(session[2], []).append((status, code, port))

        threads = [threading.Thread(target=contest, args=(n, s)) for n, s in enumerate(contested)]
        for thread in threads:
            thread.start()
        # The others at the same time, half through each instance.
        half = len(others) // 2
        loads = [common.Load(servers[0].port, vote2, choices2, others[:half], threads=8),
                 common.Load(servers[1].port, vote2, choices2, others[half:], threads=8)]
        barrier.wait()
        for thread in threads:
            thread.join(timeout=120)
        for load in loads:
            while load.next < len(load.sessions) and not load.stop_event.is_set():
                time.sleep(0.05)
            load.stop()

        for person, answers in sorted(results.items()):
            accepted = [a for a in answers if a[0] == 303]
            refused = [a for a in answers if a[0] == 409]
            assert len(answers) == options.casts, f"person {person}: {len(answers)} answers"
            assert len(accepted) == 1, f"person {person}: {len(accepted)} receipts among {len(answers)} casts"
            assert len(refused) == options.casts - 1, f"person {person}: {answers}"
            rows = psql(base, f"SELECT receipt_code FROM {schema}.ballots WHERE vote_id = '{vote}' AND person = {person}")
            assert rows.splitlines() == [accepted[0][1]], f"person {person}: ballots {rows!r}, receipt {accepted[0][1]}"
        through = {port for answers in results.values() for status, _, port in answers if status == 303}
        others_ok = sum(len(load.acknowledged) for load in loads)
        assert others_ok == len(others), f"{others_ok} of {len(others)} other ballots accepted"
        # One sequence: indexes 0..n-1, each ballot its own entry, the stored log verifies.
        size, count, top = psql(base, f"SELECT (SELECT size FROM {schema}.audit_state WHERE id = 1), COUNT(*), MAX(entry_index) "
                                      f"FROM {schema}.audit_entries").split("|")
        assert int(size) == int(count) == int(top) + 1, f"log size {size}, {count} entries, last index {top}"
        ballots, distinct, entries = psql(base, f"SELECT (SELECT COUNT(*) FROM {schema}.ballots), "
                                                f"(SELECT COUNT(DISTINCT log_index) FROM {schema}.ballots WHERE log_index >= 0), "
                                                f"(SELECT COUNT(*) FROM {schema}.audit_entries WHERE kind = 'ballot')").split("|")
        assert ballots == distinct == entries == str(options.contested + len(others)), (ballots, distinct, entries)
        for server in servers:
            assert server.terminate() == 0
        servers = []
        print(common.verify_log(database))
        print(f"two-instance test passed: {options.contested} persons × {options.casts} casts at once through ports "
              f"{sorted(through)} → one ballot each; {others_ok} others; log of {count} entries verifies; "
              f"{time.time() - started:.1f} s")
    finally:
        for server in servers:
            server.kill()
        psql(base, f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    sys.exit(main())
