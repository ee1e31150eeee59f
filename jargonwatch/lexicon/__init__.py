"""Lexicons: schema, loading, surface forms and checks."""
