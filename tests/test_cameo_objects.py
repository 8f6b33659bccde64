"""The CAMEO verb-dictionary importer (on an excerpt written here) and the object lookups."""

from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.datafiles import DATA_DIR
from backchannel.events.cameo_dictionary import DEFAULT_SOURCE, build, render, singular
from backchannel.events.objects import (
    default_codes,
    is_light,
    knows,
    light_kind,
    light_verbs,
    object_code,
)

EXCERPT = """# a dictionary excerpt
####### SYNONYM SETS #######

&CURRENCY
# a comment inside a set
+MONEY
+DOLLAR

####### VERB PATTERNS #######

---  GRANT   [060]  ---
DONATE [070]
GIVE {GIVES GIVING GAVE GIVEN }  # jw
PROVIDE
- * ACCESS                                            [---]         # GIVE
- * AID                                               [070]         # GIVE , PROVIDE
- * {GREEN LIGHT}                                     [030]         # GIVE
- * &CURRENCY                                         [071]         # PROVIDE
- * RECEPTION                                         [043:042]     # GIVE
- * (TO {ENERGY SECURITY})                            [013]         # GIVE
- DECISION * POWER                                    [050]         # GIVE
- * INVITATION                                        [:026]        # GIVE

---  ARRANGE   [---]  ---
+SET_UP
SET
- * OFF EXPLOSIVE                                     [183]         # SET
- * SANCTIONS                                         [163]         # SET

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


def _rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def test_importer_on_an_excerpt() -> None:
    tables = render(EXCERPT)
    objects = _rows(tables["cameo_objects.tsv"])
    assert objects[0] == ["verb", "object", "cameo", "line", "own"]
    rows = {(verb, obj): (cameo, own) for verb, obj, cameo, _line, own in objects[1:]}
    assert rows[("give", "aid")] == ("070", "1")
    assert rows[("donate", "aid")] == ("070", "0")  # a pattern applies to its whole block
    assert rows[("provide", "green light")] == ("030", "0")
    assert rows[("provide", "dollar")] == ("071", "1")  # &CURRENCY expanded, plural-free
    assert rows[("give", "money")] == ("071", "0")
    assert rows[("give", "reception")] == ("043", "1")  # the actor-to-target code
    assert rows[("set off", "explosive")] == ("183", "1")  # a particle joins the verb
    assert rows[("set", "sanction")] == ("163", "1")
    skipped = {"access", "power", "invitation", "energy security"}  # ---, subject, :026, (TO)
    assert not skipped & {obj for _verb, obj in rows}
    verbs = {(row[0], row[1]) for row in _rows(tables["cameo_verbs.tsv"])[1:]}
    assert {("donate", "070"), ("give", "060"), ("set up", "---"), ("set", "---")} <= verbs


def test_importer_is_deterministic_and_keeps_provenance(tmp_path: Path) -> None:
    source = tmp_path / "CAMEO.txt"
    source.write_text(EXCERPT, encoding="utf-8")
    first = [path.read_bytes() for path in build(source, tmp_path)]
    second = [path.read_bytes() for path in build(source, tmp_path)]
    assert first == second
    header = first[0].decode("utf-8")
    assert "MIT License" in header and "Open Event Data Alliance" in header
    assert "petrarch2" in header


def test_singular() -> None:
    words = ["sanctions", "supplies", "arms", "news", "crises", "glass", "aid", "boxes"]
    assert [singular(w) for w in words] == [
        "sanction", "supply", "arm", "news", "crisis", "glass", "aid", "box",
    ]  # fmt: skip


def test_object_codes_from_the_shipped_table() -> None:
    assert (object_code("give", ["aid"]) or "").startswith("07")
    assert object_code("give", ["boost"]) is None
    assert object_code("provide", ["assistance"]) == "070"
    assert object_code("provide", ["comfort"]) is None
    assert object_code("give", ["green", "light"]) == "030"  # a multi-word pattern
    assert object_code("give", ["humanitarian", "aid"]) == "073"  # the longer pattern wins
    assert object_code("give", ["much-needed", "humanitarian", "aid"]) == "073"
    assert object_code("give", ["light"]) is None  # "green light" needs its "green"
    assert object_code("lift", ["sanctions"]) == "085"  # plural and singular meet
    assert object_code("strike", ["deal"]) == "057"
    assert object_code("give", ["support"]) == "051"  # own verb's pattern ...
    assert object_code("lend", ["support"]) == "060"  # ... over a block-mate's
    assert object_code("no such verb", ["aid"]) is None
    assert object_code("give", []) is None


def test_verb_defaults_and_light_verbs() -> None:
    assert knows("give") and not knows("no such verb")
    assert default_codes("give") == ("060",)
    assert "120" in default_codes("decline")
    assert is_light("give") and is_light(" Give ") and not is_light("meet")
    assert light_kind("decline") == "market" and light_kind("hit") == "figurative"
    assert light_kind("provide") == "object" and light_kind("meet") is None
    assert light_kind("hold") == "custody"
    kinds = {light.kind for light in light_verbs().values()}
    assert kinds == {"object", "market", "figurative", "custody", "intransitive"}
    assert all(light.why for light in light_verbs().values())


@pytest.mark.skipif(not DEFAULT_SOURCE.exists(), reason="shared/design/reference is absent")
def test_shipped_tables_rebuild_byte_identically() -> None:
    tables = render(DEFAULT_SOURCE.read_text(encoding="utf-8"))
    for name, text in tables.items():
        assert (DATA_DIR / "codebook" / name).read_bytes() == text.encode("utf-8"), name
