# nabij: the two commands of the README (make run, make test) and a few more.
# Each installs the Debian packages it needs when they are missing.

PACKAGES = gcc meson ninja-build pkg-config gettext tzdata tmux \
	libsqlite3-dev libjansson-dev libcsv-dev libcmocka-dev

.PHONY: all deps build run test fuzz install pot clean

all: build

deps:
	@missing=""; \
	for p in $(PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' \
			|| missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing the Debian packages nabij needs:$$missing"; \
		sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	@[ -f build/build.ninja ] || meson setup build
	@ninja -C build

# The main job: a check-in on the default database, then the day.
run: build
	@./build/nabij checkin && ./build/nabij today

# Every test, in a normal and in a sanitizer build; the last line is the summary.
test: deps
	@sh tests/run-all.sh

# Coverage-guided fuzzing with libFuzzer (clang); SECONDS per harness.
fuzz: deps
	@[ -f build-fuzz/build.ninja ] || CC=clang meson setup build-fuzz -Dfuzz=true \
		-Db_sanitize=address,undefined -Db_lundef=false
	@ninja -C build-fuzz
	@for h in json fields; do \
		mkdir -p build-fuzz/corpus-$$h && cp tests/fuzz/corpus/$$h/* build-fuzz/corpus-$$h/; \
		./build-fuzz/tests/fuzz/libfuzzer_$$h -max_total_time=$${SECONDS:-60} \
			build-fuzz/corpus-$$h || exit 1; \
	done

install: build
	meson install -C build

# Regenerate po/nabij.pot after changing user-facing text.
pot: build
	ninja -C build nabij-pot

clean:
	rm -rf build build-san build-fuzz
