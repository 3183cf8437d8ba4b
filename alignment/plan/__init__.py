"""The reference plan: its model (chapters, sections, measures, targets), the parser that reads it
from a plan document, quantified targets and indicator tables."""
