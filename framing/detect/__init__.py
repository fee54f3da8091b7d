"""Detectors: each turns segmented text into flags or quotes; none prints."""
