# Every target sets itself up: a fresh clone needs only python3 (>= 3.11) and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
BENCH_STAMP := $(VENV)/.bench-stamp

.PHONY: setup demo test lint typecheck pytest bench fuzz mutation a11y clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "dpup needs Python >= 3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/dpup evaluate examples/kids-first-before.toml --fail-on never

lint: setup
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: setup
	$(BIN)/mypy

# pytest exits 5 when it collects no tests: treat that as a failure, never a silent pass.
# Coverage runs pytest (rather than pytest-cov) so it starts before the Hypothesis plugin
# imports dpup through its entry point; branch coverage of src/dpup below 95% fails the run
# (the floor is [tool.coverage.report] fail_under in pyproject.toml).
pytest: setup
	@$(BIN)/python -m coverage erase; \
	$(BIN)/python -m coverage run -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing loudly" >&2; exit 1; fi; \
	if [ $$rc -ne 0 ]; then exit $$rc; fi; \
	$(BIN)/python -m coverage report

test: lint typecheck pytest

# The peers (cedarpy, numpy) and the profiler come from the bench extra, installed here only.
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

# Speed is measured here, never in `make test`: every workload, every budget, PASS or MISS.
# Writes benchmarks/results.json; exits 1 if a budget is missed. See docs/performance.md.
bench: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks

# The document fuzzer runs 20,000 examples (the text, CSV and CLI fuzzers a share of that), in
# Hypothesis runs of at most 1,000 examples spread over the machine's cores (pytest-xdist, from
# the fuzz extra, installed here only); `make test` runs a bounded number. See docs/testing.md.
fuzz: setup
	$(BIN)/python -m pip install --quiet -e '.[dev,fuzz]'
	HYPOTHESIS_PROFILE=fuzz DPUP_FUZZ_EXAMPLES=20000 $(BIN)/python -m pytest tests/test_fuzz.py \
		-p no:cacheprovider -n auto --hypothesis-show-statistics

# Mutation testing of src/dpup/checks/ and src/dpup/facts.py with mutmut (about 35 minutes on
# two cores).
# Never part of `make test`. Fails if fewer than 95% of mutants are killed.
mutation: setup
	$(BIN)/python -m pip install --quiet -e '.[dev,mutation]'
	rm -rf mutants
	$(BIN)/python tools/mutation.py run --max-children 2
	$(BIN)/python tools/mutation.py summary --minimum 95

# The HTML pages in a real browser: axe-core (WCAG 2.2 AA tags) on the Kids First before and
# after reports, the after report against its before baseline, and the before/after comparison
# of both journeys, each printed to an A4 PDF with page 1 as a PNG, under build/a11y/ (git-ignored).
# Needs Debian's chromium and poppler-utils (apt-get install chromium poppler-utils); Playwright
# drives /usr/bin/chromium and downloads no browser; axe-core goes into build/axe/. Never part
# of `make test`, where tests/test_a11y.py skips unless all of these are present.
AXE_VERSION ?= 4.14.1
a11y: setup
	$(BIN)/python -m pip install --quiet -e '.[dev,a11y]'
	test -f build/axe/node_modules/axe-core/axe.min.js || \
		npm install --silent --no-audit --no-fund --prefix build/axe axe-core@$(AXE_VERSION)
	$(BIN)/python tools/a11y.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage mutants
