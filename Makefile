# Turnus: `make run` opens the app, `make test` checks everything (and installs what it needs).
# Works on a fresh Debian 12 or Ubuntu machine with Rust (rustup) and Node.js 20 or newer.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

CARGO ?= cargo
NPM ?= npm
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

APT_PACKAGES := libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev \
	libxdo-dev libssl-dev pkg-config build-essential xvfb webkit2gtk-driver chromium \
	poppler-utils imagemagick fonts-dejavu-core

TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
TAURI_DRIVER := $(or $(shell command -v tauri-driver 2>/dev/null),$(HOME)/.cargo/bin/tauri-driver)
UI_SOURCES := $(shell find ui/src ui/public -type f 2>/dev/null) ui/index.html ui/vite.config.ts \
	ui/svelte.config.js ui/tsconfig.json ui/package-lock.json

.PHONY: deps deps-apt deps-npm deps-tauri-driver ui build run lint test test-rust test-ui \
	test-browser test-e2e test-package bench bench-cpsat bindings package

## deps: system packages, npm packages and tauri-driver (each skipped when already there)
deps: deps-apt deps-npm deps-tauri-driver

deps-apt:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$missing"; \
	  $(SUDO) apt-get update; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	else \
	  echo "deps: system packages already installed"; \
	fi

deps-npm: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	cd ui && $(NPM) ci --no-audit --no-fund
	@touch $@

deps-tauri-driver:
	@if [ -x "$(TAURI_DRIVER)" ]; then \
	  echo "deps: tauri-driver already installed"; \
	else \
	  $(CARGO) install tauri-driver --locked; \
	fi

## ui: the front end into ui/dist (the app crate embeds it, so it comes first)
ui: ui/dist/index.html

ui/dist/index.html: ui/node_modules/.package-lock.json $(UI_SOURCES)
	cd ui && $(NPM) run build

## build: the UI, then every crate of the workspace
build: ui
	$(CARGO) build --workspace

## run: install what is missing (as `make test` does), build, then open the window
run: deps build
	./target/debug/turnus

## lint: formatting, clippy with warnings as errors, svelte-check
lint: ui
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	cd ui && $(NPM) run check

## test: everything a user would meet, from the core's tests to the real window under Xvfb
test: deps build lint
	$(MAKE) --no-print-directory test-rust test-ui test-browser test-e2e test-package

test-rust: ui
	$(CARGO) test --workspace

test-ui: deps-npm
	cd ui && $(NPM) test

## test-browser: the UI in Chromium on the real core, through the loopback test server
test-browser: ui
	$(CARGO) build -p turnus --example ui_test_server
	cd ui && TURNUS_UI_TEST_SERVER=$(TARGET_DIR)/debug/examples/ui_test_server $(NPM) run test:browser

test-e2e: build
	cd ui && $(NPM) run test:e2e

## bindings: rewrite ui/src/lib/bindings from the Rust types that cross IPC
bindings:
	TURNUS_WRITE_BINDINGS=1 $(CARGO) test -p turnus --test bindings

bench:
	$(CARGO) bench -p turnus

## bench-cpsat: `turnus suggest` at 2 s beside OR-Tools CP-SAT at 10 s (docs/suggest.md); not in `make test`
CPSAT_VENV := $(TARGET_DIR)/cpsat-venv
bench-cpsat:
	@[ -x "$(CPSAT_VENV)/bin/python" ] || python3 -m venv "$(CPSAT_VENV)"
	@"$(CPSAT_VENV)/bin/python" -c "import ortools" 2>/dev/null || "$(CPSAT_VENV)/bin/pip" install --quiet ortools
	$(CARGO) build --release -p turnus --example turnus_cli
	cd benches/cpsat && "$(CPSAT_VENV)/bin/python" compare.py "$(TARGET_DIR)/release/examples/turnus_cli" "$(TARGET_DIR)/suggest-bench"

## package: a .deb in target/release/bundle/deb, through npm's Tauri CLI (never the crates.io
## tauri-cli, which takes minutes to compile); the CLI runs `npm run build` in ui/ first
package: deps-npm ui
	ui/node_modules/.bin/tauri build --bundles deb -- -p turnus-app
	tests/package/check-deb.sh $$(ls -t target/release/bundle/deb/*.deb | head -n 1)

## test-package: the same .deb from the debug build (fast), checked: part of `make test`
test-package: deps-npm ui
	ui/node_modules/.bin/tauri build --debug --bundles deb -- -p turnus-app
	tests/package/check-deb.sh $$(ls -t target/debug/bundle/deb/*.deb | head -n 1)