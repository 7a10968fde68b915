# Startpunt developer commands. The two that matter:
#   make demo    install into .venv and run `startpunt --demo`
#   make check   install everything (system packages too) and run every check and test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Programs the end-to-end tests and benchmarks run the app with (a headless desktop).
RIG_PROGRAMS := Xvfb dbus-daemon dbus-monitor dunst dunstctl gtk-sni-tray-standalone trayer import \
	desktop-file-validate gnome-keyring-daemon secret-tool appstreamcli readelf objdump strip
APT_PACKAGES := xvfb xauth dbus dbus-x11 dunst libnotify-bin x11-utils xdotool imagemagick \
	trayer haskell-gtk-sni-tray-utils libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 \
	libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 \
	libxcb-xinerama0 libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 \
	fonts-dejavu-core procps desktop-file-utils gnome-keyring libsecret-tools appstream binutils

.PHONY: demo check lint test system-deps bench kill-test real real-down clean dist dist-test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/startpunt --demo

# Installs the desktop packages only when one of the programs is missing (Debian/Ubuntu).
system-deps:
	@missing=""; for p in $(RIG_PROGRAMS); do command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing desktop packages for the end-to-end tests (missing:$$missing)"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			--no-install-recommends $(APT_PACKAGES); \
	fi

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/mypy packaging/icons.py packaging/entry.py
	$(BIN)/mypy packaging/linux/build_deb.py packaging/linux/deb_files.py
	$(BIN)/lint-imports
	BIN=$(BIN) scripts/i18n --check

test: $(STAMP) system-deps
	$(BIN)/coverage run -m pytest
	$(BIN)/coverage report --include='services/*' --fail-under=90

# The dist tests (tests/dist, inside the normal test run) use what `make dist` built.
check: export STARTPUNT_DIST_DIR = $(CURDIR)/dist
check: lint dist test

bench: $(STAMP) system-deps
	$(BIN)/python -m devtools.rig -- $(BIN)/python -m benchmarks.run

# The long crash run of the outbox: 1,000 SIGKILLs at named points of the send path.
kill-test: $(STAMP)
	STARTPUNT_LONG=1 $(BIN)/python -m pytest -q -s tests/faults

# Only the tests against the real HumHub of ../shared/humhub-real (part of `make check` too);
# the server is brought up in .humhub-real/state and stopped at the end of the run.
real: $(STAMP)
	$(BIN)/python -m pytest -q -m real tests/real tests/contract tests/e2e

# Stops a real HumHub a crashed test run left running (by the PIDs the kit recorded).
real-down:
	../shared/humhub-real/down.sh .humhub-real/state

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis .coverage

# The wheel, the sdist, the Linux bundle (dist/bundle/startpunt/) and the .deb, into dist/.
dist: $(STAMP) system-deps
	rm -rf dist/bundle dist/startpunt-* dist/startpunt_*.deb
	$(BIN)/python -m build --outdir dist .
	$(BIN)/python packaging/linux/build_deb.py --out dist

# Only the tests of the built packages, against what `make dist` built.
dist-test: dist system-deps
	QT_QPA_PLATFORM=offscreen STARTPUNT_DIST_DIR=$(CURDIR)/dist $(BIN)/python -m pytest -q tests/dist
