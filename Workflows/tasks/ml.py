"""Data set reading, splitting, scaling and the logistic-regression model.

Standard library only, so the example pipelines run wherever python3 does.
Everything here is deterministic: the split uses its own small PRNG rather
than `random`, so a seed names the same held-out rows on every Python
version, and evaluation can rebuild a model's held-out part from the seed
recorded in its artifact.
"""

import math
import os

from task_io import TaskError

ARTIFACT_FORMAT = "cairn-logistic-regression/1"
SPLIT_FORMAT = "cairn-split/1"


# MARK: Data sets


class Dataset:
    """Rows of features with a class index each, and the class names."""

    def __init__(self, path, features, labels, class_names, feature_count):
        self.path = path
        self.features = features
        self.labels = labels
        self.class_names = class_names
        self.feature_count = feature_count

    def class_balance(self):
        """Samples per class name, in class-index order."""
        counts = [0] * len(self.class_names)
        for label in self.labels:
            counts[label] += 1
        return {name: counts[index] for index, name in enumerate(self.class_names)}


def read_dataset(path):
    """Reads and checks a file in scikit-learn's bundled-data format.

    The first line is `n_samples,n_features,class_name,...`; every later line
    is one sample, its features and then its class index. The header is
    checked against the rows, and the first disagreement is an error that
    names the file and the line.
    """
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as stream:
            lines = stream.read().splitlines()
    except FileNotFoundError:
        raise TaskError("Data.FileNotFound", f"{path} does not exist") from None
    except IsADirectoryError:
        raise TaskError("Data.FileNotFound", f"{path} is a directory, not a data file") from None
    except UnicodeDecodeError as error:
        raise TaskError("Data.Unreadable", f"{name} is not UTF-8 text: {error}") from None
    except OSError as error:
        raise TaskError("Data.Unreadable", f"cannot read {path}: {error.strerror}") from None

    # A trailing blank line is a common editor artefact, not a sample.
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise TaskError("Data.Empty", f"{name} is empty")

    header = [field.strip() for field in lines[0].split(",")]
    if len(header) < 4:
        raise TaskError(
            "Data.HeaderInvalid",
            f"{name}: line 1 must be 'n_samples,n_features,class_name,class_name,...' "
            f"but has {len(header)} field(s)",
        )
    declared_rows = _header_count(name, header[0], "n_samples")
    declared_features = _header_count(name, header[1], "n_features")
    class_names = header[2:]
    if any(not class_name for class_name in class_names):
        raise TaskError("Data.HeaderInvalid", f"{name}: line 1 has an empty class name")
    if declared_features < 1:
        raise TaskError("Data.HeaderInvalid", f"{name}: line 1 says 0 features")

    features, labels = [], []
    width = declared_features + 1
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split(",")
        if len(fields) != width:
            raise TaskError(
                "Data.HeaderMismatch",
                f"{name}: header says {declared_features} features but line {number} has "
                f"{len(fields) - 1} (expected {width} values: the features and a class index)",
            )
        row = []
        for column, field in enumerate(fields[:-1], start=1):
            row.append(_number(name, number, column, field))
        features.append(row)
        labels.append(_label(name, number, fields[-1], class_names))

    if len(features) != declared_rows:
        raise TaskError(
            "Data.HeaderMismatch",
            f"{name}: header says {declared_rows} rows but the file has {len(features)}",
        )
    return Dataset(path, features, labels, class_names, declared_features)


def _header_count(name, field, what):
    if not field.isdigit():
        raise TaskError(
            "Data.HeaderInvalid",
            f"{name}: line 1 must start with {what} as a whole number, not '{field}'",
        )
    return int(field)


def _number(name, line, column, field):
    try:
        value = float(field)
    except ValueError:
        raise TaskError(
            "Data.InvalidValue",
            f"{name}: line {line}, feature {column} is not a number: '{field.strip()}'",
        ) from None
    if not math.isfinite(value):
        raise TaskError(
            "Data.InvalidValue",
            f"{name}: line {line}, feature {column} is not a finite number: '{field.strip()}'",
        )
    return value


def _label(name, line, field, class_names):
    text = field.strip()
    if not text.isdigit() or int(text) >= len(class_names):
        raise TaskError(
            "Data.LabelOutOfRange",
            f"{name}: line {line} has class index '{text}' but the header names "
            f"{len(class_names)} classes (0 to {len(class_names) - 1})",
        )
    return int(text)


# MARK: Splitting


class SplitMix64:
    """A tiny PRNG whose sequence is fixed by its definition, not by Python."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def below(self, bound):
        # Rejection sampling keeps every index equally likely.
        limit = (1 << 64) - ((1 << 64) % bound)
        while True:
            value = self.next()
            if value < limit:
                return value % bound

    def shuffle(self, items):
        for index in range(len(items) - 1, 0, -1):
            other = self.below(index + 1)
            items[index], items[other] = items[other], items[index]


def stratified_split(labels, test_fraction, seed):
    """Row indices of the training and test parts, each class split alike.

    Every class puts round(count * test_fraction) of its rows, chosen by the
    seeded shuffle, into the test part, so both parts keep the class balance.
    Both index lists come back sorted.
    """
    if not 0 < test_fraction < 1:
        raise TaskError(
            "Input.Invalid", f"testFraction must be between 0 and 1, not {test_fraction}"
        )
    generator = SplitMix64(seed)
    train, test = [], []
    for label in sorted(set(labels)):
        rows = [index for index, value in enumerate(labels) if value == label]
        generator.shuffle(rows)
        take = int(math.floor(len(rows) * test_fraction + 0.5))
        if take == 0 or take == len(rows):
            raise TaskError(
                "Data.TooFewSamples",
                f"class {label} has {len(rows)} rows: too few to put a fraction of "
                f"{test_fraction} in the test part and keep some for training",
            )
        test.extend(rows[:take])
        train.extend(rows[take:])
    return sorted(train), sorted(test)


# MARK: Scaling


def fit_scaler(rows):
    """Per-feature mean and population standard deviation of `rows`.

    A constant feature gets a standard deviation of 1 so that scaling leaves
    it at 0 instead of dividing by zero.
    """
    count = len(rows)
    width = len(rows[0])
    means = [sum(row[column] for row in rows) / count for column in range(width)]
    stds = []
    for column in range(width):
        variance = sum((row[column] - means[column]) ** 2 for row in rows) / count
        std = math.sqrt(variance)
        stds.append(std if std > 1e-12 else 1.0)
    return means, stds


def scale(rows, means, stds):
    return [[(value - means[i]) / stds[i] for i, value in enumerate(row)] for row in rows]


# MARK: Model


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def softmax(scores):
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return [value / total for value in exps]


def dot(weights, row):
    return sum(w * x for w, x in zip(weights, row))


class LogisticRegression:
    """Binary logistic regression, or softmax regression for more classes.

    Binary: `weights` is one list and `bias` one number, and the score is
    the probability of class 1. More classes: one weight list and bias per
    class. Weights apply to standardised features.
    """

    def __init__(self, class_count, feature_count):
        self.class_count = class_count
        self.binary = class_count == 2
        if self.binary:
            self.weights = [0.0] * feature_count
            self.bias = 0.0
        else:
            self.weights = [[0.0] * feature_count for _ in range(class_count)]
            self.bias = [0.0] * class_count

    def probabilities(self, row):
        if self.binary:
            p = sigmoid(dot(self.weights, row) + self.bias)
            return [1.0 - p, p]
        return softmax([dot(w, row) + b for w, b in zip(self.weights, self.bias)])

    def predict(self, row):
        probabilities = self.probabilities(row)
        return max(range(len(probabilities)), key=lambda index: probabilities[index])

    def loss(self, rows, labels, l2):
        """Mean cross-entropy plus (l2 / 2) * the squared norm of the weights."""
        total = 0.0
        for row, label in zip(rows, labels):
            total += -math.log(max(self.probabilities(row)[label], 1e-300))
        flat = self.weights if self.binary else [w for ws in self.weights for w in ws]
        return total / len(rows) + 0.5 * l2 * sum(w * w for w in flat)

    def step(self, rows, labels, learning_rate, l2):
        """One batch gradient-descent step over all rows."""
        count = len(rows)
        width = len(rows[0])
        if self.binary:
            gradient = [0.0] * width
            gradient_bias = 0.0
            for row, label in zip(rows, labels):
                error = sigmoid(dot(self.weights, row) + self.bias) - label
                gradient_bias += error
                for i, value in enumerate(row):
                    gradient[i] += error * value
            self.weights = [
                w - learning_rate * (g / count + l2 * w) for w, g in zip(self.weights, gradient)
            ]
            self.bias -= learning_rate * gradient_bias / count
            return
        gradients = [[0.0] * width for _ in range(self.class_count)]
        gradient_bias = [0.0] * self.class_count
        for row, label in zip(rows, labels):
            probabilities = self.probabilities(row)
            for k in range(self.class_count):
                error = probabilities[k] - (1.0 if k == label else 0.0)
                gradient_bias[k] += error
                for i, value in enumerate(row):
                    gradients[k][i] += error * value
        for k in range(self.class_count):
            self.weights[k] = [
                w - learning_rate * (g / count + l2 * w)
                for w, g in zip(self.weights[k], gradients[k])
            ]
            self.bias[k] -= learning_rate * gradient_bias[k] / count


def load_artifact(path):
    """Reads a model artifact and checks its shape; returns (artifact, model)."""
    from task_io import read_json_file

    artifact = read_json_file(
        path, "Model.ArtifactNotFound", "Model.ArtifactInvalid", "model artifact"
    )
    name = os.path.basename(path)

    def invalid(problem):
        return TaskError("Model.ArtifactInvalid", f"{name}: {problem}")

    if not isinstance(artifact, dict):
        raise invalid("the artifact must be a JSON object")
    if artifact.get("format") != ARTIFACT_FORMAT:
        raise invalid(f"'format' must be '{ARTIFACT_FORMAT}', not {artifact.get('format')!r}")
    class_names = artifact.get("classNames")
    if (
        not isinstance(class_names, list)
        or len(class_names) < 2
        or not all(isinstance(n, str) and n for n in class_names)
    ):
        raise invalid("'classNames' must list at least two class names")
    scaler = artifact.get("scaler")
    if not isinstance(scaler, dict):
        raise invalid("'scaler' must be an object with 'means' and 'stds'")
    means, stds = scaler.get("means"), scaler.get("stds")
    if not _numbers(means) or not means:
        raise invalid("'scaler.means' must be a non-empty list of numbers")
    width = len(means)
    if not _numbers(stds) or len(stds) != width:
        raise invalid(f"'scaler.stds' must be {width} numbers, like 'scaler.means'")
    if any(s <= 0 for s in stds):
        raise invalid("'scaler.stds' must all be positive")
    model = LogisticRegression(len(class_names), width)
    weights, bias = artifact.get("weights"), artifact.get("bias")
    if model.binary:
        if not _numbers(weights) or len(weights) != width:
            raise invalid(f"'weights' must be {width} numbers (one per feature)")
        if not _number_value(bias):
            raise invalid("'bias' must be a number for a two-class model")
        model.weights, model.bias = [float(w) for w in weights], float(bias)
    else:
        classes = len(class_names)
        if (
            not isinstance(weights, list)
            or len(weights) != classes
            or not all(_numbers(w) and len(w) == width for w in weights)
        ):
            raise invalid(f"'weights' must be {classes} lists of {width} numbers")
        if not _numbers(bias) or len(bias) != classes:
            raise invalid(f"'bias' must be {classes} numbers (one per class)")
        model.weights = [[float(v) for v in w] for w in weights]
        model.bias = [float(b) for b in bias]
    return artifact, model


def _number_value(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _numbers(values):
    return isinstance(values, list) and all(_number_value(v) for v in values)
