"""Pure functions behind the quantities component: number phrases, units and currencies, modifiers.

Nothing here needs spaCy; the lexicons are models/quantity_*.json.
"""
