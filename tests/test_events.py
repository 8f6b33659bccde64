"""The rule-based PLOVER coder on short sentences written for these tests (real spaCy model)."""

from __future__ import annotations

import pytest

from backchannel import events, nlp
from backchannel.records import Actor, Article, Document, Event, Mention

COUNTRIES = {
    "Israeli": "ISR", "Israel": "ISR", "Iran": "IRN", "Iranian": "IRN", "Tehran": "IRN",
    "Putin": "RUS", "Russia": "RUS", "Qatari": "QAT", "Omani": "OMN", "Oman": "OMN",
    "France": "FRA", "French": "FRA", "Muscat": "OMN", "Washington": "USA", "U.S.": "USA",
    "Trump": "USA", "US": "USA", "China": "CHN", "Hamas": "PSE",
}  # fmt: skip


def _mentions(text: str) -> list[Mention]:
    found = []
    for name, country in COUNTRIES.items():
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not text[end : end + 1].isalpha():
                found.append(Mention(name, start, end, Actor(name, country=country)))
            start = text.find(name, end)
    return found


def code_text(text: str, with_mentions: bool = True) -> tuple[Article, list[Event]]:
    article = Article("t", text)
    doc = Document(article, sentences=nlp.split_sentences(text))
    for sentence in doc.sentences:
        sentence.candidate = events.is_candidate(sentence.text)
    nlp.parse_sentences(doc.sentences)
    doc.mentions = _mentions(text) if with_mentions else []
    return article, events.code(doc)


def only(text: str, event: str) -> Event:
    found = [e for e in code_text(text)[1] if e.event == event]
    assert len(found) == 1, [(e.event, e.rule) for e in code_text(text)[1]]
    return found[0]


def countries(actors: list[Actor]) -> set[str | None]:
    return {a.country for a in actors}


TYPICAL = [
    ("The two governments agreed to cooperate on border security.", "AGREE", "030", 1),
    ("The foreign ministers met in Geneva on Monday.", "CONSULT", "040", 1),
    ("The president praised the new cabinet for its courage.", "SUPPORT", "051", 1),
    ("The junta backed down after the protests.", "CONCEDE", "080", 1),
    ("The two navies cooperated with each other in the gulf.", "COOPERATE", "060", 2),
    ("The donors delivered humanitarian aid to the flooded province.", "AID", "070", 2),
    ("The rebels released the hostages on Friday.", "RETREAT", "0841", 2),
    ("The opposition urged the president to step down.", "REQUEST", "020", 3),
    ("The minister accused the governor of corruption.", "ACCUSE", "112", 3),
    ("The council rejected the proposal outright.", "REJECT", "120", 3),
    ("The militia threatened the villagers with reprisals.", "THREATEN", "130", 3),
    ("Thousands of students protested against the new law.", "PROTEST", "140", 4),
    ("The army deployed tanks along the northern border.", "MOBILIZE", "154", 4),
    ("The union expelled the envoy of the neighbouring state.", "SANCTION", "166", 4),
    ("Police arrested the opposition leader at dawn.", "COERCE", "173", 4),
    ("Gunmen attacked a police station near the capital.", "ASSAULT", "190", 4),
]


# Entries added from the CAMEO code list: typical verbs and nouns of codes the lexicon lacked.
CAMEO_COVERAGE = [
    ("The emir hosted the Iranian president in Doha on Sunday.", "CONSULT", "043"),
    ("Norway offered to mediate between the two factions.", "AGREE", "030"),
    ("The prime minister stepped down after the vote.", "RETREAT", "0831"),
    ("The general pulled back his troops from the ridge.", "RETREAT", "087"),
    ("The senator lashed out at the ministry over the delays.", "ACCUSE", "111"),
    ("The ministers snubbed the summit organised by their rivals.", "REJECT", "120"),
    ("The regime flouted the arms agreement again.", "REJECT", "128"),
    ("Security forces rounded up dozens of activists overnight.", "COERCE", "173"),
    ("The government revoked the licences of three broadcasters.", "COERCE", "172"),
    ("The junta banished the former king to a remote island.", "COERCE", "174"),
    ("Riot police quelled the unrest in the capital.", "ASSAULT", "175"),
    ("Israeli troops engaged in a firefight with Hamas.", "ASSAULT", "193"),
    ("Hamas carried out a bomb attack on an Israeli bus.", "ASSAULT", "183"),
    ("Militiamen razed the village after the raid.", "ASSAULT", "1712"),
    ("Chinese firms invested heavily in the new port.", "COOPERATE", "061"),
    ("Israeli police sealed off the Old City.", "COERCE", "172"),
    ("Russian hackers hacked the French election campaign.", "COERCE", "170"),
    ("The Iranian diplomat was found guilty by a French court.", "SANCTION", "116"),
]


# Object-dependent modes from the PLOVER codebook (censor, withhold, crowd-control).
OBJECT_MODES = [
    ("The French government ordered the newspaper to suspend publication.", "COERCE", "censor"),
    ("Iran shut down the reformist newspaper.", "COERCE", "censor"),
    ("Russia cut off gas supplies to Ukraine.", "COERCE", "withhold"),
    ("Israeli police fired tear gas at the crowd.", "ASSAULT", "crowd-control"),
    ("Israeli troops fired at Hamas positions.", "ASSAULT", None),
]


@pytest.mark.parametrize(("text", "event", "mode"), OBJECT_MODES)
def test_the_object_gives_the_mode(text: str, event: str, mode: str | None) -> None:
    assert only(text, event).mode == mode


def test_a_claim_of_responsibility_keeps_the_attack_as_a_statement() -> None:
    claimed = only("Hamas claimed responsibility for the attack on Israeli troops.", "ASSAULT")
    plain = only("Hamas carried out the attack on Israeli troops.", "ASSAULT")
    assert (claimed.cameo, plain.cameo) == ("015", "190")
    assert claimed.quad_class == plain.quad_class == 4


def test_cutting_off_a_road_is_no_withholding() -> None:
    assert not code_text("Russia cut off the road to the town.")[1]


@pytest.mark.parametrize(("text", "event", "cameo"), CAMEO_COVERAGE)
def test_cameo_code_list_entries_are_triggers(text: str, event: str, cameo: str) -> None:
    coded = only(text, event)
    assert coded.cameo == cameo and coded.rule and coded.rule.startswith(event)


def test_hosting_talks_is_no_visit() -> None:
    assert not [e for e in code_text("Oman hosted a conference on shipping.")[1]]


@pytest.mark.parametrize(("text", "event", "cameo", "quad"), TYPICAL)
def test_each_plover_type_is_coded(text: str, event: str, cameo: str, quad: int) -> None:
    coded = only(text, event)
    assert (coded.cameo, coded.quad_class) == (cameo, quad)
    assert coded.coder == "rules/1" and coded.rule and coded.rule.startswith(event)
    assert coded.intensity is not None and -10 <= coded.intensity <= 10


def test_passive_voice_swaps_actor_and_recipient() -> None:
    coded = only("Iran was struck by Israeli jets on Tuesday.", "ASSAULT")
    assert countries(coded.actor) == {"ISR"} and countries(coded.recipient) == {"IRN"}


def test_prepositional_recipient_of_a_nominal_sanction() -> None:
    coded = only("Washington imposed sanctions on the oil ministry of Iran.", "SANCTION")
    assert countries(coded.actor) == {"USA"} and countries(coded.recipient) == {"IRN"}


def test_sanction_without_recipient_is_not_coded() -> None:
    assert not [e for e in code_text("The sanctions were a mistake.")[1] if e.event == "SANCTION"]


def directed(text: str, event: str) -> set[tuple[str | None, str | None]]:
    """(actor country, recipient country) of each event of the type."""
    found = [e for e in code_text(text)[1] if e.event == event]
    return {(a.country, r.country) for e in found for a in e.actor for r in e.recipient}


def test_a_symmetric_meeting_is_coded_in_both_directions() -> None:
    assert directed("Qatari and Omani officials met in Doha.", "CONSULT") == {
        ("QAT", "OMN"),
        ("OMN", "QAT"),
    }


def test_conjoined_subjects_without_mentions_are_two_actors() -> None:
    _, found = code_text("The rebels and the army clashed near the dam.", with_mentions=False)
    assert [a.text for a in found[0].actor] == ["The rebels", "the army"]
    assert all(a.country is None for a in found[0].actor)


def test_possessive_nominal_event() -> None:
    coded = only("Israel's attack on Iranian nuclear sites angered many.", "ASSAULT")
    assert countries(coded.actor) == {"ISR"} and countries(coded.recipient) == {"IRN"}
    assert "nuclear" in coded.context


def test_clausal_complement_request_and_reject() -> None:
    _, found = code_text("Putin refused Iran's request for military support.")
    reject = next(e for e in found if e.event == "REJECT")
    request = next(e for e in found if e.event == "REQUEST")
    assert countries(reject.actor) == {"RUS"} and countries(reject.recipient) == {"IRN"}
    assert countries(request.actor) == {"IRN"} and countries(request.recipient) == {"RUS"}


def test_refusal_to_talk_is_a_rejection_not_a_meeting() -> None:
    _, found = code_text("Iran refused to come to the table.")
    assert [(e.event, e.mode) for e in found] == [("REJECT", "meet")]


@pytest.mark.parametrize(
    "text",
    [
        "Washington sent a message to Tehran via French intermediaries.",
        "The offer was conveyed to Tehran through countries such as France.",
        "Talks hosted in Muscat were mediated by Oman.",
    ],
)
def test_intermediaries(text: str) -> None:
    _, found = code_text(text)
    assert any(countries(e.intermediary) & {"FRA", "OMN"} for e in found), found


def test_negotiators_who_talk_with_a_side_are_its_counterparts() -> None:
    # mediators alone in the actor slot act themselves (the seed story's Qatari and Omani
    # groundwork); beside another actor they are intermediaries (test_intermediaries_*)
    text = "Qatari and Omani negotiators, who have been communicating with Washington, left."
    coded = only(text, "CONSULT")
    assert countries(coded.actor) == {"QAT", "OMN"}
    assert countries(coded.recipient) == {"USA"}


def test_negated_trigger_is_flagged() -> None:
    coded = only("Israel did not attack Iran on Sunday.", "ASSAULT")
    assert coded.negated is True
    assert only("Israel attacked Iran on Sunday.", "ASSAULT").negated is False


def test_future_meeting_is_agree_and_past_call_is_consult() -> None:
    assert only("Putin will visit Tehran next month.", "AGREE").cameo == "036"
    assert only("Putin held a phone call with Iran on Sunday.", "CONSULT").mode == "phone"


def test_several_events_in_one_sentence() -> None:
    _, found = code_text("Israel bombed the port and Iran accused Israel of aggression.")
    assert {e.event for e in found} == {"ASSAULT", "ACCUSE"}


def test_is_candidate_rejects_sentences_without_a_trigger() -> None:
    assert not events.is_candidate("The weather in the capital was mild and sunny.")
    assert events.is_candidate("Will the rebels attack again?")
    assert events.is_candidate("Talks resume in Vienna")


def test_evidence_offsets_are_exact() -> None:
    text = "Nothing happened on Monday.\nLater, Israel struck Iran. Iran threatened Israel."
    article, found = code_text(text)
    assert len(found) == 2
    for event in found:
        evidence = event.evidence
        assert article.text[evidence.start : evidence.end] == evidence.sentence
        assert evidence.trigger_start is not None and evidence.trigger_end is not None
        assert article.text[evidence.trigger_start : evidence.trigger_end] == evidence.trigger


# Sixth pass: statements, demands read off "must", claims, supplies, withheld denials.


def _roles(event: Event) -> tuple[set[str | None], set[str | None]]:
    return countries(event.actor), countries(event.recipient)


@pytest.mark.parametrize(
    "text",
    [
        "Washington provided Iran with anti-tank missiles.",
        "Washington provided anti-tank missiles to Iran.",
    ],
)
def test_whom_a_verb_provides_with_something_is_the_recipient(text: str) -> None:
    assert _roles(only(text, "AID")) == ({"USA"}, {"IRN"})


def test_a_refused_denial_is_no_rejection_and_no_denial() -> None:
    text = "Russia refused to deny that its jets bombed the hospital in Idlib."
    article, found = code_text(text)
    assert [e.event for e in found] == ["ASSAULT"]
    doc = Document(article, sentences=nlp.split_sentences(text))
    nlp.parse_sentences(doc.sentences)
    assert events.code_denials(doc) == []


def test_claims_someone_attacked_are_no_claim_of_responsibility() -> None:
    coded = only("Hamas dismissed claims by Israel that it attacked the convoy.", "ASSAULT")
    assert coded.cameo == "190"


def test_who_claims_responsibility_is_the_actor() -> None:
    coded = only("Hamas claimed responsibility for the bombing of the Israeli base.", "ASSAULT")
    assert coded.cameo == "015" and _roles(coded)[0] == {"PSE"}


@pytest.mark.parametrize(
    "text",
    [
        "The French minister expressed deep concerns about the attack on the Iranian embassy.",
        "Putin said he hopes France will persuade Washington to lift the sanctions on Iran.",
        "Iran declined to comment on reports that its troops had attacked the camp.",
    ],
)
def test_concerns_hopes_and_declined_comments_are_statements(text: str) -> None:
    assert code_text(text)[1] == []


def test_must_under_a_speech_verb_is_a_demand_of_the_speaker() -> None:
    found = code_text("Putin said Iran should withdraw its troops and release the hostages.")[1]
    assert [(e.event, e.cameo) for e in found] == [("REQUEST", "100")] * 2
    assert {_roles(e) == ({"RUS"}, {"IRN"}) for e in found} == {True}


def test_calling_someone_a_liar_is_criticism_and_calling_them_is_a_call() -> None:
    coded = only("Trump called the Iranian envoy a liar and a criminal.", "ACCUSE")
    assert coded.cameo == "111" and _roles(coded) == ({"USA"}, {"IRN"})
    assert only("Trump called the Iranian envoy on Monday.", "CONSULT").mode == "phone"


def test_agreeing_with_a_view_is_a_statement_of_accord_not_an_agreement() -> None:
    assert (
        only("French officials said they agree with the recommendation.", "SUPPORT").cameo == "019"
    )
    assert only("Russia agreed with Iran on a ceasefire.", "AGREE").cameo == "030"


def test_a_possessive_pronoun_gives_an_actor_noun_its_owner_country() -> None:
    text = "Russia said its forces had struck rebel positions near Aleppo."
    article = Article("t", text)
    doc = Document(article, sentences=nlp.split_sentences(text))
    nlp.parse_sentences(doc.sentences)
    for sentence in doc.sentences:
        sentence.candidate = events.is_candidate(sentence.text)
    doc.mentions = [
        Mention("Russia", 0, 6, Actor("Russia", country="RUS")),
        Mention("forces", 16, 22, Actor("forces", sector="MIL")),
    ]
    [coded] = events.code(doc)
    assert [(a.text, a.country, a.sector) for a in coded.actor] == [("forces", "RUS", "MIL")]


def test_a_reported_must_with_no_trigger_is_a_demand_of_the_speaker() -> None:
    coded = only("The French president said Iran must stop its nuclear programme.", "REQUEST")
    assert (coded.cameo, coded.rule) == ("100", "REQUEST/must/V")
    assert _roles(coded) == ({"FRA"}, {"IRN"})
    assert code_text("Iran must stop its nuclear programme.")[1] == []
    assert code_text("Putin predicted that prices should fall next year.")[1] == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Russia suspended military operations in Aleppo.", "RUS"),
        ("Israel halted its airstrikes on Iran on Sunday.", "ISR"),
        ("Russia said it had ceased its offensive near Aleppo.", "RUS"),
    ],
)
def test_halting_hostilities_is_a_de_escalation_not_an_attack(text: str, actor: str) -> None:
    found = code_text(text)[1]
    assert [(e.event, e.cameo) for e in found] == [("RETREAT", "087")]
    assert countries(found[0].actor) == {actor}


def test_the_charge_is_no_part_of_the_accused() -> None:
    text = "France accused the Iranian military of the attack on Israel."
    doc = Document(Article("t", text), sentences=nlp.split_sentences(text))
    nlp.parse_sentences(doc.sentences)
    doc.mentions = _mentions(text)
    [coded] = events.code_spans(doc)
    assert [span.text for span in coded.spans["recipient"]] == ["the Iranian military"]
    assert _roles(coded.event) == ({"FRA"}, {"IRN"})


def test_a_negated_offer_of_help_is_a_refusal_to_assist() -> None:
    coded = only("Iran said it will not cooperate with the French inspectors.", "REJECT")
    assert (coded.mode, coded.cameo) == ("assist", "120") and countries(coded.recipient) == {"FRA"}


def test_aid_received_goes_from_the_giver_to_the_subject() -> None:
    coded = only("Iran received anti-tank weapons from Russia.", "AID")
    assert _roles(coded) == ({"RUS"}, {"IRN"})
    assert only("The Iranian president received the French envoy.", "CONSULT").mode == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "France issued a statement urging Iran to release the hostages.",
        "France has issued a report that calls on Iran to release the hostages.",
    ],
)
def test_who_issued_a_statement_is_the_actor_of_what_it_says(text: str) -> None:
    assert _roles(only(text, "REQUEST")) == ({"FRA"}, {"IRN"})


def test_a_letter_sent_is_no_aid_and_what_it_says_is_the_event() -> None:
    found = code_text("Iran sent a letter to the UN accusing Israel of aggression.")[1]
    assert [(e.event, *_roles(e)) for e in found] == [("ACCUSE", {"IRN"}, {"ISR"})]


def test_a_refused_appeal_is_aimed_at_whom_it_was_lodged_by() -> None:
    coded = only("Russia rejected an appeal lodged by the French government.", "REJECT")
    assert _roles(coded) == ({"RUS"}, {"FRA"})


@pytest.mark.parametrize("verb", ["blasted", "lambasted", "faulted", "reprimanded"])
def test_more_verbs_of_criticism(verb: str) -> None:
    coded = only(f"The French minister {verb} Iran for its decision.", "ACCUSE")
    assert coded.cameo == "111" and _roles(coded) == ({"FRA"}, {"IRN"})


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Qatar halted talks with the Taliban on Sunday.", "164"),
        ("The United States suspended negotiations with North Korea.", "164"),
        ("The European Union ended talks with Turkey on membership.", "164"),
        ("Egypt ended its mediation efforts between Israel and Hamas.", "165"),
    ],
)
def test_halted_talks_or_mediation_reduce_relations(text: str, cameo: str) -> None:
    coded = only(text, "SANCTION")
    assert (coded.mode, coded.cameo) == ("withdraw", cameo)


def test_halted_mediation_needs_no_named_parties() -> None:
    coded = only("The envoy ended mediation efforts in the conflict on Wednesday.", "SANCTION")
    assert coded.cameo == "165" and coded.recipient == []


@pytest.mark.parametrize(
    "text",
    ["France called for sanctions against Russia.", "France demanded new sanctions on Russia."],
)
def test_a_call_for_sanctions_rallies_opposition_against_their_target(text: str) -> None:
    coded = only(text, "ACCUSE")
    assert (coded.mode, coded.cameo) == ("disapprove", "113")
    assert countries(coded.actor) == {"FRA"} and countries(coded.recipient) == {"RUS"}


def test_a_call_on_someone_to_impose_sanctions_is_a_demand_of_who_is_asked() -> None:
    coded = only("France called on Washington to impose sanctions against Russia.", "REQUEST")
    assert (coded.mode, coded.cameo) == ("change", "100")
    assert countries(coded.recipient) == {"USA"}


def test_they_after_two_countries_stands_for_both() -> None:
    text = "Iran and Russia met in Tehran. They condemned the strikes on Syria."
    coded = only(text, "ACCUSE")
    assert [(a.text, a.country) for a in coded.actor] == [("They", "IRN"), ("They", "RUS")]


def test_they_after_one_subject_and_one_object_stays_unresolved() -> None:
    coded = only("Iran met Russia in Tehran. They condemned the strikes on Syria.", "ACCUSE")
    assert countries(coded.actor) == {None}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Israel said it would attack Iran.", ["Israel"]),
        ("Iran and Russia said they would attack Israel.", ["Iran", "Russia"]),
        ("Putin says he will meet Trump in Oman.", ["Putin"]),
    ],
)
def test_a_pronoun_reported_by_its_own_speaker_is_the_speaker(text: str, actor: list[str]) -> None:
    [coded] = code_text(text)[1]
    assert [a.text for a in coded.actor] == actor


def test_a_person_pronoun_reported_by_an_organisation_is_not_the_organisation() -> None:
    [coded] = code_text("The Iranian embassy said he attacked Israel.")[1]
    assert [(a.text, a.country) for a in coded.actor] == [("he", None)]


def test_a_person_pronoun_reported_by_an_office_holder_is_the_office_holder() -> None:
    [coded] = code_text("The Iranian president said he would attack Israel.")[1]
    assert countries(coded.actor) == {"IRN"}


def test_an_object_pronoun_is_not_the_country_of_its_own_clause() -> None:
    coded = only("Israel struck Gaza. Iran condemned it.", "ACCUSE")
    assert "IRN" not in countries(coded.recipient)


def test_an_object_pronoun_after_a_coordinated_verb_skips_the_shared_subject() -> None:
    found = code_text("Iran praised Russia and thanked it for its support.")[1]
    [thanked] = [e for e in found if e.rule == "SUPPORT/thank/V"]
    assert countries(thanked.recipient) == {"RUS"}
