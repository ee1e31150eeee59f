"""Detectors: each turns a parsed text into candidate findings for one family of problems."""
