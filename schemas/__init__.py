"""Declarative knowledge and contracts: YAML lexicons, the outlet gazetteer, JSON Schemas.

Installed as ``provenance.schemas``; the files are read with :mod:`importlib.resources`.
"""
