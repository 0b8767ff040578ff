# The two commands of the README: `make run` (set-up + main job) and `make test` (set-up + tests).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SEEDS  := ../shared/seeds

.PHONY: run test install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,spark,accurate]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/storyline analyze examples/corpus --out out/demo --quiet
	@if [ -d $(SEEDS) ]; then $(BIN)/storyline analyze $(SEEDS) --out out/seeds --quiet; \
	  echo "seeds analyzed: results in out/seeds"; fi
	@echo "demo corpus analyzed: results in out/demo (articles.jsonl, entities.jsonl, ..., manifest.json)"

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf out build *.egg-info
