"""Just enough libX11 (through ctypes) for the rig to ask who owns an X selection.

Loads libX11 on first use only, so importing this needs no X libraries.
"""

from __future__ import annotations

import ctypes
import ctypes.util

__all__ = ["selection_owned"]


def selection_owned(display: str, selection: str) -> bool:
    """Whether some client owns ``selection`` (e.g. ``_NET_SYSTEM_TRAY_S0``) on ``display``."""
    return _XLib.selection_owned(display, selection)


class _XLib:
    """Just enough libX11 (through ctypes) to ask who owns an X selection."""

    _lib: ctypes.CDLL | None = None

    @classmethod
    def lib(cls) -> ctypes.CDLL:
        if cls._lib is None:
            lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
            lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
            lib.XOpenDisplay.restype = ctypes.c_void_p
            lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
            lib.XInternAtom.restype = ctypes.c_ulong
            lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
            lib.XGetSelectionOwner.restype = ctypes.c_ulong
            lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
            lib.XCloseDisplay.restype = ctypes.c_int
            cls._lib = lib
        return cls._lib

    @classmethod
    def selection_owned(cls, display: str, selection: str) -> bool:
        lib = cls.lib()
        dpy = lib.XOpenDisplay(display.encode())
        if not dpy:
            return False
        try:
            atom = lib.XInternAtom(dpy, selection.encode(), 0)
            return bool(lib.XGetSelectionOwner(dpy, atom))
        finally:
            lib.XCloseDisplay(dpy)
