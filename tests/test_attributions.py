"""Attribution relations: kinds, quotes, chains and carry-over frames."""

from __future__ import annotations

from backchannel.grounding import find_attributions
from backchannel.records import Attribution


def only(text: str) -> Attribution:
    (item,) = find_attributions(text)
    return item


def test_named_source_of_a_post_posed_quote() -> None:
    item = only('"We will not talk under threats," US special envoy Brian Hook told reporters.')
    assert (item.kind, item.text, item.cue) == (
        "named",
        "US special envoy Brian Hook",
        "told reporters",
    )
    assert (
        item.content_span is not None and item.content_span.text == "We will not talk under threats"
    )


def test_anonymous_source() -> None:
    item = only("A senior official said that the navy had seized the vessel.")
    assert (item.kind, item.text) == ("anonymous", "A senior official")
    assert (
        item.content_span is not None and item.content_span.text == "the navy had seized the vessel"
    )


def test_media_source_with_according_to() -> None:
    item = only("According to Reuters, the embassy was closed on Monday.")
    assert (item.kind, item.text, item.cue) == ("media", "Reuters", "According to")


def test_document_source() -> None:
    item = only("The statement said the ministry would retaliate.")
    assert (item.kind, item.text) == ("document", "The statement")


def test_plain_sentence_has_no_attribution() -> None:
    assert find_attributions("The navy seized the vessel near the strait.") == []


def test_chain_of_reports() -> None:
    text = (
        "Bloomberg has cited a report in Japan's Kyodo News saying Washington would ease "
        "sanctions, according to a U.S. government source."
    )
    items = find_attributions(text)
    assert items[0].chain == ["Bloomberg"]
    assert items[-1].chain == ["Bloomberg", "Kyodo News", "a U.S. government source"]
    assert items[-1].kind == "anonymous"


FRAMED = (
    "Reuters has cited a report in the Asahi Shimbun saying Seoul has offered talks.\n\n"
    "According to the report, based on leaked minutes:\n\n"
    "Seoul has proposed a summit in Geneva, according to a South Korean diplomat.\n\n"
    "The report continues:\n\n"
    "Pyongyang had not replied to the offer as of Monday, the diplomat said.\n"
)


def test_chain_through_a_carried_over_frame_and_its_antecedent() -> None:
    by_text = {item.text: item for item in find_attributions(FRAMED)}
    inner = by_text["a South Korean diplomat"]
    assert inner.kind == "anonymous"
    assert inner.chain == ["Reuters", "Asahi Shimbun", "a South Korean diplomat"]
    assert by_text["The report"].chain == ["Reuters", "Asahi Shimbun"]
    assert by_text["the diplomat"].chain == ["Reuters", "Asahi Shimbun", "a South Korean diplomat"]


def test_negated_verb_is_no_source() -> None:
    texts = {item.text for item in find_attributions(FRAMED)}
    assert not any(text and "not" in text.split() for text in texts), texts


def test_time_word_and_dateline_are_not_part_of_the_source() -> None:
    assert only("The minister yesterday told reporters the port would reopen.").text == (
        "The minister"
    )
    assert only("May 2--Chile has said that it will sign the accord.").text == "Chile"


def test_hedged_passive_reports_without_a_source() -> None:
    item = only("The army is said to have shelled the village at night.")
    assert (item.kind, item.text, item.source_span) == ("anonymous", None, None)
    assert item.content_span is not None and "shelled" in item.content_span.text


def test_source_is_a_noun_phrase_not_a_clause() -> None:
    text = "So far the key question is the cabinet has stated no position on the strike."
    assert only(text).text == "the cabinet"
    items = find_attributions("The talks failed, so a truce can be agreed to by the parties.")
    assert all(item.text != "a truce can be" for item in items)


def test_a_gerund_cue_takes_the_source_of_the_verb_before_it() -> None:
    text = "The Danes had responded to Oslo's request by saying that they would send ships."
    items = find_attributions(text)
    assert [item.text for item in items] == ["The Danes", "The Danes"]
    assert items[-1].content_span is not None
    assert items[-1].content_span.text == "they would send ships"


def test_coordinated_cue_after_that_clause_keeps_the_subject() -> None:
    text = (
        "A person close to the ministry confirmed that it had the letter, "
        "and stated that it agreed."
    )
    assert [item.text for item in find_attributions(text)] == [
        "A person close to the ministry",
        "A person close to the ministry",
    ]


def test_frame_ending_in_a_colon_carries_over_to_the_next_paragraph() -> None:
    text = (
        "According to the report, based on satellite images:\n\n"
        "The militia moved rockets to the border.\n\nOther news."
    )
    item = only(text)
    assert item.kind == "document" and item.content_span is not None
    assert item.content_span.text == "The militia moved rockets to the border"
    assert text[item.content_span.start : item.content_span.end] == item.content_span.text


def test_source_with_an_apposition() -> None:
    item = only("Jane Roe, a senior fellow at the Example Institute, said the plan would fail.")
    assert (item.text, item.cue) == ("Jane Roe, a senior fellow at the Example Institute", "said")
    assert item.content_span is not None and item.content_span.text == "the plan would fail"


def test_source_of_a_coordinated_cue_is_the_subject() -> None:
    item = only("The minister toured the port and said the blockade would end soon.")
    assert (item.text, item.cue) == ("The minister", "said")


def test_post_posed_source_starting_with_a_number() -> None:
    item = only('"We will keep fighting," said 9/11 widow Mary Poe.')
    assert item.text == "9/11 widow Mary Poe" and item.kind == "named"


def test_quote_signed_with_a_dash() -> None:
    item = only("“The plan is a disgrace to us all.” ― Maria Lopez")
    assert (item.text, item.cue) == ("Maria Lopez", "―")
    assert item.content_span is not None
    assert item.content_span.text == "The plan is a disgrace to us all"


def test_transcript_speaker_label() -> None:
    item = only("MODERATOR: Do you support the new tariffs on steel?")
    assert (item.text, item.cue) == ("MODERATOR", ":")
    assert item.content_span is not None and item.content_span.text.startswith("Do you support")


def test_testified_is_a_cue() -> None:
    item = only("The general testified that the convoy had been attacked twice.")
    assert (item.text, item.cue) == ("The general", "testified")


def test_nouns_and_opinions_are_not_cues() -> None:
    text = "The United States raised tariffs. I think the talks will fail. They want a deal."
    assert find_attributions(text) == []


def test_a_source_speaking_on_condition_of_anonymity_is_anonymous() -> None:
    text = (
        "A senior defence ministry official, speaking on condition of anonymity, said the"
        " troops would stay."
    )
    [found] = find_attributions(text)
    assert found.kind == "anonymous"
    assert found.source_span is not None and "official" in found.source_span.text


def test_nyt_style_double_apostrophe_quote_before_the_cue() -> None:
    item = only("''The tariffs will hurt farmers,'' said Jane Roe, an economist.")
    assert (item.text, item.cue) == ("Jane Roe", "said")
    assert item.content_span is not None
    assert item.content_span.text == "The tariffs will hurt farmers"


def test_unquoted_report_with_the_source_after_the_cue() -> None:
    item = only("Exports fell sharply last year, said Jane Roe, an economist at the bank.")
    assert (item.text, item.kind) == ("Jane Roe", "named")
    assert item.content_span is not None
    assert item.content_span.text == "Exports fell sharply last year"
    apposed = only("Jane Roe, an economist, said the union expected losses.")
    assert apposed.text == "Jane Roe, an economist"


def test_relative_pronoun_source_is_its_antecedent() -> None:
    item = only("The senator met Jane Roe, who said the strike would end soon.")
    assert (item.text, item.cue) == ("Jane Roe", "said")
    study = only("Yet the study, which notes that exports fell, was ignored.")
    assert (study.text, study.kind) == ("the study", "document")


def test_definite_anonymous_source_refers_back_to_the_first_mention() -> None:
    text = (
        "A U.S. government source said the talks had stalled. "
        "The source said Japan would not attend."
    )
    first, second = find_attributions(text)
    assert second.text == "The source" and second.kind == "anonymous"
    assert second.chain == ["A U.S. government source"]
    assert second.source is not None and first.source is not None
    assert second.source.country == first.source.country == "USA"


def test_the_official_added_is_the_official_of_the_earlier_sentence() -> None:
    text = "An official in Tokyo said talks had stalled. The official added that Japan would wait."
    first, second = find_attributions(text)
    assert (second.cue, second.chain) == ("added", [first.text])


def test_pronoun_after_a_named_speaker_is_that_speaker() -> None:
    text = "Angela Merkel said the talks had stalled. She said Germany would not attend."
    first, second = find_attributions(text)
    assert second.text == "She" and second.kind == "named"
    assert second.chain == ["Angela Merkel"]
    assert second.source is not None and first.source is not None
    assert second.source.name == first.source.name


def test_pronoun_does_not_reach_back_past_a_document() -> None:
    text = "The report said exports fell. He said nothing more about it."
    assert find_attributions(text)[-1].chain == ["He"]


def test_post_posed_chain_of_citations_ends_with_the_original_source() -> None:
    text = (
        "Japan will lift the tariffs, Bloomberg reported, citing Kyodo, which cited an "
        "unnamed official."
    )
    item = only(text)
    assert item.chain == ["Bloomberg", "Kyodo", "an unnamed official"]
    assert (item.kind, item.text, item.cue) == ("anonymous", "an unnamed official", "reported")
    assert item.content_span is not None
    assert item.content_span.text == "Japan will lift the tariffs"


def test_pre_posed_chain_of_citations_ends_with_the_original_source() -> None:
    text = (
        "Bloomberg, citing Kyodo News, which cited a U.S. government source, said Japan "
        "will lift the tariffs."
    )
    item = only(text)
    assert item.chain == ["Bloomberg", "Kyodo News", "a U.S. government source"]
    assert (item.kind, item.text) == ("anonymous", "a U.S. government source")
    assert item.source_span is not None
    assert text[item.source_span.start : item.source_span.end] == item.text
    assert item.content_span is not None
    assert item.content_span.text == "Japan will lift the tariffs"


def test_according_to_a_source_quoted_by_a_medium_frames_the_whole_report() -> None:
    text = (
        "Iran has said it will free the tanker, according to an Iranian official quoted by "
        "Amwaj Media."
    )
    items = find_attributions(text)
    said = next(item for item in items if item.cue == "said")
    frame = next(item for item in items if item.cue == "according to")
    assert frame.chain == ["Amwaj Media", "an Iranian official"]
    assert (frame.kind, frame.text) == ("anonymous", "an Iranian official")
    assert said.chain == ["Amwaj Media", "an Iranian official", "Iran"]
    assert said.content_span is not None
    assert said.content_span.text == "it will free the tanker"
    assert all(item.cue != "quoted" for item in items)


def test_quoted_as_saying_and_said_in_a_statement_are_whole_cues() -> None:
    quoted = only("The minister was quoted as saying the port would reopen.")
    assert (quoted.text, quoted.cue) == ("The minister", "quoted as saying")
    assert quoted.content_span is not None
    assert quoted.content_span.text == "the port would reopen"
    stated = only("The minister said in an interview that the port would reopen.")
    assert stated.cue == "said in an interview"
    assert stated.content_span is not None
    assert stated.content_span.text == "the port would reopen"


def test_an_opening_phrase_is_not_the_content() -> None:
    item = only("In a statement, the ministry said the port would reopen.")
    assert item.text == "the ministry"
    assert item.content_span is not None
    assert item.content_span.text == "the port would reopen"
    placed = only("The ministry, in a statement, condemned the strike on the port.")
    assert placed.text == "The ministry"


def test_it_is_understood_reports_without_a_source() -> None:
    item = only("It is understood that the port will reopen next week.")
    assert (item.kind, item.text, item.cue) == ("anonymous", None, "It is understood")
    assert item.content_span is not None
    assert item.content_span.text == "the port will reopen next week"


def test_participle_after_a_clause_takes_its_subject() -> None:
    item = only("The court blocked the sale of the mine, citing a threat to public health.")
    assert (item.text, item.cue) == ("The court", "citing")


def test_passive_quoted_by_is_no_report_of_its_own() -> None:
    items = find_attributions("The remark, quoted by Reuters, angered the delegates.")
    assert all(item.cue != "quoted" for item in items)


def test_headline_opening_with_a_name_and_a_colon_quotes_that_name() -> None:
    text = "Pence: Trump Will Win the Debate in Ohio.\n\nUpdate: The debate starts at nine."
    item = only(text)
    assert (item.text, item.cue, item.kind) == ("Pence", ":", "named")
    assert item.content_span is not None
    assert item.content_span.text == "Trump Will Win the Debate in Ohio"


def test_fronted_poll_frame_is_a_document_source() -> None:
    item = only("In the latest national poll, the governor led her rival by four points.")
    assert (item.text, item.cue, item.kind) == ("the latest national poll", "In", "document")
    assert item.content_span is not None
    assert item.content_span.text == "the governor led her rival by four points"


def test_opening_phrase_before_an_apposed_source_is_dropped() -> None:
    text = "In a statement, one of the family's lawyers, Jane Roe, said the video was clear."
    assert only(text).text == "one of the family's lawyers, Jane Roe"


def test_a_cue_word_used_as_a_noun_before_the_verb_is_no_cue() -> None:
    item = only("Exports fell in August, an analysis of customs reports shows.")
    assert (item.text, item.cue, item.kind) == (
        "an analysis of customs reports",
        "shows",
        "document",
    )


def test_an_infinitive_or_having_said_is_no_report() -> None:
    assert find_attributions("It is fair to say that the talks failed.") == []
    assert find_attributions("Having said that, the talks failed.") == []


def test_nouns_of_saying_with_their_source() -> None:
    by = only("Politicians dismissed claims by the ministry that the port was mined.")
    assert (by.text, by.cue) == ("the ministry", "claims")
    assert by.content_span is not None and by.content_span.text == "the port was mined"
    owned = only("Reporters checked Jane Roe's assertion that exports had doubled.")
    assert (owned.text, owned.cue) == ("Jane Roe", "assertion")


def test_they_refers_back_only_to_plural_sources() -> None:
    text = "Two senior officials said the talks had stalled. They said Japan would wait."
    assert find_attributions(text)[-1].chain == ["Two senior officials"]
    single = "Jane Roe said the talks had stalled. They said Japan would wait."
    assert find_attributions(single)[-1].chain == ["They"]


def test_quoting_a_source_as_saying() -> None:
    item = only("Reuters reported, quoting a senior official as saying the port would reopen.")
    assert item.chain == ["Reuters", "a senior official"]
    assert (item.kind, item.text) == ("anonymous", "a senior official")
    assert item.content_span is not None
    assert item.content_span.text == "the port would reopen"


def test_an_adverb_is_no_source_and_is_skipped_before_the_cue() -> None:
    item = only("The agency almost immediately disclosed that it had the letter.")
    assert item.text == "The agency"
    assert find_attributions("Recently, calling for calm, the mayor spoke.") == []
    assert only("Kelly said the port would reopen.").text == "Kelly"
    assert only("The family said the port would reopen.").text == "The family"


def test_time_word_after_the_cue_is_no_post_posed_source() -> None:
    item = only('"We will win," Flynn, a top surrogate, said Thursday morning.')
    assert item.text == "Flynn, a top surrogate"


def test_the_hearer_of_told_is_not_its_source() -> None:
    item = only('"The press is biased," Jane Roe told The Daily Example.')
    assert (item.text, item.cue) == ("Jane Roe", "told")


def test_it_stands_for_an_earlier_organisation_or_is_dropped() -> None:
    text = "The ministry said the port would reopen. It added that ships would wait."
    _, second = find_attributions(text)
    assert (second.text, second.chain) == ("It", ["The ministry"])
    person = "Merkel said the port would reopen. It added that ships would wait."
    assert [item.text for item in find_attributions(person)] == ["Merkel"]


def test_source_quoted_with_a_time_phrase_before_the_medium() -> None:
    text = "Iran will resume talks, according to an official quoted this morning by Amwaj Media."
    items = find_attributions(text)
    assert [item.chain for item in items] == [["Amwaj Media", "an official"]]


def test_relative_clause_after_an_according_to_source_is_not_content() -> None:
    text = 'According to the source, who is described as a "senior" official, talks may begin.'
    item = only(text)
    assert (item.text, item.cue) == ("the source", "According to")
    assert item.content_span is not None and item.content_span.text == "talks may begin"


def test_relative_clause_after_the_source_name_is_cut() -> None:
    text = "Jane Roe, who did not say that the plan was dead, said on Monday that it had stalled."
    item = find_attributions(text)[-1]
    assert (item.text, item.cue) == ("Jane Roe", "said")
    assert item.content_span is not None and item.content_span.text == "it had stalled"
    aged = only("Roe, 56, who has served on the committee for a decade, said talks had stalled.")
    assert aged.text == "Roe, 56"


def test_according_to_source_ends_at_a_dash() -> None:
    text = "The plan would raise $1 trillion, according to the Budget Center - half the goal."
    assert only(text).text == "the Budget Center"


def test_citing_a_quotation_is_no_citation_chain() -> None:
    text = "Mr. Roe, citing ''the unique magic of the party,'' said the vote would be close."
    assert all(item.text != "the unique magic of the party" for item in find_attributions(text))


def test_poll_shares_are_sources() -> None:
    assert only("About one in five say they would not vote.").text == "About one in five"
    item = only("The mayor gained ground, with 30 percent of voters saying they back him.")
    assert (item.text, item.cue) == ("30 percent of voters", "saying")
    assert item.content_span is not None and item.content_span.text == "they back him"
    assert find_attributions("About the plan said nothing.") == []


def test_interview_labels_and_a_name_before_a_quotation() -> None:
    items = find_attributions("Q: Did anyone help you?\nA: No, no one did.")
    assert [(item.text, item.cue) for item in items] == [("Q", ":"), ("A", ":")]
    text = 'Roe: "Our goal is to end the strike." Poe: "The goal is a deal."'
    quoted = find_attributions(text)
    assert [(item.text, item.chain) for item in quoted] == [("Roe", ["Roe"]), ("Poe", ["Poe"])]
    assert quoted[0].content_span is not None
    assert quoted[0].content_span.text == "Our goal is to end the strike"


def test_citing_inside_an_according_to_source_without_a_comma() -> None:
    item = only(
        "The talks stalled on Monday, according to an Egyptian official citing Qatari negotiators."
    )
    assert item.chain == ["an Egyptian official", "Qatari negotiators"]
    assert (item.kind, item.text, item.cue) == ("anonymous", "Qatari negotiators", "according to")
    assert item.content_span is not None
    assert item.content_span.text == "The talks stalled on Monday"


def test_quoting_inside_a_pre_posed_source_without_a_comma() -> None:
    text = "Reuters quoting a senior diplomat said the truce would hold."
    item = only(text)
    assert item.chain == ["Reuters", "a senior diplomat"]
    assert (item.kind, item.text, item.cue) == ("anonymous", "a senior diplomat", "said")
    assert item.source_span is not None
    assert text[item.source_span.start : item.source_span.end] == "a senior diplomat"
    assert item.content_span is not None and item.content_span.text == "the truce would hold"


def test_cited_by_inside_a_source_puts_the_reporter_first() -> None:
    item = only("The talks stalled, according to a mediator cited by Al Jazeera.")
    assert item.chain == ["Al Jazeera", "a mediator"]
    assert (item.kind, item.text) == ("anonymous", "a mediator")


def test_citing_after_a_reported_clause_keeps_the_speaker() -> None:
    for text in (
        "The army said it closed the crossing, citing security threats.",
        "The army said the crossing was closed citing security threats.",
    ):
        said = find_attributions(text)[0]
        assert (said.text, said.cue, said.chain) == ("The army", "said", ["The army"])


def test_citing_after_a_post_posed_source_without_a_comma() -> None:
    item = only("Exports fell sharply in May, said the Journal citing traders.")
    assert (item.text, item.chain) == ("traders", ["the Journal", "traders"])


def test_agree_reports_only_a_clause_of_opinion() -> None:
    assert find_attributions("Hamas agreed to the truce on Monday.") == []
    assert find_attributions("Most voters agreed.") == []
    item = only("Hamas agreed that the plan was a fair basis for talks.")
    assert (item.text, item.cue) == ("Hamas", "agreed")
    assert item.content_span is not None
    assert item.content_span.text == "the plan was a fair basis for talks"
    bare = only("Analysts agree the new levy would hurt exporters.")
    assert bare.content_span is not None
    assert bare.content_span.text == "the new levy would hurt exporters"
    judge = only("The judge agreed with the defence that there was no case.")
    assert judge.content_span is not None and judge.content_span.text == "there was no case"


def test_agreeing_to_act_inside_a_report_is_no_cue_of_its_own() -> None:
    items = find_attributions("The ministry said Hamas had agreed to a truce.")
    assert [(item.text, item.cue) for item in items] == [("The ministry", "said")]
