import pytest

from extractor.cache import AnswerCache, cache_key, default_directory


def key(release: str = "BioWin compte 260 membres.", model: str = "qwen", question: str = "List the clusters.",
        schema: dict | None = None, max_tokens: int = 300) -> str:
    messages = [{"role": "system", "content": release}, {"role": "user", "content": question}]
    return cache_key(model, messages, schema or {"title": "Clusters"}, max_tokens, "code")


def test_key_changes_with_every_part_of_the_request():
    base = key()
    assert len(base) == 64 and int(base, 16) >= 0
    assert base == key()
    others = {key(release="BioWin compte 250 membres."), key(model="other"), key(question="List the people."),
              key(schema={"title": "Clusters", "required": ["name"]}), key(max_tokens=400)}
    assert len({base, *others}) == 6


def test_parts_cannot_slide_into_each_other():
    assert key(release="ab", question="c") != key(release="a", question="bc")


def test_put_then_get_round_trips(tmp_path):
    cache = AnswerCache(tmp_path / "answers")
    assert cache.get(key()) is None
    cache.put(key(), {"clusters": [{"name": "Polepharma", "members": "445+"}], "note": "é"})
    assert cache.get(key()) == {"clusters": [{"name": "Polepharma", "members": "445+"}], "note": "é"}
    assert [p.name for p in (tmp_path / "answers").iterdir()] == [f"{key()}.json"]


@pytest.mark.parametrize("content", ['{"clusters": [', "[1, 2]", "", "\x00\x01"])
def test_a_corrupt_entry_is_a_miss_and_is_removed(tmp_path, content):
    cache = AnswerCache(tmp_path)
    (tmp_path / f"{key()}.json").write_text(content, encoding="utf-8")
    assert cache.get(key()) is None
    assert list(tmp_path.iterdir()) == []
    cache.put(key(), {"ok": 1})
    assert cache.get(key()) == {"ok": 1}


def test_keys_that_are_not_digests_are_refused(tmp_path):
    with pytest.raises(ValueError):
        AnswerCache(tmp_path).get("../../etc/passwd")


def test_default_directory_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_CACHE", str(tmp_path))
    assert default_directory() == tmp_path / "answers"
    assert AnswerCache().directory == tmp_path / "answers"
    monkeypatch.delenv("EXTRACTOR_CACHE")
    assert default_directory().parts[-2:] == ("cluster-extractor", "answers")
