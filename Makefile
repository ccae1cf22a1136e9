# Two entry points for a fresh machine: `make demo` (extract the seeds with the embedded model)
# and `make test` (offline suite, replayed cassettes, no model needed).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
EMBEDDED := $(VENV)/.embedded

.PHONY: install test demo model record live-test bench schema clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

# The ray extra too: tests/test_ray_batch.py runs the Ray path on a local instance (skipped without it).
$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[test,ray]'
	touch $@

install: $(INSTALLED)

# Lint and type-check first: they take seconds and fail before the slower test run.
# The review site is tested in a real browser: Debian's Chromium, installed when apt can (skipped otherwise).
test: $(INSTALLED)
	command -v chromium >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && { apt-get update -q && apt-get install -y -q chromium; } >/dev/null; } || echo "no Chromium: the browser tests will be skipped"
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest -q

# llama-cpp-python has no wheel for 0.3.36; the native build crashes in an AMX kernel on these
# machines, hence GGML_NATIVE=OFF (about 4 minutes on 2 cores, once).
$(EMBEDDED): $(INSTALLED)
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PY) -m pip install -q 'llama-cpp-python[server]==0.3.36'
	touch $@

model: $(EMBEDDED)
	$(PY) -m extractor model

demo: model
	$(PY) -m extractor extract seeds --out outputs
	$(PY) -m extractor review outputs

# Cassettes are recorded from scratch so none keeps answers to requests the code no longer makes.
record: model
	rm -f tests/cassettes/*.yaml
	EXTRACTOR_RECORD=1 $(PY) -m pytest -q -m 'not live' tests/test_cassettes.py

live-test: model
	$(PY) -m pytest -q -m live

bench: model
	$(PY) benchmarks/extract_bench.py
	$(PY) benchmarks/jobs_bench.py
	$(PY) benchmarks/validate_bench.py

schema: $(INSTALLED)
	$(PY) -m extractor schema

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
