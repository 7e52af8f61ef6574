"""Asks a person to approve a model that passed the quality gate.

Runs as a `cairn:exec.waitForTaskToken` task: Cairn gives it the task token,
and the workflow waits until someone answers with that token. This script
only records the request (in the run folder's approval.json) and tells the
operator how to answer; the answer itself comes from the CLI:

    cairn task success TOKEN --output '{"approved": true, "by": "me"}'
    cairn task success TOKEN --output '{"approved": false, "reason": "..."}'
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import task_io  # noqa: E402


def main(payload):
    token = task_io.require(payload, "token", str)
    run_folder = task_io.run_directory(payload)
    request = {
        "token": token,
        "modelName": payload.get("modelName"),
        "metrics": payload.get("metrics"),
        "approve": f"cairn task success {token} --output '{{\"approved\": true}}'",
        "reject": f"cairn task success {token} --output '{{\"approved\": false}}'",
    }
    path = os.path.join(run_folder, "approval.json")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(request, handle, indent=2)
    task_io.log(f"approval requested; answer with: {request['approve']}")
    return {"requested": path}


if __name__ == "__main__":
    task_io.run(main)
