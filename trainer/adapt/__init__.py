"""`yinzi-train adapt`: the user's text -> an adapted model folder (domain lexicon layer,
continued pinyin-hanzi model, before/after report), one stage per module."""
