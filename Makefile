# nabij: the two commands of the README (make run, make test) and a few more.
# Each installs the Debian packages it needs when they are missing.

PACKAGES = gcc meson ninja-build pkg-config gettext tzdata \
	libssl-dev libjansson-dev libcsv-dev libmicrohttpd-dev libzip-dev libsodium-dev libcairo2-dev \
	libpq-dev liboath-dev libqrencode-dev
# The SQLite engine: SQLCipher's amalgamation from npm, pinned in deps/sqlcipher.
AMALGAMATION = deps/sqlcipher/node_modules/@journeyapps/sqlcipher/deps/sqlcipher-amalgamation
# What the tests need besides: the terminal and browser tests' tools.
TEST_PACKAGES = $(PACKAGES) libcmocka-dev tmux curl chromium hyperfine wrk time sqlite3 poppler-utils clang libclang-rt-14-dev valgrind \
	postgresql

.PHONY: all deps test-deps install-packages build run cli test test-hosted screenshots fuzz fuzz-serve fuzz-one valgrind bench install pot docs clean

all: build

deps:
	@$(MAKE) -s install-packages WANT="$(PACKAGES)"
	@command -v npm >/dev/null || $(MAKE) -s install-packages WANT="nodejs npm"
	@[ -f $(AMALGAMATION)/sqlite3.c ] || \
		(cd deps/sqlcipher && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

test-deps: deps
	@$(MAKE) -s install-packages WANT="$(TEST_PACKAGES)"
	@[ -d tests/web/node_modules/playwright-core ] && [ -d tests/web/node_modules/axe-core ] || \
		(cd tests/web && npm ci --no-audit --no-fund --loglevel=error)

install-packages:
	@missing=""; \
	for p in $(WANT); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' \
			|| missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing the Debian packages nabij needs:$$missing"; \
		sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		$$sudo apt-get -o DPkg::Lock::Timeout=300 update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends $$missing; \
	fi

# Building installs nothing: "make deps" does (make run and make test call it).
build:
	@command -v meson >/dev/null && [ -f $(AMALGAMATION)/sqlite3.c ] || \
		{ echo "nabij: the build needs its packages and the SQLite engine first: make deps"; exit 1; }
	@[ -f build/build.ninja ] || meson setup build
	@ninja -C build

# The main job: nabij in the browser, on the default database.
run: deps
	@$(MAKE) -s build
	@./build/nabij ui

# The same practice in the terminal: a check-in, then the day.
cli: deps
	@$(MAKE) -s build
	@./build/nabij checkin && ./build/nabij today

# Every test, in a normal and in a sanitizer build; the last line is the summary.
test: test-deps
	@sh tests/run-all.sh

# Only the suites of nabij serve, each beside a PostgreSQL of its own
# (tests/hosted/with-pg.sh); the last line is the summary.
test-hosted: test-deps
	@$(MAKE) -s build
	@meson test -C build --suite hosted --print-errorlogs >build/test-hosted.txt 2>&1; \
		status=$$?; grep -E '^ *[0-9]+/[0-9]+ ' build/test-hosted.txt; \
		[ $$status -eq 0 ] || sed -n '/^stdout:/,$$p' build/test-hosted.txt | head -80; \
		python3 tests/summary.py build; exit $$status

# The README's pictures (docs/screenshots/): a phone and a desktop, light and
# dark, on the browser test's data and clock. make test never writes there.
screenshots: test-deps
	@$(MAKE) -s build
	@node tests/web/look.mjs build/nabij --readme docs/screenshots

# Coverage-guided fuzzing with libFuzzer (clang); SECONDS per harness.
# nabij serve's pages (serve) run beside a PostgreSQL of their own
# (tests/hosted/with-pg.sh); make fuzz-serve runs that one alone.
fuzz: test-deps
	@[ -f build-fuzz/build.ninja ] || CC=clang meson setup build-fuzz -Dfuzz=true \
		-Db_sanitize=address,undefined -Db_lundef=false
	@ninja -C build-fuzz
	@for h in $$(cat tests/fuzz/harnesses); do \
		$(MAKE) -s fuzz-one H=$$h || exit 1; \
	done

fuzz-serve: test-deps
	@[ -f build-fuzz/build.ninja ] || CC=clang meson setup build-fuzz -Dfuzz=true \
		-Db_sanitize=address,undefined -Db_lundef=false
	@ninja -C build-fuzz
	@$(MAKE) -s fuzz-one H=serve

# One harness H from its seed corpus (a harness of nabij serve's is not
# built without libpq: then it is said and passed by).
fuzz-one:
	@[ -x build-fuzz/tests/fuzz/libfuzzer_$(H) ] || { echo "fuzz-$(H): not built (no libpq)"; exit 0; }; \
	mkdir -p build-fuzz/corpus-$(H) && cp tests/fuzz/corpus/$(H)/* build-fuzz/corpus-$(H)/; \
	pg=""; [ "$(H)" != serve ] || pg=tests/hosted/with-pg.sh; \
	$$pg ./build-fuzz/tests/fuzz/libfuzzer_$(H) -max_total_time=$${SECONDS:-60} -timeout=10 \
		build-fuzz/corpus-$(H)

# Every suite with nabij under valgrind (about twenty-five minutes).
valgrind: test-deps
	@$(MAKE) -s build
	@sh tests/valgrind/run.sh build --full

# The benchmark: an optimised build, 1k, 10k and 50k records; writes bench/RESULTS.md.
bench: test-deps
	@python3 bench/run

install: build
	meson install -C build

# Regenerate po/nabij.pot after changing user-facing text.
pot: build
	ninja -C build nabij-pot

# Write anew the parts of doc/nabij.1, completion/nabij.bash and docs/FORMAT.md
# that follow from the field rows (src/core/field.c); make test checks them.
docs: build
	ninja -C build docs

clean:
	rm -rf build build-san build-fuzz build-bench
