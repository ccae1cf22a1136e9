from extractor.analysis import analyse
from extractor.analysis.links import link_figures
from extractor.analysis.roster import roster
from extractor.ask.answers import ClusterAnswer
from extractor.records.clusters import build_clusters


def clusters_of(text, answers):
    analysis = analyse(text)
    names = roster([a.name for a in answers], analysis.presented, text)
    linking = link_figures(text, analysis.sentences, analysis.layout, analysis.offered, names, analysis.of_kind("quantity"))
    profiles, _ = build_clusters(answers, names, linking, analysis, [])
    return profiles


def test_the_region_the_model_gives_a_short_name_goes_to_the_full_name_it_stands_for():
    text = ("Santiago, 20 de marzo de 2025. El Clúster de Salud de Galicia (CSG) y la Fundación Sur firman un convenio.\n\n"
            "El CSG integra a 130 entidades asociadas.")
    (profile,) = clusters_of(text, [ClusterAnswer(name="CSG", region="Galicia", country="Spain")])
    assert (profile.name, profile.region, profile.country) == ("Clúster de Salud de Galicia", "Galicia", "ES")
    assert [(f.metric.value, f.value) for f in profile.figures] == [("members", 130)]
