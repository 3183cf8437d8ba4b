"""Readers: each supported format into one :class:`~alignment.documents.model.Document`."""
