"""What the knowledge base covers: ``backchannel kb stats``.

Entries are shared by their aliases, so each is counted once (by identity); a person with
several dated roles counts once among people and once per role among the roles.
"""

from __future__ import annotations

from collections import Counter

from backchannel.actors.kb import Entry, KnowledgeBase


def _entries(kb: KnowledgeBase) -> list[Entry]:
    seen: dict[int, Entry] = {}
    for group in kb.entries.values():
        for entry in group:
            seen.setdefault(id(entry), entry)
    return list(seen.values())


def _dated(entry: Entry) -> bool:
    return entry.term is not None or entry.start is not None or entry.end is not None


def _file(entry: Entry) -> str:
    return (entry.source or "unknown").split(":")[0].split(" ")[0]


def coverage(kb: KnowledgeBase) -> dict[str, object]:
    """Counts of countries, people (with dated roles), groups, agents, QIDs, and by file."""
    entries = _entries(kb)
    people = [e for e in entries if e.kind == "person"]
    orgs = [e for e in entries if e.kind == "org"]
    return {
        "aliases": len(kb.entries),
        "countries": len(kb.country_names),
        "people": len({e.name for e in people}),
        "people_with_dated_roles": len({e.name for e in people if _dated(e)}),
        "dated_roles": sum(1 for e in people if _dated(e)),
        "office_holder_terms": len(kb.offices),
        "organisations": len({e.name for e in orgs}),
        "non_state_groups": len({e.name for e in orgs if e.country == "NSA" or e.home}),
        "agent_nouns": sum(1 for e in entries if e.kind == "agent"),
        "titles": sum(1 for e in entries if e.kind == "title"),
        "qids": len({e.kb_id for e in entries if e.kb_id}),
        "entries_by_file": dict(sorted(Counter(_file(e) for e in entries).items())),
    }
