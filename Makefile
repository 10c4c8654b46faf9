# Yinzi: `make run` opens the app, `make test` runs the tests. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
DATA ?= ../shared/data
DEV ?= $(DATA)/p2c/dev.txt
APT_PACKAGES := xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-cursor0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-noto-cjk

.DEFAULT_GOAL := help
.PHONY: help run test bench eval lint lexicon screenshots bundle setup apt clean

help: ## Show this help
	@echo "Yinzi (音字) — make targets:"
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

apt: ## Install the Debian packages Qt and the screenshots need (when root)
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  if [ -n "$$missing" ]; then echo "apt: installing $$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	      || echo "apt: could not install $$missing (Qt may lack fonts or xcb libs; tests run offscreen anyway)"; fi; \
	else \
	  echo "apt: not root; if Qt fails to start or shows boxes, run: sudo apt-get install $(APT_PACKAGES)"; \
	fi

$(STAMP): pyproject.toml constraints.txt
	@$(MAKE) --no-print-directory apt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# torch first and on its own, pinned: a looser requirement pulls a multi-GB CUDA build.
	$(PIP) install -q -c constraints.txt torch==2.13.0
	$(PIP) install -q -c constraints.txt -e '.[desktop,train,dev]'
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install everything

run: $(STAMP) ## Set up and open the typing app on the shipped default model
	$(PY) -m desktop

test: $(STAMP) ## Set up and run the test suite (offscreen Qt)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP) ## ruff + import-linter layering contracts
	$(VENV)/bin/ruff check core desktop trainer tests
	$(VENV)/bin/lint-imports

EXCLUDE ?= $(DEV) $(wildcard $(DATA)/sentiment/*_dev.tsv $(DATA)/sentiment/*_test*.tsv)

lexicon: $(STAMP) ## Rebuild resources/lexicon from jieba, pypinyin and the corpus, leaving out lines with dev/test clauses (DATA=../shared/data)
	$(PY) -m core.lexicon.compile --corpus $(DATA)/corpus --out resources/lexicon --exclude $(EXCLUDE)

eval: $(STAMP) ## Evaluate on the p2c dev set (DEV=file; neural row cross-validated by tune-rescore) and sentiment test files
	$(VENV)/bin/yinzi-train eval-ime --input $(DEV) --json runs/eval-ime.json
	@if [ -d resources/models/p2c-default ]; then $(VENV)/bin/yinzi-train eval-ime --input $(DEV) --model resources/models/p2c-default --json runs/eval-ime-neural.json; fi
	@if [ -d resources/models/p2c-default ]; then $(VENV)/bin/yinzi-train eval-ime --input $(DEV) --model resources/models/p2c-default --int8 --json runs/eval-ime-neural-int8.json; fi
	@# the neural figure to quote: each half of DEV rescored with the weight tuned on the other half
	@if [ -d resources/models/p2c-default ]; then $(VENV)/bin/yinzi-train tune-rescore --input $(DEV) --model resources/models/p2c-default --int8 --json runs/tune-rescore.json; fi
	@if [ -d resources/models/sentiment-default ]; then $(VENV)/bin/yinzi-train eval-sentiment --data $(DATA)/sentiment --json runs/eval-sentiment.json; fi

bench: $(STAMP) ## Benchmarks: keystroke latency (ADAPTED=DIR compares an adapted model), lexicon load, app paint latency
	$(PY) -m core.bench --input $(DEV) $(if $(ADAPTED),--adapted $(ADAPTED))
	QT_QPA_PLATFORM=offscreen $(PY) -m desktop.bench --document $(DEV)

screenshots: $(STAMP) ## PNGs of the main window, candidate bar, analysis panel, batch window, wizard pages, model manager (Xvfb, CJK font)
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) -m desktop.screenshots --out docs/screenshots

bundle: $(STAMP) ## PyInstaller one-folder bundle of the typing app (no torch)
	$(PIP) install -q -e '.[build]'
	$(VENV)/bin/pyinstaller --noconfirm packaging/yinzi.spec

clean: ## Remove build outputs (keeps .venv)
	rm -rf build dist .pytest_cache runs
