"""Pure-Python services: domain model, intranet port, connectors, poller. No Qt here."""
