"""Coder precision on real-article patterns: pronouns, non-actor fillers, noise, re-typing.

Short sentences written for these tests, coded by the real spaCy model (see test_events.py).
"""

from __future__ import annotations

import pytest

from backchannel import events, nlp
from backchannel.records import Actor, Article, Document, Event, Mention
from tests.test_events import _mentions, code_text, countries, only


def kinds(text: str) -> set[str]:
    return {e.event for e in code_text(text)[1]}


def test_he_is_the_most_recent_person() -> None:
    text = "Vladimir Putin met the envoy on Monday. He threatened Iran with sanctions."
    coded = only(text, "THREATEN")
    assert [a.text for a in coded.actor] == ["He"] and countries(coded.actor) == {"RUS"}


def test_it_is_the_most_recent_country_when_unambiguous() -> None:
    coded = only("Iran rejected the offer. It accused Israel of sabotage.", "ACCUSE")
    assert countries(coded.actor) == {"IRN"} and countries(coded.recipient) == {"ISR"}


def test_ambiguous_it_stays_unresolved() -> None:
    coded = only("Iran and Israel met in Oman. It attacked the convoy.", "ASSAULT")
    assert [(a.text, a.country) for a in coded.actor] == [("It", None)]


@pytest.mark.parametrize(
    "text",
    ["Israel attacked other targets on Monday.", "The army destroyed that in the night."],
)
def test_fillers_that_are_not_actors_are_dropped(text: str) -> None:
    [coded] = code_text(text)[1]
    assert coded.recipient == []


def test_places_may_be_recipients() -> None:
    coded = only("Israeli jets struck three sites near the border.", "ASSAULT")
    assert [a.text for a in coded.recipient] == ["three sites near the border"]


@pytest.mark.parametrize(
    "text",
    ["Talks", "Negotiation and support", "A ceasefire.", "The minister said a truce was near."],
)
def test_bare_nouns_without_actors_are_not_events(text: str) -> None:
    assert code_text(text)[1] == []


def test_verb_with_a_subject_is_kept_without_an_actor_mention() -> None:
    assert kinds("Something attacked the convoy.") == {"ASSAULT"}


def test_nouns_inside_a_request_are_not_events() -> None:
    text = "Putin refused Iran's request to come to its aid with military support."
    assert kinds(text) == {"REJECT", "REQUEST"}
    assert only(text, "REQUEST").mode == "assist"


def test_future_sanctions_announced_by_a_speaker_are_a_threat() -> None:
    coded = only("“There will be more sanctions coming,” Putin told reporters.", "THREATEN")
    assert countries(coded.actor) == {"RUS"}


def test_proposed_meeting_between_two_sides_targets_the_other_side() -> None:
    text = "Washington proposed a meeting between U.S. officials and Iranian leaders."
    coded = only(text, "AGREE")
    assert countries(coded.actor) == {"USA"} and countries(coded.recipient) == {"IRN"}


@pytest.mark.parametrize(
    ("text", "event", "cameo"),
    [
        ("Washington lifted the sanctions on Iran.", "RETREAT", "085"),
        ("The junta lifted the curfew in the capital.", "CONCEDE", "081"),
        ("Washington will not lift the embargo on Iran.", "REJECT", "124"),
        ("France suspended military aid to the rebels.", "SANCTION", "162"),
        ("Serbia lodged an official protest with Russia.", "ACCUSE", "114"),
        ("Teachers began a strike over wages.", "PROTEST", "143"),
        ("Israel will withdraw its troops unless Iran stops the attacks.", "THREATEN", "130"),
        ("An Iranian newspaper called Thursday on Israel to negotiate.", "REQUEST", "020"),
        ("French peacekeeping troops arrived in Lebanon.", "AID", "074"),
        ("Israeli troops arrived in Lebanon on Monday.", "MOBILIZE", "154"),
    ],
)
def test_object_and_context_dependent_typing(text: str, event: str, cameo: str) -> None:
    assert only(text, event).cameo == cameo


@pytest.mark.parametrize(
    "text",
    [
        "The French government declined to comment on the report.",
        "Japan is considering sending aid to Iran.",
        "The ministry said it could not meet the deadline.",
    ],
)
def test_statements_are_not_events(text: str) -> None:
    assert code_text(text)[1] == []


def test_the_owner_of_a_rejected_request_is_the_recipient() -> None:
    coded = only("Israel rejected the Iranian request for talks.", "REJECT")
    assert countries(coded.actor) == {"ISR"} and countries(coded.recipient) == {"IRN"}


def test_recipient_skips_a_dependent_that_is_no_actor() -> None:
    coded = only("The rebels freed Iranian prisoners from a jail near the border.", "RETREAT")
    assert [a.text for a in coded.recipient] == ["Iranian"]


def test_a_noun_in_a_measure_phrase_takes_the_verbs_subject() -> None:
    coded = only("French warships launched ten days of war games.", "COOPERATE")
    assert countries(coded.actor) == {"FRA"}


def test_he_prefers_the_subject_of_the_governing_clause() -> None:
    text = "Officials say that Vladimir Putin made it clear to Donald Trump that he wants a deal."
    coded = only(text, "REQUEST")  # a deal wanted is asked for, not made
    assert [a.text for a in coded.actor] == ["he"] and countries(coded.actor) == {"RUS"}


def test_he_prefers_the_previous_sentences_subject_over_its_object() -> None:
    coded = only("Vladimir Putin met Donald Trump on Monday. He praised China.", "SUPPORT")
    assert countries(coded.actor) == {"RUS"} and countries(coded.recipient) == {"CHN"}


@pytest.mark.parametrize(
    "text",
    [
        "The US imposed sanctions on shipping networks with ties to Iran.",
        "Washington sanctioned militias backed by Iran.",
    ],
)
def test_a_target_tied_to_an_actor_makes_that_actor_a_recipient(text: str) -> None:
    coded = only(text, "SANCTION")
    assert countries(coded.actor) == {"USA"} and "IRN" in countries(coded.recipient)


def test_a_target_that_is_an_actor_keeps_only_itself() -> None:
    coded = only("Israel attacked Hamas fighters backed by Iran.", "ASSAULT")
    assert "IRN" not in countries(coded.recipient)


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Donald Trump called Vladimir Putin to discuss Syria.", "RUS"),
        ("Donald Trump spoke by phone with Vladimir Putin on Monday.", "RUS"),
        ("Donald Trump talked with Vladimir Putin by telephone.", "RUS"),
        ("Donald Trump talked by telephone with Vladimir Putin.", "RUS"),
    ],
)
def test_phone_calls_are_consultations(text: str, recipient: str) -> None:
    coded = next(e for e in code_text(text)[1] if e.mode == "phone")
    assert coded.event == "CONSULT" and countries(coded.recipient) == {recipient}


@pytest.mark.parametrize(
    "text",
    ["Iran called the sanctions illegal.", "Trump called him a liar.", "Iran called it off."],
)
def test_calling_something_names_it_and_is_no_phone_call(text: str) -> None:
    assert all(e.mode != "phone" for e in code_text(text)[1])


def _spans(text: str, event: str, role: str) -> list[str]:
    article = Article("t", text)
    doc = Document(article, sentences=nlp.split_sentences(text))
    nlp.parse_sentences(doc.sentences)
    doc.mentions = _mentions(text)
    [coded] = [c for c in events.code_spans(doc) if c.event.event == event]
    return [span.text for span in coded.spans[role]]


@pytest.mark.parametrize(
    ("text", "event", "span"),
    [
        (
            "Iran held talks with the French president, Emmanuel Macron.",
            "CONSULT",
            "the French president, Emmanuel Macron",
        ),
        (
            "Putin met his counterpart Emmanuel Macron in Paris.",
            "CONSULT",
            "his counterpart Emmanuel Macron",
        ),
        (
            "Israel warned the Lebanese Armed Forces (LAF) on Monday.",
            "THREATEN",
            "the Lebanese Armed Forces (LAF)",
        ),
    ],
)
def test_recipient_phrases_keep_appositions_and_touching_names(
    text: str, event: str, span: str
) -> None:
    assert _spans(text, event, "recipient") == [span]


def test_a_phrase_span_leaves_the_actor_as_resolved() -> None:
    coded = only("Iran held talks with the French president, Emmanuel Macron.", "CONSULT")
    assert countries(coded.recipient) == {"FRA"}


def test_willing_to_act_inherits_the_subject_and_is_a_promise() -> None:
    coded = only("Iran is willing to withdraw its troops from the border.", "AGREE")
    assert countries(coded.actor) == {"IRN"}


def test_a_trigger_noun_modifying_a_noun_takes_that_nouns_roles() -> None:
    coded = only("Oman launched a mediation effort in the Gulf crisis.", "CONSULT")
    assert countries(coded.actor) == {"OMN"}


@pytest.mark.parametrize(
    ("text", "event", "cameo"),
    [
        ("Iran repealed the ban on imports.", "CONCEDE", "081"),
        ("Israel relaxed the curfew in the city.", "CONCEDE", "081"),
        ("Iran allowed access for aid workers.", "RETREAT", "086"),
        ("The rebels said they laid down their weapons.", "RETREAT", "0873"),
        ("Iran set free two sailors.", "RETREAT", "0841"),
    ],
)
def test_easing_and_yielding_verbs(text: str, event: str, cameo: str) -> None:
    coded = only(text, event)
    assert coded.cameo == cameo


@pytest.mark.parametrize(
    "text",
    [
        "Iran removed the minister from office.",
        "Israel allowed the vote to go ahead.",
        "The army laid down a new road.",
    ],
)
def test_easing_verbs_need_a_restriction_object(text: str) -> None:
    assert {"CONCEDE", "RETREAT"}.isdisjoint(kinds(text))


def test_he_in_a_relative_clause_is_its_antecedent() -> None:
    text = (
        "Donald Trump spoke on Monday. He doubts sanctions on Vladimir Putin, who thinks "
        "that he could deal a blow to Iran with an offensive."
    )
    coded = only(text, "ASSAULT")
    assert countries(coded.actor) == {"RUS"}


def test_not_willing_to_ease_is_a_refusal() -> None:
    coded = only("Iran is not willing to walk back the ban.", "REJECT")
    assert coded.mode == "yield" and countries(coded.actor) == {"IRN"}


def test_reluctant_to_act_is_negated_and_not_reluctant_is_not() -> None:
    """``unwilling_adjectives``: "reluctant/unwilling/hesitant to [withdraw]" is a refusal
    like "not willing to"; "not reluctant to" negates the negation."""
    for text in ["Turkey is unwilling to withdraw its troops.", "Turkey is reluctant to withdraw."]:
        coded = only(text, "REJECT")
        assert coded.mode == "yield" and countries(coded.actor) == {"TUR"}, text
    coded = only("Germany is hesitant to send tanks to Ukraine.", "REJECT")
    assert coded.mode == "assist" and countries(coded.recipient) == {"UKR"}
    assert only("Germany is not reluctant to send tanks to Ukraine.", "AID").negated is False


@pytest.mark.parametrize(
    ("text", "event", "cameo", "recipient"),
    [
        ("Washington lent two billion dollars to Israel.", "AID", "071", "ISR"),
        ("Iran stormed the French embassy.", "ASSAULT", "190", "FRA"),
        ("Israeli jets pounded Iranian positions.", "ASSAULT", "190", "IRN"),
        ("Israel downgraded its ties with France.", "SANCTION", "161", "FRA"),
        ("The U.S. army trains Iranian pilots.", "COOPERATE", "062", "IRN"),
    ],
)
def test_verbs_from_the_cameo_codebook(text: str, event: str, cameo: str, recipient: str) -> None:
    coded = only(text, event)
    assert coded.cameo == cameo and recipient in countries(coded.recipient)


@pytest.mark.parametrize(
    "text",
    [
        "The minister stormed out of the meeting.",
        "Iran trains its dogs.",
        "Fog dispersed.",
        "Officials in Tehran received similar information.",
    ],
)
def test_object_restricted_verbs_without_their_objects(text: str) -> None:
    assert kinds(text) & {"ASSAULT", "COOPERATE", "CONSULT"} == set()


def test_receiving_a_visitor_is_a_visit() -> None:
    coded = only("Vladimir Putin received the French ambassador in Moscow.", "CONSULT")
    assert coded.mode == "visit" and countries(coded.recipient) == {"FRA"}


def test_protesters_dispersed_are_the_recipients() -> None:
    coded = only("Iranian police dispersed protesters in Tehran.", "ASSAULT")
    assert [a.text for a in coded.recipient] == ["protesters"]


@pytest.mark.parametrize(
    "text",
    [
        "Israel donated ventilators to help Iran with its response.",
        "France earmarked funds in emergency aid to help Iran cope with the floods.",
    ],
)
def test_aid_takes_its_recipient_from_a_purpose_clause(text: str) -> None:
    coded = only(text, "AID")
    assert countries(coded.recipient) == {"IRN"}


@pytest.mark.parametrize(
    ("text", "event", "recipient"),
    [
        ("Palestinian officials demanded that the U.S. match the offer.", "REQUEST", "USA"),
        ("Iran threatened to cut off electricity to Israel.", "THREATEN", "ISR"),
        ("Israel refused to sell weapons to Iran.", "REJECT", "IRN"),
    ],
)
def test_the_embedded_clause_names_the_target(text: str, event: str, recipient: str) -> None:
    coded = only(text, event)
    assert countries(coded.recipient) == {recipient}


def test_an_embedded_object_that_is_no_actor_is_no_target() -> None:
    coded = only("Iran threatened to cut off electricity.", "THREATEN")
    assert coded.recipient == []


def test_its_demand_belongs_to_the_subject_and_targets_the_that_clause() -> None:
    coded = only("The U.S. reiterated its demand that Iran release the sailors.", "REQUEST")
    assert countries(coded.actor) == {"USA"} and countries(coded.recipient) == {"IRN"}


def test_a_passive_verbs_subject_does_what_it_is_asked_not_the_agent() -> None:
    coded = only("The rebels were reported by Israel to have attacked the convoy.", "ASSAULT")
    assert [a.text for a in coded.actor] == ["The rebels"]


def test_it_prefers_the_subject_of_its_sentence() -> None:
    text = "Iran and Israel met. Washington has stated that it is not willing to walk back the ban."
    coded = only(text, "REJECT")
    assert countries(coded.actor) == {"USA"}


@pytest.mark.parametrize(
    "text", ["Iran will wait, given it has allies.", "Given the risks, Israel waited."]
)
def test_verbs_used_as_connectives_are_no_events(text: str) -> None:
    assert "AID" not in kinds(text)


def test_put_under_arrest_targets_the_one_put() -> None:
    coded = only("Iran placed the French envoy under house arrest.", "COERCE")
    assert countries(coded.actor) == {"IRN"} and countries(coded.recipient) == {"FRA"}


def test_forced_out_is_an_expulsion() -> None:
    coded = only("Israel forced the French envoy out of the country.", "COERCE")
    assert coded.mode == "deport" and countries(coded.recipient) == {"FRA"}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("French troops arrived in Iran to help deliver aid to the victims.", "AID"),
        ("U.S. soldiers deployed to Israel to train Israeli pilots.", "COOPERATE"),
        ("French troops arrived in Iran on Monday.", "MOBILIZE"),
    ],
)
def test_arrivals_are_typed_by_their_purpose(text: str, event: str) -> None:
    assert event in kinds(text)


@pytest.mark.parametrize(
    "text", ["Putin gave a speech to French leaders.", "Israel is fighting the causes of poverty."]
)
def test_giving_speeches_and_fighting_causes_are_no_events(text: str) -> None:
    assert kinds(text) & {"AID", "ASSAULT"} == set()


def test_weapons_give_way_to_who_fired_them() -> None:
    coded = only("The missiles fired by the Israeli army struck an Iranian depot.", "ASSAULT")
    assert countries(coded.actor) == {"ISR"} and countries(coded.recipient) == {"IRN"}


def test_a_participle_with_an_object_is_done_by_its_noun() -> None:
    coded = only("The Israeli air force carried out air strikes on Iran.", "ASSAULT")
    assert countries(coded.actor) == {"ISR"} and countries(coded.recipient) == {"IRN"}


def test_a_decision_to_act_is_the_act() -> None:
    assert "AGREE" not in kinds("Israel decided to grant asylum to two Iranian sailors.")
    assert "AID" in kinds("Israel decided to grant asylum to two Iranian sailors.")


def test_support_provided_is_aid() -> None:
    coded = only("France provided support to Iran after the earthquake.", "AID")
    assert countries(coded.actor) == {"FRA"}


@pytest.mark.parametrize(
    ("text", "event", "role", "span"),
    [
        (
            "Putin will meet Donald Trump in Washington on Tuesday.",
            "AGREE",
            "recipient",
            "Donald Trump",
        ),
        (
            "Iran's government on Saturday released two Israeli sailors.",
            "RETREAT",
            "actor",
            "Iran's government",
        ),
    ],
)
def test_role_phrases_leave_out_when_and_where(text: str, event: str, role: str, span: str) -> None:
    assert _spans(text, event, role) == [span]


def test_called_on_names_the_addressee() -> None:
    coded = only("The French government called on Israel to halt the raids.", "REQUEST")
    assert countries(coded.actor) == {"FRA"} and countries(coded.recipient) == {"ISR"}


@pytest.mark.parametrize(
    "text",
    ["Putin called the Iranian president on Monday.", "Putin called Iran's leader on May 4."],
)
def test_calling_a_named_person_on_a_day_is_a_phone_call(text: str) -> None:
    coded = only(text, "CONSULT")
    assert coded.mode == "phone" and countries(coded.recipient) == {"IRN"}


def test_suspended_tariffs_are_eased_sanctions() -> None:
    coded = only("France suspended its tariffs on Iranian oil.", "RETREAT")
    assert coded.cameo == "085" and countries(coded.actor) == {"FRA"}


# Denials: the act denied is coded (grounding gives it status "denied"); the denial is no REJECT.


@pytest.mark.parametrize(
    ("text", "event", "actor"),
    [
        ("Israel denied that Israeli troops had crossed into Iran.", "ASSAULT", "ISR"),
        ("Hamas denied carrying out the attack on the border post.", "ASSAULT", "PSE"),
        ("Iran denied reports that it had seized a French tanker.", "COERCE", "IRN"),
        ("Israel rejected allegations that it shelled the school.", "ASSAULT", "ISR"),
    ],
)
def test_a_denied_act_is_coded_and_the_denial_is_not(text: str, event: str, actor: str) -> None:
    found = code_text(text)[1]
    assert [e.event for e in found] == [event], [(e.event, e.rule) for e in found]
    assert countries(found[0].actor) == {actor}


def test_a_denied_claim_is_not_an_accusation_by_the_denier() -> None:
    assert kinds("Iran denied allegations that it armed the militants.") == {"AID"}
    assert kinds("Moscow denied the charges.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Russia rejected the proposal for talks with France.",
        "China refused to meet the French delegation.",
        "Iran turned down the offer of aid from France.",
        "Israel denied access to the Iranian inspectors.",
        "Israel denied the visa request of the French journalist.",
    ],
)
def test_a_refusal_of_something_asked_for_stays_reject(text: str) -> None:
    assert "REJECT" in kinds(text)


def test_the_denier_and_the_accuser_of_a_denial() -> None:
    text = "Iran denied charges by Israel that it attacked the tanker."
    article, _ = code_text(text)
    doc = Document(article, sentences=nlp.split_sentences(text))
    nlp.parse_sentences(doc.sentences)
    doc.mentions = _mentions(text)
    [denial] = events.code_denials(doc)
    shown = {role: [s.text for s in spans] for role, spans in denial.spans.items()}
    assert shown["actor"] == ["Iran"] and shown["recipient"] == ["Israel"]
    assert denial.start <= text.index("attacked") < denial.end


def test_crossing_into_a_country_is_an_incursion_only_for_armed_forces() -> None:
    coded = only("Russian tanks crossed into Ukraine on Thursday.", "ASSAULT")
    assert [a.text for a in coded.recipient] == ["Ukraine"]
    assert kinds("Thousands of refugees crossed into Iran last week.") == set()


# Recipients: prepositional objects the parse hangs on the object, paired conjuncts, time words.


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Russia pledged the country 's support to Iran.", "AGREE"),
        ("France on Friday lifted sanctions on Iran.", "RETREAT"),
        ("China provided financial assistance to Iran.", "AID"),
        ("Israel announced a ceasefire with Iran on Tuesday.", "RETREAT"),
        ("France returned dozens of ancient statues to Iran.", "RETREAT"),
    ],
)
def test_a_prepositional_recipient_hung_on_the_object(text: str, event: str) -> None:
    assert countries(only(text, event).recipient) == {"IRN"}


def test_paired_conjuncts_are_recipients_of_their_own() -> None:
    coded = only("Washington lifted sanctions against both Iran and China.", "RETREAT")
    assert [a.text for a in coded.recipient] == ["Iran", "China"]


def test_an_abbreviated_month_is_no_recipient() -> None:
    text = "Putin will hold talks in Moscow with Trump on Feb. 21."
    _, found = code_text(text)
    assert found and all("Feb" not in a.text for e in found for a in e.recipient)


def test_a_refused_request_is_aimed_at_whom_it_was_made_for() -> None:
    coded = only("The court rejected an extradition request for the Iranian general.", "REJECT")
    assert countries(coded.recipient) == {"IRN"}


def test_a_preposition_inside_an_apposition_gives_no_recipient() -> None:
    coded = only("Israel lifted its boycott of the festival, a show on the Iran border.", "RETREAT")
    assert coded.recipient == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Iran rejected Israel's offer of talks on the border.", "Israel's offer"),
        ("Iran rejected a request by France for new talks.", "a request by France"),
    ],
)
def test_a_refused_offer_is_shown_with_its_owner_not_its_content(text: str, span: str) -> None:
    assert _spans(text, "REJECT", "recipient") == [span]


def test_a_that_clause_hung_on_the_verb_is_what_its_object_demands() -> None:
    text = "France repeated its demand today that Iran release the sailors."
    assert kinds(text) == {"REQUEST"}
    assert countries(only(text, "REQUEST").recipient) == {"IRN"}


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Hours earlier Putin expelled the French envoy.", "Putin"),
        (
            "The Iranian ministry during a briefing on Monday accused France of spying.",
            "The Iranian ministry",
        ),
        ("The Israeli gunmen in reaction attacked the Iranian convoy.", "The Israeli gunmen"),
    ],
)
def test_a_when_or_why_phrase_is_no_part_of_the_actor(text: str, shown: str) -> None:
    doc = Document(Article("t", text), sentences=nlp.split_sentences(text))
    nlp.parse_sentences(doc.sentences)
    doc.mentions = _mentions(text)
    [coded] = events.code_spans(doc)
    assert [span.text for span in coded.spans["actor"]] == [shown]


def _coded(text: str, mentions: list[Mention]) -> list[Event]:
    doc = Document(Article("t", text), sentences=nlp.split_sentences(text))
    nlp.parse_sentences(doc.sentences)
    doc.mentions = mentions
    return events.code(doc)


def _at(text: str, name: str, actor: Actor) -> Mention:
    start = text.index(name)
    return Mention(name, start, start + len(name), actor)


def test_an_object_pronoun_is_not_its_clause_subject() -> None:
    text = "Angela Merkel met Emmanuel Macron on Monday. Merkel urged him to lift the ban."
    merkel = Actor("Angela Merkel", name="Angela Merkel", country="DEU", kb_id="Q567")
    macron = Actor("Emmanuel Macron", name="Emmanuel Macron", country="FRA", kb_id="Q3052772")
    mentions = [
        _at(text, "Angela Merkel", merkel),
        _at(text, "Emmanuel Macron", macron),
        Mention("Merkel", text.rindex("Merkel"), text.rindex("Merkel") + 6, merkel),
    ]
    [urged] = [e for e in _coded(text, mentions) if e.event == "REQUEST"]
    assert countries(urged.actor) == {"DEU"} and countries(urged.recipient) == {"FRA"}


def test_it_as_subject_is_the_last_sentence_subject_among_several_countries() -> None:
    text = "The European Union imposed sanctions on Belarus. It also expelled Russian diplomats."
    eu = Actor("The European Union", name="EU", country="IGO", kb_id="Q458")
    mentions = [
        _at(text, "The European Union", eu),
        _at(text, "Belarus", Actor("Belarus", country="BLR")),
        _at(text, "Russian", Actor("Russian", country="RUS")),
    ]
    [expelled] = [e for e in _coded(text, mentions) if e.rule == "SANCTION/expel/V"]
    assert [(a.text, a.country) for a in expelled.actor] == [("It", "IGO")]


@pytest.mark.parametrize(
    "text",
    [
        "An Iranian official, speaking on condition of anonymity, said Tehran would attack Israel.",
        "Officials in Tehran spoke on condition that they not be named.",
        "Russian officials, speaking on condition of anonymity because they were not authorised"
        " to speak publicly, said Russia would attack Israel.",
        "A French diplomat, speaking on background, said France would attack Iran.",
    ],
)
def test_a_stock_attribution_phrase_is_no_consultation_and_no_demand(text: str) -> None:
    rules = {e.rule for e in code_text(text)[1]}
    assert not rules & {"CONSULT/speak/V", "REQUEST/condition/N"}, rules


def test_a_real_condition_or_talk_is_still_coded() -> None:
    assert "CONSULT" in kinds("Putin spoke with Trump on Monday.")
    assert "REQUEST" in kinds("Iran set a condition for talks with the US.")


@pytest.mark.parametrize("verb", ["mediated", "brokered", "facilitated"])
def test_a_mediated_object_names_the_intermediary(verb: str) -> None:
    found = [e for e in code_text(f"Israel and Hamas agreed to a ceasefire {verb} by Oman.")[1]]
    agreements = [e for e in found if e.event == "AGREE"]
    assert all(countries(e.intermediary) == {"OMN"} for e in agreements)
    sides = {(e.actor[0].country, e.recipient[0].country) for e in agreements}
    assert sides == {("ISR", "PSE"), ("PSE", "ISR")}  # each side agrees with the other


def test_a_protester_noun_targeted_by_another_event_is_no_protest() -> None:
    assert "PROTEST" not in kinds("Israeli police fired tear gas at the demonstrators.")
    assert "PROTEST" not in kinds("Israeli police detained the protesters.")
    assert "PROTEST" in kinds("Thousands of demonstrators marched in Tehran.")


def test_who_accepts_an_owned_offer_is_the_actor_and_the_owner_the_recipient() -> None:
    coded = only("Iran accepted the Omani offer.", "AGREE")
    assert countries(coded.actor) == {"IRN"}
    assert countries(coded.recipient) == {"OMN"}
    coded = only("Iran accepted Oman's offer to mediate.", "AGREE")
    assert (countries(coded.actor), countries(coded.recipient)) == ({"IRN"}, {"OMN"})


def test_the_recipient_of_an_arrest_is_the_object_not_the_city_of_the_place_phrase() -> None:
    coded = only("China arrested twelve journalists in Muscat.", "COERCE")
    assert [a.text for a in coded.recipient] == ["twelve journalists"]
    assert "OMN" not in countries(coded.recipient)


def test_neither_nor_negates_the_act() -> None:
    """"Neither Russia nor China sent troops": no one sent them; a negated AID is a refusal."""
    coded = only("Neither Russia nor China sent troops to Syria.", "REJECT")
    assert countries(coded.actor) == {"RUS", "CHN"}


def test_a_noun_event_already_done_is_not_made_future_by_its_clause() -> None:
    """"the tariffs [imposed] so far would reduce GDP": the tariffs are past, not a threat."""
    text = "The tariffs imposed so far by the United States on China would reduce GDP."
    assert "THREATEN" not in kinds(text)
    assert "THREATEN" in kinds("New US tariffs on China would start next month.")
