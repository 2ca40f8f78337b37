"""Indonesian language data for claimx: tokenizer rules, exceptions and data files."""
