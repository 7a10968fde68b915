"""UI tests run offscreen, in English, with pytest-qt's QApplication."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANG"] = "en_US.UTF-8"
os.environ["LANGUAGE"] = "en"
