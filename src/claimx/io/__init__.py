"""Readers (inputs → documents) and writers (records → files), one module per concern."""
