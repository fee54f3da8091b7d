"""Sentence bias classifier: features, training (scikit-learn), safe pure-Python prediction.

`predict.load_model()` gives the shipped model (trained on BABE; see docs/classifier.md);
`commands.train` / `commands.evaluate` are the CLI commands. Nothing heavy is imported here.
"""

#: A sentence reads as biased when the classifier gives it at least this probability.
BIASED = 0.5
