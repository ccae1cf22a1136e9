"""Who is who: when two spellings name the same cluster or the same person.

Every stage asks these questions (the roster, the figure links, the records, the validators and the
batch consolidation), and all of them ask here, so they can never disagree.
"""
