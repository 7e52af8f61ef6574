"""Tests of the example pipelines' task scripts under the cairn:exec contract.

Run from the repository root (standard library only):

    python3 -m unittest discover -s Workflows/tasks/tests -v

Each script runs as Cairn would run it: a child process in Workflows/ with
the task input on stdin and the CAIRN_* variables set; the tests check the
exit status, that stdout holds exactly one JSON value, and the error line.
"""

import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

TESTS = os.path.dirname(os.path.abspath(__file__))
TASKS = os.path.dirname(TESTS)
WORKFLOWS = os.path.dirname(TASKS)
sys.path.insert(0, TASKS)

import evaluate  # noqa: E402
import ml  # noqa: E402

BREAST_CANCER = "data/breast_cancer.csv"
HEADER = "569,30,malignant,benign"


def run_task(script, payload, execution_id="test-execution", extra_env=None, raw_stdin=None):
    """Runs tasks/<script> like cairn:exec; returns (exit code, stdout lines, stderr)."""
    env = dict(os.environ)
    env.update(
        {
            "CAIRN_EXECUTION_ID": execution_id,
            "CAIRN_STATE_NAME": script.replace(".py", ""),
            "CAIRN_ATTEMPT": "1",
            "CAIRN_IDEMPOTENCY_KEY": f"{execution_id}/{script}/1",
        }
    )
    env.update(extra_env or {})
    completed = subprocess.run(
        [sys.executable, os.path.join("tasks", script)],
        input=raw_stdin if raw_stdin is not None else json.dumps(payload),
        capture_output=True,
        text=True,
        cwd=WORKFLOWS,
        env=env,
        timeout=300,
        check=False,
    )
    return completed.returncode, completed.stdout.splitlines(), completed.stderr


class TaskTestCase(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.mkdtemp(prefix="cairn-task-tests-")
        self.addCleanup(shutil.rmtree, self.scratch, ignore_errors=True)

    def succeed(self, script, payload, **options):
        code, lines, stderr = run_task(script, payload, **options)
        self.assertEqual(code, 0, f"{script} failed: {lines} {stderr}")
        self.assertEqual(len(lines), 1, f"stdout must hold one JSON line, got {lines}")
        return json.loads(lines[0])

    def fail_with(self, script, payload, error, cause_part=None, **options):
        code, lines, stderr = run_task(script, payload, **options)
        self.assertNotEqual(code, 0, f"{script} should fail; stdout {lines}")
        self.assertTrue(lines, "a failing task prints its error line on stdout")
        last = json.loads(lines[-1])
        self.assertEqual(sorted(last), ["cause", "error"])
        self.assertEqual(last["error"], error, last["cause"])
        if cause_part is not None:
            self.assertIn(cause_part, last["cause"])
        self.assertIn(error, stderr, "diagnostics go to stderr")
        return last["cause"]

    def write_data(self, name, text):
        path = os.path.join(self.scratch, name)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
        return path

    def breast_cancer_rows(self, count):
        with open(os.path.join(WORKFLOWS, BREAST_CANCER), encoding="utf-8") as stream:
            return stream.read().splitlines()[1 : count + 1]

    def prepare(self, seed=42, execution_id="prepare"):
        return self.succeed(
            "engineer_features.py",
            {"dataset": BREAST_CANCER, "seed": seed, "testFraction": 0.2, "runsRoot": self.scratch},
            execution_id=execution_id,
        )

    def train(self, features, **hyperparameters):
        settings = {"learningRate": 0.1, "epochs": 300, "l2": 0.01}
        settings.update(hyperparameters)
        return self.succeed(
            "train.py",
            {
                "trainPath": features["trainPath"],
                "runDirectory": features["runDirectory"],
                "hyperparameters": settings,
            },
        )


class ValidateDataTests(TaskTestCase):
    def test_real_data_sets_pass_with_their_shape(self):
        cases = [
            (BREAST_CANCER, 569, 30, {"malignant": 212, "benign": 357}),
            ("data/iris.csv", 150, 4, {"setosa": 50, "versicolor": 50, "virginica": 50}),
            ("data/wine_data.csv", 178, 13, {"class_0": 59, "class_1": 71, "class_2": 48}),
        ]
        for path, rows, features, balance in cases:
            with self.subTest(path=path):
                result = self.succeed("validate_data.py", {"dataset": path})
                self.assertEqual(result["path"], path)
                self.assertEqual(result["rows"], rows)
                self.assertEqual(result["features"], features)
                self.assertEqual(result["classNames"], list(balance))
                self.assertEqual(result["classBalance"], balance)

    def test_shipped_broken_header_is_rejected_with_the_exact_cause(self):
        cause = self.fail_with(
            "validate_data.py", {"dataset": "data/broken_header.csv"}, "Data.HeaderMismatch"
        )
        self.assertEqual(cause, "broken_header.csv: header says 569 rows but the file has 60")

    def test_one_row_fewer_than_the_header_says(self):
        path = self.write_data(
            "short.csv", "\n".join([HEADER] + self.breast_cancer_rows(568)) + "\n"
        )
        cause = self.fail_with("validate_data.py", {"dataset": path}, "Data.HeaderMismatch")
        self.assertEqual(cause, "short.csv: header says 569 rows but the file has 568")

    def test_a_row_with_a_missing_feature(self):
        rows = self.breast_cancer_rows(3)
        rows[1] = ",".join(rows[1].split(",")[1:])
        path = self.write_data("narrow.csv", "\n".join(["3,30,malignant,benign"] + rows))
        self.fail_with(
            "validate_data.py",
            {"dataset": path},
            "Data.HeaderMismatch",
            "narrow.csv: header says 30 features but line 3 has 29",
        )

    def test_a_value_that_is_not_a_number(self):
        path = self.write_data("words.csv", "2,2,a,b\n1.0,2.0,0\n1.5,abc,1\n")
        cause = self.fail_with("validate_data.py", {"dataset": path}, "Data.InvalidValue")
        self.assertEqual(cause, "words.csv: line 3, feature 2 is not a number: 'abc'")

    def test_infinite_values_are_rejected(self):
        path = self.write_data("inf.csv", "2,2,a,b\n1.0,inf,0\n1.5,2,1\n")
        self.fail_with(
            "validate_data.py", {"dataset": path}, "Data.InvalidValue", "line 2, feature 2"
        )

    def test_a_class_index_outside_the_named_classes(self):
        path = self.write_data("labels.csv", "2,2,a,b\n1.0,2.0,0\n1.5,2.5,2\n")
        self.fail_with(
            "validate_data.py",
            {"dataset": path},
            "Data.LabelOutOfRange",
            "labels.csv: line 3 has class index '2' but the header names 2 classes (0 to 1)",
        )

    def test_a_header_that_is_not_counts_and_names(self):
        for text, part in [
            ("rows,2,a,b\n1,2,0\n", "line 1 must start with n_samples"),
            ("1,2,a\n1,2,0\n", "line 1 must be"),
            ("1,2,a,\n1,2,0\n", "empty class name"),
        ]:
            with self.subTest(text=text):
                path = self.write_data("header.csv", text)
                self.fail_with("validate_data.py", {"dataset": path}, "Data.HeaderInvalid", part)

    def test_an_empty_file(self):
        path = self.write_data("empty.csv", "\n\n")
        self.fail_with("validate_data.py", {"dataset": path}, "Data.Empty", "empty.csv is empty")

    def test_a_missing_file_names_the_path(self):
        self.fail_with(
            "validate_data.py",
            {"dataset": "data/no_such_file.csv"},
            "Data.FileNotFound",
            "data/no_such_file.csv does not exist",
        )

    def test_bad_task_input(self):
        self.fail_with("validate_data.py", {}, "Input.Invalid", "no 'dataset'")
        self.fail_with("validate_data.py", {"dataset": 3}, "Input.Invalid", "'dataset' must be str")
        self.fail_with("validate_data.py", None, "Input.Invalid", "not JSON", raw_stdin="{oops")
        self.fail_with("validate_data.py", None, "Input.Invalid", "object", raw_stdin="[1]")


class EngineerFeaturesTests(TaskTestCase):
    def test_stratified_split_sizes_and_balance(self):
        result = self.prepare()
        self.assertEqual(result["runDirectory"], os.path.join(self.scratch, "prepare"))
        self.assertEqual((result["trainRows"], result["testRows"]), (456, 113))
        self.assertEqual(result["testClassBalance"], {"malignant": 42, "benign": 71})
        self.assertEqual(result["trainClassBalance"], {"malignant": 170, "benign": 286})
        self.assertEqual(result["split"], {"method": "stratified", "seed": 42, "testFraction": 0.2})
        train = self.load(result["trainPath"])
        test = self.load(result["testPath"])
        self.assertEqual(set(train["rowIndices"]) & set(test["rowIndices"]), set())
        self.assertEqual(sorted(train["rowIndices"] + test["rowIndices"]), list(range(569)))

    def test_scaler_comes_from_the_training_rows_only(self):
        result = self.prepare()
        train = self.load(result["trainPath"])
        dataset = ml.read_dataset(os.path.join(WORKFLOWS, BREAST_CANCER))
        raw_train = [dataset.features[i] for i in train["rowIndices"]]
        means, stds = ml.fit_scaler(raw_train)
        self.assertEqual(result["scaler"], {"means": means, "stds": stds})
        for column in (0, 17, 29):
            values = [row[column] for row in train["features"]]
            self.assertAlmostEqual(sum(values) / len(values), 0.0, places=9)
            spread = math.sqrt(sum(v * v for v in values) / len(values))
            self.assertAlmostEqual(spread, 1.0, places=9)
        test = self.load(result["testPath"])
        first = test["rowIndices"][0]
        expected = (dataset.features[first][3] - means[3]) / stds[3]
        self.assertAlmostEqual(test["features"][0][3], expected, places=12)

    def test_same_seed_same_split_other_seed_other_split(self):
        first = self.load(self.prepare(seed=42, execution_id="a")["testPath"])["rowIndices"]
        again = self.load(self.prepare(seed=42, execution_id="b")["testPath"])["rowIndices"]
        other = self.load(self.prepare(seed=7, execution_id="c")["testPath"])["rowIndices"]
        self.assertEqual(first, again)
        self.assertNotEqual(first, other)

    def test_split_does_not_depend_on_pythons_random(self):
        # Pins SplitMix64, so artifacts' recorded seeds stay valid across Python versions.
        generator = ml.SplitMix64(42)
        self.assertEqual(
            [generator.next() for _ in range(2)],
            [13679457532755275413, 2949826092126892291],
        )

    def test_bad_fraction_and_broken_data(self):
        self.fail_with(
            "engineer_features.py",
            {"dataset": BREAST_CANCER, "testFraction": 1.5, "runsRoot": self.scratch},
            "Input.Invalid",
            "testFraction",
        )
        self.fail_with(
            "engineer_features.py",
            {"dataset": "data/broken_header.csv", "runsRoot": self.scratch},
            "Data.HeaderMismatch",
        )
        path = self.write_data("tiny.csv", "3,1,a,b\n1,0\n2,1\n3,1\n")
        self.fail_with(
            "engineer_features.py",
            {"dataset": path, "runsRoot": self.scratch},
            "Data.TooFewSamples",
            "class 0 has 1 rows",
        )

    @staticmethod
    def load(path):
        with open(path, encoding="utf-8") as stream:
            return json.load(stream)


class TrainTests(TaskTestCase):
    def test_training_writes_a_complete_deterministic_artifact(self):
        features = self.prepare()
        first = self.train(features)
        with open(first["artifactPath"], "rb") as stream:
            first_bytes = stream.read()
        second = self.train(features)
        with open(second["artifactPath"], "rb") as stream:
            self.assertEqual(
                hashlib.sha256(stream.read()).digest(), hashlib.sha256(first_bytes).digest()
            )
        self.assertEqual(
            first["artifactPath"], os.path.join(features["runDirectory"], "model.json")
        )
        self.assertLess(first["trainingLoss"], first["initialLoss"])
        self.assertAlmostEqual(first["initialLoss"], math.log(2), places=12)
        self.assertGreater(first["trainAccuracy"], 0.95)
        self.assertEqual(first["hyperparameters"], {"learningRate": 0.1, "epochs": 300, "l2": 0.01})
        artifact = json.loads(first_bytes)
        self.assertEqual(artifact["format"], "cairn-logistic-regression/1")
        self.assertEqual(artifact["classNames"], ["malignant", "benign"])
        self.assertEqual(len(artifact["weights"]), 30)
        self.assertIsInstance(artifact["bias"], float)
        self.assertEqual(len(artifact["scaler"]["means"]), 30)
        self.assertEqual(artifact["heldOut"]["split"]["seed"], 42)
        self.assertEqual(artifact["training"]["executionId"], "test-execution")

    def test_a_learning_rate_that_blows_up_is_reported(self):
        features = self.prepare()
        self.fail_with(
            "train.py",
            {"trainPath": features["trainPath"], "hyperparameters": {"learningRate": 1000}},
            "Model.TrainingDiverged",
            "lower learningRate",
        )

    def test_bad_hyperparameters_and_missing_split(self):
        features = self.prepare()
        for hyperparameters, part in [
            ({"epochs": 0}, "epochs"),
            ({"learningRate": -1}, "learningRate"),
            ({"l2": -0.5}, "l2"),
            ({"epochs": True}, "'epochs' must be a number"),
        ]:
            with self.subTest(hyperparameters=hyperparameters):
                self.fail_with(
                    "train.py",
                    {"trainPath": features["trainPath"], "hyperparameters": hyperparameters},
                    "Input.Invalid",
                    part,
                )
        self.fail_with(
            "train.py", {"trainPath": os.path.join(self.scratch, "none.json")}, "Data.FileNotFound"
        )

    def test_multiclass_data_trains_a_softmax_model(self):
        features = self.succeed(
            "engineer_features.py",
            {"dataset": "data/iris.csv", "seed": 7, "runsRoot": self.scratch},
        )
        trained = self.train(features, l2=0.001)
        metrics = self.succeed(
            "evaluate.py", {"modelPath": trained["artifactPath"], "testPath": features["testPath"]}
        )
        self.assertEqual(metrics["average"], "macro")
        self.assertIsNone(metrics["positiveClass"])
        self.assertGreaterEqual(metrics["metrics"]["accuracy"], 0.9)


class EvaluateTests(TaskTestCase):
    def test_held_out_accuracy_reaches_the_gate(self):
        features = self.prepare()
        trained = self.train(features)
        result = self.succeed(
            "evaluate.py",
            {
                "modelPath": trained["artifactPath"],
                "testPath": features["testPath"],
                "runDirectory": features["runDirectory"],
            },
        )
        metrics = result["metrics"]
        self.assertEqual(
            sorted(metrics), ["accuracy", "f1", "latency_p95_ms", "precision", "recall"]
        )
        self.assertGreaterEqual(metrics["accuracy"], 0.90)
        self.assertGreaterEqual(metrics["precision"], 0.85)
        self.assertGreaterEqual(metrics["recall"], 0.85)
        self.assertLess(metrics["latency_p95_ms"], 2000)
        self.assertEqual(result["positiveClass"], {"index": 1, "name": "benign"})
        self.assertEqual(result["samples"], 113)
        matrix = result["confusionMatrix"]["rowsActualColumnsPredicted"]
        self.assertEqual(sum(map(sum, matrix)), 113)
        self.assertAlmostEqual(metrics["accuracy"], (matrix[0][0] + matrix[1][1]) / 113)
        with open(result["metricsPath"], encoding="utf-8") as stream:
            self.assertEqual(json.load(stream)["metrics"], metrics)

        # The artifact's own record of its held-out data names the same rows.
        rebuilt = self.succeed("evaluate.py", {"modelPath": trained["artifactPath"]})
        self.assertEqual(rebuilt["confusionMatrix"], result["confusionMatrix"])
        self.assertEqual(rebuilt["data"]["part"], "test")

    def test_shipped_models(self):
        good = self.succeed("evaluate.py", {"modelPath": "models/breast-cancer-example.json"})
        self.assertGreaterEqual(good["metrics"]["accuracy"], 0.97)
        bad = self.succeed("evaluate.py", {"modelPath": "models/always-malignant.json"})
        self.assertAlmostEqual(bad["metrics"]["accuracy"], 42 / 113)
        self.assertEqual(bad["metrics"]["precision"], 0.0)
        self.assertEqual(bad["metrics"]["recall"], 0.0)

    def test_whole_raw_data_set(self):
        result = self.succeed(
            "evaluate.py",
            {"modelPath": "models/breast-cancer-example.json", "dataset": BREAST_CANCER},
        )
        self.assertEqual(result["samples"], 569)
        self.assertEqual(result["data"], {"dataset": BREAST_CANCER, "part": "all"})

    def test_metric_arithmetic(self):
        matrix, metrics = evaluate.metrics_for([1, 1, 0, 0, 1], [1, 0, 0, 1, 1], 2)
        self.assertEqual(matrix, [[1, 1], [1, 2]])
        self.assertEqual(metrics["accuracy"], 3 / 5)
        self.assertEqual(metrics["precision"], 2 / 3)
        self.assertEqual(metrics["recall"], 2 / 3)
        self.assertAlmostEqual(metrics["f1"], 2 / 3)
        self.assertEqual(evaluate.percentile([5, 1, 4, 2, 3], 0.95), 5)
        self.assertEqual(evaluate.percentile(list(range(1, 101)), 0.95), 95)

    def test_broken_artifacts_and_mismatched_data(self):
        self.fail_with(
            "evaluate.py",
            {"modelPath": "models/none.json"},
            "Model.ArtifactNotFound",
            "models/none.json",
        )
        with open(
            os.path.join(WORKFLOWS, "models/breast-cancer-example.json"), encoding="utf-8"
        ) as s:
            artifact = json.load(s)
        broken = dict(artifact, weights=artifact["weights"][:29])
        path = self.write_data("broken.json", json.dumps(broken))
        self.fail_with(
            "evaluate.py",
            {"modelPath": path},
            "Model.ArtifactInvalid",
            "'weights' must be 30 numbers",
        )
        path = self.write_data("text.json", "not json")
        self.fail_with("evaluate.py", {"modelPath": path}, "Model.ArtifactInvalid", "not JSON")
        features = self.prepare()
        self.fail_with(
            "evaluate.py",
            {"modelPath": "models/always-malignant.json", "testPath": features["testPath"]},
            "Model.DataMismatch",
            "other means/stds",
        )
        self.fail_with(
            "evaluate.py",
            {"modelPath": "models/breast-cancer-example.json", "dataset": "data/iris.csv"},
            "Model.DataMismatch",
            "iris.csv has 4 features but the model expects 30",
        )


class ValidateArtifactTests(TaskTestCase):
    def test_shipped_artifact_loads(self):
        result = self.succeed(
            "validate_artifact.py",
            {
                "modelName": "breast-cancer-classifier",
                "artifactPath": "models/breast-cancer-example.json",
                "runsRoot": self.scratch,
            },
            execution_id="evaluation-1",
        )
        with open(os.path.join(WORKFLOWS, "models/breast-cancer-example.json"), "rb") as stream:
            self.assertEqual(result["sha256"], hashlib.sha256(stream.read()).hexdigest())
        self.assertEqual(result["features"], 30)
        self.assertEqual(result["heldOut"]["dataset"], BREAST_CANCER)
        self.assertEqual(result["heldOut"]["split"]["seed"], 42)
        self.assertEqual(result["runDirectory"], os.path.join(self.scratch, "evaluation-1"))
        self.assertTrue(os.path.isdir(result["runDirectory"]))

    def test_new_data_replaces_the_held_out_record(self):
        result = self.succeed(
            "validate_artifact.py",
            {
                "modelName": "m",
                "version": 3,
                "artifactPath": "models/breast-cancer-example.json",
                "dataset": "data/new.csv",
                "runsRoot": self.scratch,
            },
        )
        self.assertEqual(result["heldOut"], {"dataset": "data/new.csv", "split": None})

    def test_bad_input(self):
        base = {
            "modelName": "m",
            "artifactPath": "models/breast-cancer-example.json",
            "runsRoot": self.scratch,
        }
        self.fail_with("validate_artifact.py", dict(base, version=0), "Input.Invalid", "version")
        self.fail_with("validate_artifact.py", {"artifactPath": "x"}, "Input.Invalid", "modelName")
        self.fail_with(
            "validate_artifact.py",
            dict(base, artifactPath="models/none.json"),
            "Model.ArtifactNotFound",
        )
        path = self.write_data("format.json", json.dumps({"format": "pickle"}))
        self.fail_with(
            "validate_artifact.py",
            dict(base, artifactPath=path),
            "Model.ArtifactInvalid",
            "'format'",
        )


class AlertTests(TaskTestCase):
    def test_records_one_line_per_failure_and_exits_zero(self):
        payload = {
            "failure": {"Error": "Data.HeaderMismatch", "Cause": "x.csv: header says 2 rows"},
            "runsRoot": self.scratch,
            "modelName": "breast-cancer-classifier",
            "validation": {"rows": 2},
        }
        result = self.succeed("alert.py", payload, execution_id="failed-run")
        path = os.path.join(self.scratch, "failed-run", "alerts.jsonl")
        self.assertEqual(result["alertsPath"], path)
        self.assertEqual(result["summary"], "Data.HeaderMismatch: x.csv: header says 2 rows")
        self.assertEqual(result["completed"], ["validation"])
        # A re-run with the same idempotency key must not add a second line.
        self.succeed("alert.py", payload, execution_id="failed-run")
        with open(path, encoding="utf-8") as stream:
            lines = [json.loads(line) for line in stream]
        self.assertEqual(len(lines), 1)
        self.assertEqual(lines[0]["error"], "Data.HeaderMismatch")
        self.assertEqual(lines[0]["executionId"], "failed-run")
        self.assertEqual(lines[0]["modelName"], "breast-cancer-classifier")
        self.succeed(
            "alert.py",
            payload,
            execution_id="failed-run",
            extra_env={"CAIRN_IDEMPOTENCY_KEY": "another"},
        )
        with open(path, encoding="utf-8") as stream:
            self.assertEqual(len(stream.readlines()), 2)

    def test_uses_the_run_directory_the_pipeline_already_has(self):
        folder = os.path.join(self.scratch, "existing")
        result = self.succeed(
            "alert.py",
            {"failure": {"Error": "E", "Cause": "c"}, "features": {"runDirectory": folder}},
        )
        self.assertEqual(result["alertsPath"], os.path.join(folder, "alerts.jsonl"))

    def test_unwritable_alerts_file_is_an_error(self):
        blocker = os.path.join(self.scratch, "file")
        self.write_data("file", "")
        self.fail_with(
            "alert.py",
            {"failure": {"Error": "E", "Cause": "c"}, "runDirectory": os.path.join(blocker, "sub")},
            "IO.WriteFailed",
        )


if __name__ == "__main__":
    unittest.main()
