#!/usr/bin/env python3
"""Renames calls of the one-class store (`store.castOnline(...)`) to its contexts
(`store.voting.castOnline(...)`), issue 12 item 3. Idempotent: run it again after merging
code written against the old names. Usage: scripts/store-contexts.py [paths...] (default:
Sources Tests)."""
import pathlib
import re
import sys

# old name -> (context, new name); a key with "(" matches that exact call opening.
CALLS = {
    # register
    "register(": ("register", "stored"), "findEstate": ("register", None), "findDivision": ("register", None),
    "isDivision": ("register", None), "ancestors": ("register", None), "divisions": ("register", None),
    "revisions": ("register", None), "estates(coveredBy": ("staff", None), "estates": ("register", None),
    "estate": ("register", None), "division": ("register", None), "allDivisions": ("register", None),
    "importRegister": ("register", None),
    # voting
    "createVote": ("voting", None), "vote": ("voting", None), "votes": ("voting", None), "voters": ("voting", None),
    "progress": ("voting", None), "castOnline": ("voting", None), "receipt": ("voting", None),
    "receipts": ("voting", None), "castCounts": ("voting", None),
    # organising
    "createDraft": ("organising", None), "updateDraft": ("organising", None), "addDocument": ("organising", None),
    "documents": ("organising", None), "documentContent": ("organising", None), "publishNotice": ("organising", None),
    "persons": ("organising", None), "buildingProgress": ("organising", None), "recordDelivery": ("organising", None),
    "recordSeenOnline": ("organising", None), "recordPublicPosting": ("organising", None),
    "unboundRooms": ("organising", None), "nonVoterRooms": ("organising", None), "remindNonVoters": ("organising", None),
    # paper
    "paperBallots": ("paper", "ballots"), "paperBallot": ("paper", "ballot"), "enterPaper": ("paper", "enter"),
    "resolvePaper": ("paper", "resolve"), "paperMismatches": ("paper", "mismatches"), "conflicts": ("paper", None),
    "paperReconciliation": ("paper", "reconciliation"),
    # results
    "settle": ("results", None), "settleDue": ("results", None), "exportFiles": ("results", None),
    "publishResult": ("results", None),
    # log
    "appendToLogAndSign": ("log", "appendAndSign"), "appendToLog": ("log", "append"), "signTreeHead": ("log", None),
    "treeHead": ("log", None), "latestHead": ("log", None), "logSize": ("log", "size"),
    "inclusionProof": ("log", None), "consistencyProof": ("log", None), "exportLog": ("log", "export"),
    "verifyLog": ("log", "verify"), "logPublicKey": ("log", "publicKey"), "voterPseudonym": ("log", None),
    # staff
    "addStaff": ("staff", "add"), "staffLogin": ("staff", "login"), "staffSession": ("staff", "session"),
    "endStaffSession": ("staff", "endSession"), "staffAccounts": ("staff", "accounts"), "covers": ("staff", None),
    "may": ("staff", None),
    # binding
    "startBinding": ("binding", "start"), "confirmBinding": ("binding", "confirm"), "bind": ("binding", None),
    "session": ("binding", None), "endSession": ("binding", None),
    # messaging
    "outbox": ("messaging", None),
}


def rename(text: str) -> str:
    # Longer keys first, so `estates(coveredBy` wins over `estates`, `appendToLogAndSign` over `appendToLog`.
    for old in sorted(CALLS, key=len, reverse=True):
        context, new = CALLS[old]
        if "(" in old:
            name, rest = old.split("(", 1)
            pattern = r"\bstore\." + re.escape(name) + r"\(" + re.escape(rest)
            replacement = "store.%s.%s(%s" % (context, new or name, rest)
            text = re.sub(pattern, lambda _: replacement, text)
        else:
            text = re.sub(r"\bstore\." + re.escape(old) + r"\b", "store.%s.%s" % (context, new or old), text)
    return text


def main() -> None:
    roots = sys.argv[1:] or ["Sources", "Tests"]
    for root in roots:
        for path in pathlib.Path(root).rglob("*.swift"):
            text = path.read_text()
            changed = rename(text)
            if changed != text:
                path.write_text(changed)
                print("renamed calls in", path)


if __name__ == "__main__":
    main()
