def find_decisions(doc, protocol, item, units, names, entities):
    return []
