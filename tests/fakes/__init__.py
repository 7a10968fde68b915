"""Test doubles shared by the unit and ui tests."""
