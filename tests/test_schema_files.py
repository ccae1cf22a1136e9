from schemas.files import MODELS, load, stale


def test_generated_schema_files_match_the_models():
    assert stale() == [], "run `extractor schema` (make schema) and commit schemas/*.schema.json"


def test_every_model_has_a_schema_file():
    for name in MODELS:
        assert load(name)["$schema"].startswith("https://json-schema.org/")


def test_schema_patterns_avoid_backslash_d():
    # llama.cpp's grammar converter crashes on \d; keep schemas portable to every endpoint
    for name in MODELS:
        assert "\\d" not in str(load(name))
