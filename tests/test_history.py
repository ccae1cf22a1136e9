import datetime as dt

from builders import Doc, cluster, figure, release
from extractor.consolidate.history import CONFLICT_WINDOW_DAYS, consolidate


def polepharma_release(id, published_on, members, qualifier="at_least", extra=(), name="Polepharma"):
    doc = Doc()
    ev = doc.one(f"Polepharma regroupe {{{'plus de ' if qualifier == 'at_least' else ''}{members} acteurs}}.\n")
    figures = [figure("members", members, ev, qualifier=qualifier)]
    for metric, value, surface, fields in extra:
        figures.append(figure(metric, value, doc.one(f"Aussi {{{surface}}}.\n"), **fields))
    return release(doc.text, cluster(name, *figures), id=id, published_on=published_on)


def test_one_cluster_under_its_aliases_becomes_one_history():
    index = consolidate([
        polepharma_release("002", dt.date(2022, 5, 12), 360, name="Polepharma-GIPSO"),
        polepharma_release("000", dt.date(2023, 10, 18), 445),
        polepharma_release("003", dt.date(2020, 9, 24), 300, name="POLEPHARMA"),
    ])
    assert index.releases == ["003", "002", "000"]
    (history,) = index.clusters
    assert history.name == "Polepharma"
    assert history.aliases == ["Polepharma-GIPSO"]
    assert history.releases == ["003", "002", "000"]
    assert [o.value for o in history.series["members"]] == [300, 360, 445]
    assert [o.as_of for o in history.series["members"]] == [dt.date(2020, 9, 24), dt.date(2022, 5, 12), dt.date(2023, 10, 18)]
    assert history.latest["members"].release == "000"
    # Values that grow between distant releases are history, not a conflict.
    assert history.flags == []


def test_gipso_keeps_its_own_history():
    doc = Doc()
    gipso = doc.one("Le GIPSO est un réseau d'{une centaine d'entreprises}.\n")
    r = release(doc.text, cluster("Cluster GIPSO", figure("companies", 100, gipso, qualifier="approx")), id="003")
    index = consolidate([r, polepharma_release("004", dt.date(2020, 10, 6), 300, name="Polepharma-GIPSO")])
    assert [c.name for c in index.clusters] == ["Cluster GIPSO", "Polepharma"]


def test_compatible_releases_close_in_time_raise_nothing():
    extra = [("production_share", 53, "53%", {"unit": "percent"}),
             ("jobs", 60000, "60 000 emplois", {"qualifier": "at_least"})]
    first = polepharma_release("003", dt.date(2020, 9, 24), 300, extra=extra)
    second = polepharma_release("004", dt.date(2020, 10, 6), 300, extra=[*extra, ("offices", 4, "4 antennes", {})])
    (history,) = consolidate([first, second]).clusters
    assert history.flags == []
    assert len(history.series["members"]) == 2
    assert len(history.series["offices"]) == 1


def test_incompatible_releases_close_in_time_conflict():
    first = polepharma_release("a", dt.date(2024, 1, 10), 260, qualifier="exact")
    second = polepharma_release("b", dt.date(2024, 2, 20), 250, qualifier="exact")
    (history,) = consolidate([second, first]).clusters
    (flag,) = history.flags
    assert flag.code == "conflicting_sources" and flag.severity == "warning"
    assert (flag.cluster, flag.metric) == ("Polepharma", "members")
    assert "release a" in flag.message and "release b" in flag.message
    assert "260" in flag.message and "250" in flag.message
    assert flag.paths == ["a#/clusters/0/figures/0", "b#/clusters/0/figures/0"]
    assert len(flag.evidence) == 2


def test_distant_releases_do_not_conflict_unless_the_window_says_so():
    first = polepharma_release("a", dt.date(2023, 1, 10), 260, qualifier="exact")
    second = polepharma_release("b", dt.date(2023, 1, 10) + dt.timedelta(days=CONFLICT_WINDOW_DAYS + 1), 250, qualifier="exact")
    assert consolidate([first, second]).clusters[0].flags == []
    assert len(consolidate([first, second], window_days=365).clusters[0].flags) == 1


def test_scoped_and_dated_figures():
    doc = Doc()
    whole, regional, old = doc.add("{plus de 300 acteurs}; en Normandie {75 adhérents}; {9 892 emplois} en 2017.")
    r = release(doc.text, cluster(
        "Polepharma",
        figure("members", 300, whole, qualifier="at_least"),
        figure("members", 75, regional, scope="Normandie"),
        figure("jobs", 9892, old, as_of=dt.date(2017, 12, 31)),
    ), id="004", published_on=dt.date(2020, 10, 6))
    later = polepharma_release("005", dt.date(2020, 11, 1), 300)
    (history,) = consolidate([r, later]).clusters
    members = history.series["members"]
    assert [(o.value, o.scope) for o in members] == [(300, None), (75, "Normandie"), (300, None)]
    # latest is the newest whole-cluster observation; scoped ones never count.
    assert history.latest["members"].release == "005"
    assert history.series["jobs"][0].as_of == dt.date(2017, 12, 31)
    assert history.flags == []


def test_a_cluster_profiled_twice_in_one_release_is_counted_once():
    doc = Doc()
    a, b = doc.add("BioWin compte {250 membres}. Biowin compte {250 membres}.")
    r = release(doc.text, cluster("BioWin", figure("members", 250, a)), cluster("Biowin", figure("members", 250, b)))
    (history,) = consolidate([r]).clusters
    assert len(history.series["members"]) == 1
    assert history.releases == ["r1"]


def test_undated_release():
    doc = Doc()
    ev = doc.one("{150 membres}")
    r = release(doc.text, cluster("MEDVIA", figure("members", 150, ev)), published_on=None)
    (history,) = consolidate([r]).clusters
    assert history.series["members"][0].as_of is None
    assert history.latest["members"].value == 150


def test_close_releases_with_other_funding_or_a_breakdown_raise_nothing():
    first = polepharma_release("a", dt.date(2024, 1, 10), 300, extra=[("funding", 175e6, "175 M€", {"unit": "EUR"})])
    doc = Doc()
    whole, part = doc.add("Polepharma regroupe {300 acteurs}, dont {40} acteurs en Normandie.\n")
    cost = doc.one("Il a financé {42 M€} de projets.\n")
    second = release(doc.text, cluster("Polepharma", figure("members", 300, whole, qualifier="at_least"),
                                       figure("members", 40, part, part_of=whole), figure("funding", 42e6, cost, unit="EUR")),
                     id="b", published_on=dt.date(2024, 1, 20))
    (history,) = consolidate([first, second]).clusters
    assert history.flags == []
    assert [o.value for o in history.series["members"]] == [300, 300]
