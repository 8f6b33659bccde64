"""Ways out for people: the static HTML report (and, later, the HTTP API and dashboard)."""
