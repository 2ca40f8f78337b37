"""Optional analysis backends that replace claimx's tokenizer, tagger and parser (see ``stanza``)."""
