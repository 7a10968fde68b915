"""Developer tools for Startpunt: a throwaway headless desktop (``devtools.rig``) and friends.

Nothing in here ships with the app; it is used by the end-to-end tests, the benchmarks
and by developers who want to see the tray app on a real (virtual) desktop.
"""
