# Yinzi: `make run` opens the app, `make test` runs the tests. Both set everything up first.
# `make run` installs the app alone (.[desktop]); `make test` and the rest also the trainer
# (torch) and the dev tools. TORCH_INDEX picks the torch build, see docs/INSTALL.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
DATA ?= ../shared/data
DEV ?= $(DATA)/p2c/dev.txt
APT_PACKAGES := xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-cursor0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-noto-cjk strace

.DEFAULT_GOAL := help
.PHONY: help run test bench eval lint lexicon screenshots bundle bundle-trainer bundle-test \
	bundle-test-trainer dist icons setup apt clean

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

# Which torch: empty = the exact pin from the package index pip is configured for (here a CPU
# build); `cpu` = the CPU-only build and `cu126`, `cu128`, ... = that CUDA build, both from
# download.pytorch.org; or any index URL. Each choice has its own stamp, so switching reinstalls.
TORCH_INDEX ?=
TORCH_URL := $(if $(findstring ://,$(TORCH_INDEX)),$(TORCH_INDEX),$(if $(TORCH_INDEX),https://download.pytorch.org/whl/$(TORCH_INDEX)))
TORCH_TAG := $(if $(TORCH_INDEX),-torch-$(notdir $(TORCH_INDEX)))
APP_STAMP := $(VENV)/.installed-app
STAMP := $(VENV)/.installed$(TORCH_TAG)

$(VENV)/bin/python:
	@$(MAKE) --no-print-directory apt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# The typing app alone: no torch, no trainer.
$(APP_STAMP): pyproject.toml constraints.txt | $(VENV)/bin/python
	$(PIP) install -q -c constraints.txt -e '.[desktop]'
	@touch $(APP_STAMP)

# Everything: the app, the trainer and the dev tools.
$(STAMP): pyproject.toml constraints.txt | $(VENV)/bin/python
	# torch first and on its own, pinned: a looser requirement pulls a multi-GB CUDA build.
	@# switching builds: a torch of the same version but another build (+cpu, +cu128) must be replaced
	force=; if [ -n "$(TORCH_URL)" ] && ! $(PY) -c "import sys, torch; sys.exit(not torch.__version__.endswith('+$(notdir $(TORCH_INDEX))'))" 2>/dev/null; then force=--force-reinstall; fi; \
	$(PIP) install -q -c constraints.txt $(if $(TORCH_URL),--index-url $(TORCH_URL)) $$force torch
	$(PIP) install -q -c constraints.txt -e '.[desktop,train,dev]'
	$(PY) -c "import torch; print('torch', torch.__version__, 'CUDA' if torch.version.cuda else 'CPU-only', 'build')"
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install everything

run: $(APP_STAMP) ## Set up the app alone (no torch) and open it on the shipped default model
	$(PY) -m desktop

test: $(STAMP) ## Set up and run the test suite (offscreen Qt)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP) ## ruff + import-linter layering contracts
	$(VENV)/bin/ruff check core desktop trainer tests
	$(VENV)/bin/lint-imports

EXCLUDE ?= $(DEV) $(wildcard $(DATA)/sentiment/*_dev.tsv $(DATA)/sentiment/*_test*.tsv)

# The word lists of idioms, poem phrases, names and terms (MIT/Apache-2.0 sources), built outside
# the repository by scripts/coverage/build_extra_corpus.py (see its README); left out when absent.
EXTRA ?= ../extra_corpus

lexicon: $(STAMP) ## Rebuild resources/lexicon (word trigram, clause links, initials' prior, trigger pairs) from jieba, pypinyin, the corpus and EXTRA's word lists, leaving out lines with dev/test clauses (DATA=../shared/data)
	$(PY) -m core.lexicon.compile --corpus $(DATA)/corpus --out resources/lexicon --exclude $(EXCLUDE) \
	  $(if $(wildcard $(EXTRA)/words_jieba_scale.tsv),--words $(EXTRA)/words_jieba_scale.tsv --provenance $(EXTRA)/provenance.json)

eval: $(STAMP) ## Evaluate on the p2c dev set (DEV=file; neural row cross-validated by tune-rescore) and sentiment test files
	$(VENV)/bin/yinzi-train eval-ime --input $(DEV) --json runs/eval-ime.json
	@if [ -d resources/models/p2c-default ]; then $(VENV)/bin/yinzi-train eval-ime --input $(DEV) --model resources/models/p2c-default --json runs/eval-ime-neural.json; fi
	@if [ -d resources/models/p2c-default ]; then $(VENV)/bin/yinzi-train eval-ime --input $(DEV) --model resources/models/p2c-default --int8 --json runs/eval-ime-neural-int8.json; fi
	@# the neural figure to quote: each half of DEV rescored with the weight tuned on the other half
	@if [ -d resources/models/p2c-default ]; then $(VENV)/bin/yinzi-train tune-rescore --input $(DEV) --model resources/models/p2c-default --int8 --json runs/tune-rescore.json; fi
	@if [ -d resources/models/sentiment-default ]; then $(VENV)/bin/yinzi-train eval-sentiment --data $(DATA)/sentiment --json runs/eval-sentiment.json; fi

bench: $(STAMP) ## Benchmarks: keystroke latency (also with 3,000 user words; ADAPTED=DIR compares an adapted model), lexicon load, app paint latency
	$(PY) -m core.bench --input $(DEV) $(if $(ADAPTED),--adapted $(ADAPTED))
	QT_QPA_PLATFORM=offscreen $(PY) -m desktop.bench --document $(DEV)

screenshots: $(STAMP) ## PNGs of the main window, candidate bar, analysis panel, batch window, wizard pages, model manager (Xvfb, CJK font)
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) -m desktop.screenshots --out docs/screenshots

BUILD_STAMP := $(VENV)/.installed-build
$(BUILD_STAMP): pyproject.toml constraints.txt $(STAMP)
	$(PIP) install -q -c constraints.txt -e '.[build]'
	@touch $(BUILD_STAMP)

PYINSTALLER := $(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build
# The app bundle's size limit (unpacked, Linux x86-64, MiB): the 300 MB target. The bundle is
# 295.3 MB: the word-trigram lexicon and its word lists took it to 308.8 MB, and leaving out
# files nothing in it reads (jieba's pickles, the GTK theme's libraries, OpenCC's other
# dictionaries) brought it back under (docs/INSTALL.md).
BUNDLE_BUDGET_MB ?= 300

bundle: $(BUILD_STAMP) ## PyInstaller one-folder bundle of the typing app (no torch): dist/yinzi, fails over BUNDLE_BUDGET_MB
	$(PYINSTALLER) packaging/yinzi.spec
	$(PY) scripts/packaging/bundle_report.py dist/yinzi --no-compress --budget-mb $(BUNDLE_BUDGET_MB)

bundle-trainer: $(BUILD_STAMP) ## PyInstaller bundle of yinzi-train (with the installed torch): dist/yinzi-trainer
	$(PYINSTALLER) packaging/yinzi-trainer.spec
	$(PY) scripts/packaging/bundle_report.py dist/yinzi-trainer --no-compress

bundle-test: bundle ## Build the app bundle and test the frozen executable as installed (clean env, empty HOME)
	$(PY) scripts/packaging/bundle_test.py dist/yinzi

bundle-test-trainer: bundle-trainer ## Build the trainer bundle; --version, devices --json and a short adapt from it
	$(PY) scripts/packaging/trainer_bundle_test.py dist/yinzi-trainer

dist: bundle ## dist/yinzi-VERSION-linux-x86_64.tar.gz (install.sh) and an AppImage when appimagetool is on PATH
	$(PY) scripts/packaging/make_dist.py --bundle dist/yinzi $(if $(wildcard dist/yinzi-trainer/yinzi-train),--trainer dist/yinzi-trainer) --out dist
	$(PY) scripts/packaging/install_test.py dist

icons: ## Render resources/icons/yinzi.svg to PNG/ICO/ICNS (Qt; Pillow for ICO/ICNS)
	$(PY) scripts/packaging/render_icons.py

clean: ## Remove build outputs (keeps .venv)
	rm -rf build dist .pytest_cache runs
