"""Suite-wide plugins: the real HumHub fixture (tests/real/plugin.py) for tests/real and e2e."""

pytest_plugins = ("tests.real.plugin",)
