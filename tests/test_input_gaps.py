"""Facts a new user could not record before issue 20, and the item-name rule across collections.

Who a notice told (`Notice.told`), when a retention period starts (`Retention.starts`), and
the access response commitment (`AccessPractice.response_working_days`, AI025's field): each
loads by name, round-trips, and is refused by path when wrong. An item name means one item
across the activity: two collections may hold it, but not as different information.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from dpup import Activity, Collection, InformationItem, InputError, loads, structure, unstructure
from dpup.model import (
    Identifiability,
    Notice,
    NoticeAddressee,
    Retention,
    RetentionStart,
    Sensitivity,
)
from dpup.testing.strategies import activities

_TWO_HOLDERS = """
name = "a"
[[collections]]
id = "intake"
items = [{ name = "name", identifiability = "identifying", sensitivity = [] }]
[[collections]]
id = "referral"
items = [{ name = "name", identifiability = "%s", sensitivity = %s }, { name = "school" }]
[[disclosures]]
id = "d"
items = ["name"]
"""


class TestNewFields:
    def test_load_by_their_names(self) -> None:
        """The new values load from their documented names."""
        activity = loads(
            'name = "a"\n[[collections]]\nid = "c"\n'
            'notice = { told = ["individual", "parent-or-guardian"] }\n'
            'retention = { period_months = 84, starts = "service-exit" }\n'
        )
        (collection,) = activity.collections
        assert collection.notice is not None
        assert collection.retention is not None
        assert (NoticeAddressee.INDIVIDUAL, NoticeAddressee.PARENT_OR_GUARDIAN) == (
            collection.notice.told
        )
        assert RetentionStart.SERVICE_EXIT is collection.retention.starts

    def test_unrecorded_is_none(self) -> None:
        """Left out, each is not recorded (None), never an empty or false value."""
        assert Notice().told is None
        assert Retention().starts is None

    def test_nobody_told_is_recordable(self) -> None:
        """An empty list records that nobody was told, which is not the same as not recorded."""
        activity = loads('name = "a"\n[[collections]]\nid = "c"\nnotice = { told = [] }\n')
        notice = activity.collections[0].notice
        assert notice is not None
        assert () == notice.told

    def test_bad_values_are_all_reported_by_path(self) -> None:
        """Unknown values of each new field are reported together, each at its path."""
        text = (
            'name = "a"\n[access_practice]\nresponse_working_days = "soon"\n'
            '[[collections]]\nid = "c"\n'
            'notice = { told = ["neighbour"] }\n'
            'retention = { starts = "whenever" }\n'
        )
        with pytest.raises(InputError) as info:
            loads(text)
        paths = sorted(p.path for p in info.value.problems)
        assert [
            "$.access_practice.response_working_days",
            "$.collections[0].notice.told[0]",
            "$.collections[0].retention.starts",
        ] == paths
        assert not any(word in str(info.value) for word in ("soon", "neighbour", "whenever"))

    @settings(max_examples=25, deadline=None)
    @given(activities())
    def test_drawn_activities_round_trip(self, activity: Activity) -> None:
        """Activities drawn with the new fields survive the JSON form."""
        assert activity == structure(unstructure(activity), Activity)


class TestOneItemPerName:
    def test_same_definition_in_two_collections_loads(self) -> None:
        """The same item held by two collections, defined alike, is one item: it loads."""
        activity = loads(_TWO_HOLDERS % ("identifying", "[]"))
        assert 2 == len(activity.collections)

    def test_unrecorded_definition_is_no_conflict(self) -> None:
        """A holder leaving the definition unrecorded does not contradict one recording it."""
        activity = Activity(
            "a",
            collections=(
                Collection("c", items=(InformationItem("x", sensitivity=(Sensitivity.HEALTH,)),)),
                Collection("d", items=(InformationItem("x"),)),
            ),
        )
        assert 2 == len(activity.collections)

    def test_sensitivity_order_does_not_matter(self) -> None:
        """The same sensitive categories in another order are the same definition."""
        both = (Sensitivity.HEALTH, Sensitivity.ETHNICITY)
        Activity(
            "a",
            collections=(
                Collection("c", items=(InformationItem("x", sensitivity=both),)),
                Collection("d", items=(InformationItem("x", sensitivity=both[::-1]),)),
            ),
        )

    def test_different_definitions_are_refused_by_path(self) -> None:
        """Two collections defining one name differently: an error at each differing field."""
        with pytest.raises(InputError) as info:
            loads(_TWO_HOLDERS % ("aggregate", '["health"]'))
        problems = info.value.problems
        assert [
            "$.collections[1].items[0].identifiability",
            "$.collections[1].items[0].sensitivity",
        ] == [p.path for p in problems]
        assert all("$.collections[0].items[0]" in p.message for p in problems)

    def test_message_names_no_item(self) -> None:
        """The message points at the other holder by path, never by the item's name."""
        activity_text = _TWO_HOLDERS.replace('"name"', '"whakapapa-notes"') % (
            "aggregate",
            "[]",
        )
        with pytest.raises(InputError) as info:
            loads(activity_text)
        assert "whakapapa" not in str(info.value)

    def test_duplicates_within_one_collection_stay_duplicates(self) -> None:
        """A name twice in one collection is a duplicate, not a conflict between collections."""
        with pytest.raises(InputError) as info:
            Activity(
                "a",
                collections=(
                    Collection(
                        "c",
                        items=(
                            InformationItem("x", identifiability=Identifiability.IDENTIFYING),
                            InformationItem("x", identifiability=Identifiability.AGGREGATE),
                        ),
                    ),
                ),
            )
        assert ["duplicate item name"] == [p.message for p in info.value.problems]


def test_drawn_collections_are_mended_to_one_definition() -> None:
    """The strategies give a repeated name its first definition, so the activity builds."""
    from dpup.testing._item_strategies import one_definition_per_name  # noqa: PLC0415

    drawn = (
        Collection("c", items=(InformationItem("x", sensitivity=(Sensitivity.HEALTH,)),)),
        Collection(
            "d",
            items=(
                InformationItem("x", sensitivity=(), identifiability=Identifiability.AGGREGATE),
            ),
        ),
    )
    mended = one_definition_per_name(drawn)
    assert (Sensitivity.HEALTH,) == mended[1].items[0].sensitivity
    assert mended[1].items[0].identifiability is None
    assert 2 == len(Activity("a", collections=mended).collections)
