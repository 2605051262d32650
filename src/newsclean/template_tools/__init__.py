"""Tools for writing and sharing site templates: check, draft, and import FiveFilters rules."""
