"""The analysis: segmentation, the plan index, document sentences, rule-file lexicons, priority
industries, red lines, location and sub-plan consistency, composed by :mod:`alignment.scoring.analysis`
into one :class:`~alignment.scoring.result.AlignmentResult`."""
